package org.hrssplan.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import org.hrssplan.testing.ObservationText;
import org.hrssplan.testing.TestFixtures;
import org.junit.jupiter.api.Test;

/**
 * Plans typed by someone trying the product as a new user (fixtures/newuser), who wrote the rows each should give
 * before running it. Three of them first lost rows in silence: a section line without separators, or a row whose
 * first cell is empty, inside a pipe or TAB-row table.
 */
class NewUserDocumentsTest {
  private static ExtractionResult extract(String name) throws Exception {
    return TestFixtures.extractor().extract(name, Files.readAllBytes(TestFixtures.resource("fixtures/newuser/" + name)));
  }

  private static final List<String> TWO_ROWS_AFTER_A_SECTION_LINE = List.of(
      "L7 urban_new_jobs target 2025 = 1.8 万人 cum anticipatory",
      "L7 urban_new_jobs base 2020 = 1.75 万人 cum anticipatory",
      "L9 registered_urban_unemployment_rate target 2025 < 4.5 % anticipatory",
      "L9 registered_urban_unemployment_rate base 2020 = 3.9 % anticipatory");

  @Test
  void aSectionLineWithoutSeparatorsInsideATabRowTableDoesNotEndIt() throws Exception {
    ExtractionResult r = extract("s2_tab_section_middle.txt");
    assertEquals(TWO_ROWS_AFTER_A_SECTION_LINE, ObservationText.of(r.observations()));
    assertEquals("extracted", r.account().status());
  }

  @Test
  void aSectionLineWithoutPipesInsideAPipeTableDoesNotEndIt() throws Exception {
    assertEquals(TWO_ROWS_AFTER_A_SECTION_LINE, ObservationText.of(extract("p2_pipe_section_middle.txt").observations()));
  }

  @Test
  void aTabRowWhoseFirstCellIsEmptyIsARowOfTheTable() throws Exception {
    assertEquals(List.of(
        "L7 urban_new_jobs target 2025 = 1.8 万人 cum anticipatory",
        "L7 urban_new_jobs base 2020 = 1.75 万人 cum anticipatory",
        "L8 registered_urban_unemployment_rate target 2025 < 4.5 % anticipatory",
        "L8 registered_urban_unemployment_rate base 2020 = 3.9 % anticipatory"),
        ObservationText.of(extract("s4_tab_category_blank.txt").observations()));
  }

  @Test
  void tabRowsWithSectionsAUnitColumnAndANoteColumnWithNumbers() throws Exception {
    ExtractionResult r = extract("c_fengjie_tabs.txt");
    assertEquals(List.of(
        "L8 urban_new_jobs target 2025 = 1.8 万人 cum anticipatory",
        "L8 urban_new_jobs base 2020 = 1.75 万人 cum anticipatory",
        "L9 registered_urban_unemployment_rate target 2025 < 4.5 % anticipatory",
        "L9 registered_urban_unemployment_rate base 2020 = 3.9 % anticipatory",
        "L10 migrant_worker_training target 2025 = 1.5 万人次 anticipatory",
        "L10 migrant_worker_training base 2020 = 1.25 万人次 anticipatory",
        "L12 resident_pension_coverage_rate target 2025 >= 95 % binding",
        "L12 resident_pension_coverage_rate base 2020 = 93.4 % binding",
        "L13 hr_service_revenue target 2025 = 1.2 亿元 anticipatory",
        "L13 hr_service_revenue base 2020 = 0.85 亿元 anticipatory",
        "L14 high_skilled_talent_total target 2025 = 1.2 万人 anticipatory",
        "L14 high_skilled_talent_total base 2020 = missing 万人 anticipatory"), ObservationText.of(r.observations()));
    assertTrue(r.observations().get(4).note().contains("每年约3000人次"), "the 备注 is a note, never a value");
  }

  @Test
  void openingAndClosingPipesAndCurrentStateAsTheBase() throws Exception {
    ExtractionResult r = extract("a_tongliang_pipe.txt");
    assertEquals(List.of(
        "L7 urban_new_jobs target 2025 = 3.5 万人 cum anticipatory",
        "L7 urban_new_jobs base 2020 = 3.2 万人 cum anticipatory",
        "L8 surveyed_urban_unemployment_rate target 2025 <= 5.5 % anticipatory",
        "L8 surveyed_urban_unemployment_rate base 2020 = 5.3 % anticipatory",
        "L9 unemployment_insurance_insured target 2025 = 5.2 万人 anticipatory",
        "L9 unemployment_insurance_insured base 2020 = 4.685 万人 anticipatory",
        "L10 skilled_talent_total target 2025 = 12 万人 anticipatory",
        "L10 skilled_talent_total base 2020 = 10.3 万人 anticipatory",
        "L11 dispute_arbitration_closure_rate target 2025 >= 92 % binding",
        "L11 dispute_arbitration_closure_rate base 2020 = 95.6 % binding"), ObservationText.of(r.observations()));
    assertTrue(r.findings().stream().noneMatch(f -> f.findingType().equals("unknown_column")), r.findings().toString());
  }

  @Test
  void htmlWithTheadTbodyATitleRowAndNotesUnderTheTable() throws Exception {
    ExtractionResult r = extract("b_fengjie_thead.html");
    assertEquals(List.of(
        "L13 urban_new_jobs base 2020 = 2.3 万人 cum anticipatory",
        "L13 urban_new_jobs target 2025 = 2.5 万人 cum anticipatory",
        "L14 surveyed_urban_unemployment_rate base 2020 = 5.6 % anticipatory",
        "L14 surveyed_urban_unemployment_rate target 2025 ~ 5.5 % anticipatory",
        "L15 vocational_training base 2020 = 6.2 万人次 cum anticipatory",
        "L15 vocational_training target 2025 >= 5 万人次 cum anticipatory",
        "L16 basic_pension_coverage_rate base 2020 = 95 % binding",
        "L16 basic_pension_coverage_rate target 2025 > 96 % binding",
        "L17 work_injury_insurance_insured base 2020 = 9.86 万人 anticipatory",
        "L17 work_injury_insurance_insured target 2025 = 11 万人 anticipatory",
        "L18 social_security_card_coverage_rate base 2020 = 98.2 % anticipatory",
        "L18 social_security_card_coverage_rate target 2025 >= 99 % anticipatory"), ObservationText.of(r.observations()));
    assertTrue(r.observations().get(0).note().contains("【】内为五年累计数"), "the note under an HTML table is its note");
  }
}
