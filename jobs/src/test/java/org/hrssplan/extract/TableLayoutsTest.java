package org.hrssplan.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import org.hrssplan.testing.ObservationText;
import org.hrssplan.testing.TestFixtures;
import org.junit.jupiter.api.Test;

/** One small document per layout (fixtures/layouts), expected rows written by hand from the fixture. */
class TableLayoutsTest {
  private static ExtractionResult extract(String name) throws Exception {
    var path = TestFixtures.resource("fixtures/layouts/" + name);
    return TestFixtures.extractor().extract(name, Files.readAllBytes(path));
  }

  @Test
  void pipeRowsWithStarredLabelsAndBracketedSums() throws Exception {
    ExtractionResult r = extract("pipe_rows.txt");
    assertEquals(List.of(
        "L6 urban_new_jobs base 2015 = 2 万人 cum binding [indicator_marked]",
        "L6 urban_new_jobs target 2020 = 1.7 万人 cum binding [indicator_marked]",
        "L6 urban_new_jobs actual 2020 = 2.06 万人 cum binding [indicator_marked]",
        "L7 registered_urban_unemployment_rate base 2015 = 3.19 % anticipatory",
        "L7 registered_urban_unemployment_rate target 2020 <= 4 % anticipatory",
        "L7 registered_urban_unemployment_rate actual 2020 = 2.7 % anticipatory"), ObservationText.of(r.observations()));
    assertEquals("510524", r.account().regionCode());
    assertEquals("13th", r.observations().get(0).planPeriod());
    assertTrue(r.observations().get(0).note().contains("县政府“十三五”规划指标"), r.observations().get(0).note());
  }

  @Test
  void crlfLineEndingsAndAByteOrderMarkReadTheSame() throws Exception {
    byte[] lf = Files.readAllBytes(TestFixtures.resource("fixtures/layouts/pipe_rows.txt"));
    String crlf = "\uFEFF" + new String(lf, java.nio.charset.StandardCharsets.UTF_8).replace("\n", "\r\n");
    ExtractionResult r = TestFixtures.extractor().extract("pipe_rows_crlf.txt", crlf.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(ObservationText.of(extract("pipe_rows.txt").observations()), ObservationText.of(r.observations()));
    assertEquals("UTF-8 (BOM)", r.account().encoding());
  }

  @Test
  void tabCellsWithWrappedLabelAndScopeNote() throws Exception {
    ExtractionResult r = extract("tab_cells.txt");
    assertEquals(List.of(
        "L13 urban_new_jobs base 2020 = 8.49 万人 cum anticipatory [scope_note]",
        "L14 urban_new_jobs target 2025 = 5 万人 cum anticipatory",
        "L19 surveyed_urban_unemployment_rate base 2020 = 5.5 % anticipatory [scope_note]",
        "L20 surveyed_urban_unemployment_rate target 2025 < 5.5 % anticipatory"), ObservationText.of(r.observations()));
    assertEquals("14th", r.observations().get(0).planPeriod());
    assertEquals("城镇调查失业率", r.observations().get(2).indicatorNameRaw());
  }

  @Test
  void bareLinesInHeaderOrderWithUnitsInTheCells() throws Exception {
    ExtractionResult r = extract("bare_lines.txt");
    assertEquals(List.of(
        "L15 rural_surplus_labor_transfer target 2020 >= 2 万人次 cum binding",
        "L19 rural_surplus_labor_transfer actual 2020 = 2.5667 万人次 cum binding",
        "L23 high_skilled_share target 2020 = 35 % anticipatory",
        "L27 high_skilled_share actual 2020 = 35.07 % anticipatory"), ObservationText.of(r.observations()));
  }

  @Test
  void htmlPageTablesAndProseGoThroughTheSameExtractor() throws Exception {
    ExtractionResult r = extract("plan_page.html");
    assertEquals("html", r.account().format());
    assertEquals("500236", r.account().regionCode());
    assertEquals(List.of(
        "L12 unemployment_insurance_insured base 2020 = 5.05 万人 binding",
        "L12 unemployment_insurance_insured target 2025 = 6.02 万人 binding",
        "L13 work_injury_insurance_insured base 2020 = 6.65 万人 binding",
        "L13 work_injury_insurance_insured target 2025 = 8.09 万人 binding",
        "L6 unemployment_insurance_insured target 2025 = 6.02 万人 [confirms_table]",
        "L6 work_injury_insurance_insured target 2025 = 8.09 万人 [confirms_table]"),
        ObservationText.of(r.observations()).stream().sorted().toList());
    assertTrue(r.findings().stream().noneMatch(f -> f.findingType().equals("table_prose_conflict")), "prose agrees with the table");
  }
}
