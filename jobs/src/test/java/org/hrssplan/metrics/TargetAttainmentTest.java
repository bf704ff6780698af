package org.hrssplan.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.sql.Row;
import org.hrssplan.testing.SeedMetrics;
import org.junit.jupiter.api.Test;

/**
 * 十三五 attainment on the seeds. Every expected number is computed here from the values printed in the
 * documents (file, line in the comment), never copied from the program's output.
 */
class TargetAttainmentTest {
  private static final double EPS = 1e-9;

  private static double cagr(double from, double to) {
    return Math.pow(to / from, 1.0 / 5) - 1;
  }

  @Test
  void theNineMissedTargetsOfTheSeeds() throws Exception {
    // read from the documents: 达川 专栏1 row 5; 奉节 表1 rows 3, 4, 6, 7, 10; 铜梁 专栏1 rows 1–3
    List<String> missed = SeedMetrics.get().get("fct_target_attainment").where("NOT achieved").orderBy("region_code", "indicator_id")
        .selectExpr("concat(region_code, ' ', indicator_id)").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    assertEquals(List.of(
        "500151 hard_to_employ_employed",                // 2 → 1.53*
        "500151 registered_unemployed_reemployed",       // 4 → 2.52*
        "500151 urban_new_jobs",                         // 11 → 8.49*
        "500236 full_employment_community_share",        // 100 → 81.2
        "500236 full_employment_village_share",          // 100 → 83
        "500236 professional_technical_talent",          // 2 → 1.9
        "500236 unemployment_insurance_coverage_rate",   // >92 → 92 (strict)
        "500236 work_injury_insurance_coverage_rate",    // >99 → 99 (strict)
        "511703 unemployment_insurance_insured"),        // 2.5 → 1.08
        missed);
  }

  @Test
  void everyDeclineAgainstTheBase() throws Exception {
    List<String> declines = SeedMetrics.get().get("fct_target_attainment").where("declined").orderBy("region_code", "indicator_id")
        .selectExpr("concat(region_code, ' ', indicator_id)").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    assertEquals(List.of(
        "500151 dispute_arbitration_closure_rate",    // 99.9 → 96
        "500151 resident_pension_insured",            // 39.14 → 38.4
        "500236 registered_urban_unemployment_rate",  // 3.3 → 4.5, lower is better
        "510524 dispute_arbitration_closure_rate",    // 99.2 → 96.33
        "511703 dispute_arbitration_closure_rate",    // 100 → 96
        "511703 rural_labor_transferred",             // 30.9 → 30.11
        "511703 unemployment_insurance_insured"),     // 2.1 → 1.08
        declines);
  }

  @Test
  void dachuanUnemploymentInsuranceFellAgainstItsTarget() throws Exception {
    Row r = SeedMetrics.one("fct_target_attainment", "511703", "unemployment_insurance_insured", null);   // 000 l.45–47: 2.1, 2.5, 1.08
    assertFalse(r.<Boolean>getAs("achieved"));
    assertEquals(1.08 - 2.5, r.<Double>getAs("gap_abs"), EPS);
    assertEquals((1.08 - 2.5) / 2.5, r.<Double>getAs("gap_rel"), EPS);
    assertEquals((1.08 - 2.1) / (2.5 - 2.1), r.<Double>getAs("completion_share"), EPS);      // −2.55
    assertEquals(0.0, r.<Double>getAs("completion_share_capped"), EPS);
    assertEquals(cagr(2.1, 1.08), r.<Double>getAs("cagr_actual"), EPS);
    assertEquals(cagr(2.1, 2.5), r.<Double>getAs("cagr_required"), EPS);
    assertEquals(cagr(2.1, 1.08) / Math.abs(cagr(2.1, 2.5)), r.<Double>getAs("growth_ratio_r"), EPS);
    assertEquals("deterioration", r.getAs("status"));
    assertTrue(r.<Boolean>getAs("declined"));
    assertEquals(-0.4857142857142857, r.<Double>getAs("change_rel"), 1e-12);                  // −48.6%
  }

  @Test
  void strictTargetIsNotMetByItsBoundAndRIsOnTheShortfallTo100() throws Exception {
    Row r = SeedMetrics.one("fct_target_attainment", "500236", "unemployment_insurance_coverage_rate", null); // 002 l.61–63: 91, >92, 92
    assertFalse(r.<Boolean>getAs("achieved"));
    assertEquals("shortfall_to_100", r.getAs("progress_basis"));
    double observed = cagr(100 - 91, 100 - 92);
    double required = cagr(100 - 91, 100 - 92);
    assertEquals(-1 * observed / Math.abs(required), r.<Double>getAs("growth_ratio_r"), EPS);  // 1.0: the pace was right
    assertEquals("on_track", r.getAs("status"));
    assertTrue(r.<Boolean>getAs("is_binding"));
  }

  @Test
  void fiveYearTotalsAgainstAOneYearBaseAreNotAssessedButTheMissIsKnown() throws Exception {
    Row r = SeedMetrics.one("fct_target_attainment", "500151", "urban_new_jobs", null);   // 003 l.43–45: 2.22, 11, 8.49*
    assertFalse(r.<Boolean>getAs("achieved"));
    assertEquals(8.49 - 11, r.<Double>getAs("gap_abs"), EPS);
    assertEquals("five_year_total_vs_single_year_base", r.getAs("not_assessable_reason"));
    assertNull(r.getAs("growth_ratio_r"));
    assertNull(r.getAs("declined"));
    assertTrue(((String) r.getAs("quality_flags")).contains("revised"));
  }

  @Test
  void lowerIsBetterWithAnUpperBoundTarget() throws Exception {
    Row r = SeedMetrics.one("fct_target_attainment", "511703", "registered_urban_unemployment_rate", null);  // 4.03, ≤4.1, 3.96
    assertTrue(r.<Boolean>getAs("achieved"));
    assertEquals("achieved", r.getAs("status"));
    assertEquals("target_met_at_base", r.getAs("not_assessable_reason"));   // 4.03 ≤ 4.1 already in 2015
    assertFalse(r.<Boolean>getAs("declined"));
  }

  @Test
  void anActualPrintedAsABoundMeetsATargetItGuarantees() throws Exception {
    Row r = SeedMetrics.one("fct_target_attainment", "310114", "new_jobs_created", null);   // 004 l.41/45: 每年不低于2.6万个 / 每年均超过2.6万个
    assertTrue(r.<Boolean>getAs("achieved"));
    assertEquals(">", r.getAs("actual_comparator"));
    assertEquals("missing_base", r.getAs("not_assessable_reason"));
  }

  @Test
  void ratiosAndQualitativeTargetsGetAReasonNotANumber() throws Exception {
    Row ratio = SeedMetrics.one("fct_target_attainment", "510524", "professional_title_structure", null);    // 10:40:50
    assertEquals("ratio_target", ratio.getAs("not_assessable_reason"));
    assertNull(ratio.getAs("achieved"));
    assertEquals("not_assessable", ratio.getAs("status"));
    Row qual = SeedMetrics.one("fct_target_attainment", "310114", "zero_employment_family_members", null);  // 始终保持动态为零
    assertEquals("qualitative_target", qual.getAs("not_assessable_reason"));
  }

  @Test
  void rBandsFollowTheEurostatThresholds() throws Exception {
    Row r = SeedMetrics.one("fct_target_attainment", "500236", "professional_technical_talent", null);     // 1.15, 2, 1.9
    double expected = cagr(1.15, 1.9) / Math.abs(cagr(1.15, 2));                                  // 0.903
    assertEquals(expected, r.<Double>getAs("growth_ratio_r"), EPS);
    assertEquals("acceleration_needed", r.getAs("status"));
    assertEquals((1.9 - 1.15) / (2 - 1.15), r.<Double>getAs("completion_share"), EPS);
    Row community = SeedMetrics.one("fct_target_attainment", "500236", "full_employment_community_share", null); // 63.2, 100, 81.2
    assertEquals(-1 * cagr(100 - 63.2, 100 - 81.2) / Math.abs(cagr(100 - 63.2, 0)), community.<Double>getAs("growth_ratio_r"), EPS);
    assertEquals("limited_progress", community.getAs("status"));
  }
}
