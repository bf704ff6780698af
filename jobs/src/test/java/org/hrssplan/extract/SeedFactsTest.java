package org.hrssplan.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.hrssplan.model.Observation;
import org.hrssplan.testing.ObservationText;
import org.hrssplan.testing.TestFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The facts issue #2 says must hold, each read by hand from the seed documents. */
class SeedFactsTest {
  private static List<Observation> all;
  private static List<ExtractionResult> results;

  @BeforeAll
  static void extract() throws Exception {
    results = new CorpusExtractor(TestFixtures.extractor()).extractAll(CorpusExtractor.listInputs(TestFixtures.plansDir()));
    all = new ArrayList<>();
    results.forEach(r -> all.addAll(r.observations()));
  }

  private static List<String> facts(String region, String indicator, String sourceKind) {
    return all.stream().filter(o -> region.equals(o.regionCode()) && indicator.equals(o.indicatorId()) && sourceKind.equals(o.sourceKind()))
        .map(ObservationText::of).toList();
  }

  @Test
  void dachuanUnemploymentInsuranceFellFrom2point1To1point08AgainstATargetOf2point5() {
    // 000 专栏1 row 5 (lines 45-47) and 专栏2 row 9 (lines 151-152)
    assertEquals(List.of(
        "L45 unemployment_insurance_insured base 2015 = 2.1 万人",
        "L46 unemployment_insurance_insured target 2020 = 2.5 万人",
        "L47 unemployment_insurance_insured actual 2020 = 1.08 万人",
        "L151 unemployment_insurance_insured base 2020 = 1.08 万人 binding [scope_note]",
        "L152 unemployment_insurance_insured target 2025 = 0.66 万人 binding"), facts("511703", "unemployment_insurance_insured", "table"));
  }

  @Test
  void xuyongUrbanNewJobs2020ActualIsTheFiveYearSum2point06() {
    assertTrue(facts("510524", "urban_new_jobs", "table").contains("L11 urban_new_jobs actual 2020 = 2.06 万人 cum binding [indicator_marked]"));
  }

  @Test
  void fengjieUnemploymentInsuranceRateTargetIsStrictlyAbove92() {
    assertEquals(List.of(
        "L61 unemployment_insurance_coverage_rate base 2015 = 91 % binding",
        "L62 unemployment_insurance_coverage_rate target 2020 > 92 % binding",
        "L63 unemployment_insurance_coverage_rate actual 2020 = 92 % binding"), facts("500236", "unemployment_insurance_coverage_rate", "table"));
  }

  @Test
  void tongliangUrbanNewJobsTarget11Actual8point49FlaggedRevised() {
    List<String> f = facts("500151", "urban_new_jobs", "table");
    assertTrue(f.contains("L44 urban_new_jobs target 2020 = 11 万人"), f.toString());
    assertTrue(f.contains("L45 urban_new_jobs actual 2020 = 8.49 万人 [revised]"), f.toString());
  }

  @Test
  void jiadingRuralTransferTargetAtLeast2WanPersonTimesActual25667PersonTimes() {
    assertEquals(List.of(
        "L49 rural_surplus_labor_transfer target 2020 >= 2 万人次 cum binding",
        "L53 rural_surplus_labor_transfer actual 2020 = 2.5667 万人次 cum binding"), facts("310114", "rural_surplus_labor_transfer", "table"));
    Observation actual = all.stream().filter(o -> o.sourceLine() == 53 && o.regionCode().equals("310114")).findFirst().orElseThrow();
    assertEquals("累计完成25667人次", actual.valueRaw());
    assertEquals("人次", actual.unitRaw());
  }

  @Test
  void proseTargetsAndResultsAreExtractedBesideTheTables() {
    // 铜梁 l.155 (主要目标) 9.2万人 = 专栏2's 2025 target; l.23 (十三五 review) 8.2万人 = 专栏1's 2020 result (l.88)
    assertEquals(List.of("L155 unemployment_insurance_insured target 2025 = 9.2 万人 [confirms_table]",
        "L23 unemployment_insurance_insured actual 2020 = 8.2 万人 [confirms_table]"), facts("500151", "unemployment_insurance_insured", "prose"));
    assertEquals(List.of("L154 registered_urban_unemployment_rate target 2025 <= 5 % [confirms_table]"),
        facts("500151", "registered_urban_unemployment_rate", "prose"));
    assertEquals(List.of("L137 entrepreneurship_supported target 2025 >= 2500 人 cum"), facts("310114", "entrepreneurship_supported", "prose"));
    assertEquals(List.of("L137 high_skilled_share target 2025 = 36 %"), facts("310114", "high_skilled_share", "prose"));
    assertEquals(List.of("L164 unemployment_insurance_insured target 2025 = 6.02 万人 [confirms_table]"),
        facts("500236", "unemployment_insurance_insured", "prose"));
  }

  @Test
  void everySeedDocumentBalancesAndNothingIsQuarantined() {
    for (ExtractionResult r : results) {
      assertTrue(r.account().balanced(), r.account().toString());
      assertEquals(0, r.quarantined().size(), r.account().sourceFile() + ": " + r.quarantined());
      assertEquals("extracted", r.account().status());
    }
    assertEquals(List.of(2, 2, 2, 2, 1), results.stream().map(r -> r.account().tables()).toList());
    assertEquals(List.of(64, 87, 79, 83, 14), results.stream().map(r -> r.account().valueCellsFound()).toList());
    // prose figures: the 主要目标 targets and the figures of the rest of the prose (each measured against the figures
    // written down by hand in resources/prose, ProseFiguresTest)
    assertEquals(List.of(35, 18, 102, 32, 64), results.stream().map(r -> r.account().proseTargetsFound()).toList());
  }

  @Test
  void aProseFigureWhoseWordsBeforeOnlySayWhatWasDoneIsNamedByTheWordsAfterIt() {
    // 奉节 l.8 “扶持9448名劳动者成功创业”, l.333 “新增3500名高校大学毕业生在奉就业”: what was counted follows the number
    assertEquals(List.of("扶持 劳动者成功创业"), all.stream().filter(o -> o.regionCode().equals("500236") && o.sourceLine() == 8
        && "9448名".equals(o.valueRaw())).map(Observation::indicatorNameRaw).toList());
    assertEquals(List.of("新增 高校大学毕业生在奉就业"), all.stream().filter(o -> o.regionCode().equals("500236") && o.sourceLine() == 333
        && "3500名".equals(o.valueRaw())).map(Observation::indicatorNameRaw).toList());
  }
}
