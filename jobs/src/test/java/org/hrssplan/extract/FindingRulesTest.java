package org.hrssplan.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.hrssplan.extract.CorpusExtractor;
import org.hrssplan.extract.ExtractionResult;
import org.hrssplan.extract.Finding;
import org.hrssplan.testing.TestFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The data-quality findings the seeds must produce, each checked by hand against the documents. */
class FindingRulesTest {
  private static List<Finding> findings;

  @BeforeAll
  static void extract() throws Exception {
    findings = new ArrayList<>();
    for (ExtractionResult r : new CorpusExtractor(TestFixtures.extractor()).extractAll(CorpusExtractor.listInputs(TestFixtures.plansDir()))) {
      findings.addAll(r.findings());
    }
  }

  private static List<String> of(String type) {
    return findings.stream().filter(f -> f.findingType().equals(type)).map(f -> f.regionCode() + " " + f.indicatorId() + " " + f.sourceLines())
        .sorted().toList();
  }

  @Test
  void twoTablesOfOnePlanDisagreeingAboutA2020Value() {
    // 叙永 专栏1 l.24 actual 96.33 vs 专栏2 l.73 base 90; 铜梁 专栏1 l.121 actual 96 vs 专栏2 l.258 base 95;
    // 铜梁 城镇新增就业 8.49 unbracketed (l.45) vs [8.49] (l.177)
    assertEquals(List.of(
        "500151 dispute_arbitration_closure_rate 121;258",
        "500151 urban_new_jobs 45;177",
        "510524 dispute_arbitration_closure_rate 24;73"), of("cross_table_disagreement"));
  }

  @Test
  void tongliangRows1to3And5AreFiveYearTotalsAgainstOneYearBases() {
    // 2.22→11, 0.84→4, 0.52→2, 0.36→1; row 4 (568→1000, 1.76×) is not
    assertEquals(List.of(
        "500151 employment_skills_training 63",
        "500151 hard_to_employ_employed 53",
        "500151 registered_unemployed_reemployed 48",
        "500151 urban_new_jobs 43"), of("five_year_total_vs_single_year_base"));
  }

  @Test
  void dachuanJurisdictionNoteIsReported() {
    List<Finding> scope = findings.stream().filter(f -> f.findingType().equals("jurisdiction_scope")).toList();
    assertEquals(1, scope.size());
    assertEquals("511703", scope.get(0).regionCode());
    assertTrue(scope.get(0).detail().contains("含高新区和经开区"), scope.get(0).detail());
  }

  @Test
  void proseAndTableDisagreeingAreBothKeptAndReported() {
    // 叙永 l.43 prose 专业技术人才总量 1.5万人 vs 专栏2 l.63 1.42; 技能人才总量 2.1万人 vs l.67 2.6
    assertEquals(List.of(
        "510524 professional_technical_talent 43;63",
        "510524 skilled_talent_total 43;67"), of("table_prose_conflict"));
  }

  @Test
  void tongliangBaseThatIsABoundAndRevisedValues() {
    assertEquals(List.of("500151 basic_pension_coverage_rate 204"), of("base_is_bound"));
    assertEquals(List.of("500151 hard_to_employ_employed 55", "500151 registered_unemployed_reemployed 50", "500151 urban_new_jobs 45"),
        of("revised_value"));
  }
}
