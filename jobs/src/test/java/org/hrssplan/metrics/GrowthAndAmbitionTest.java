package org.hrssplan.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.sql.Row;
import org.hrssplan.testing.SeedMetrics;
import org.junit.jupiter.api.Test;

/** Ten growth / ambition cases across all five regions, each computed here from the printed values. */
class GrowthAndAmbitionTest {
  private static final double EPS = 1e-9;

  private static double cagr(double from, double to) {
    return Math.pow(to / from, 1.0 / 5) - 1;
  }

  private static Row ambition(String region, String indicator) throws Exception {
    return SeedMetrics.one("fct_ambition", region, indicator, null);
  }

  @Test
  void dachuanSetsItsUnemploymentInsuranceTargetBelowTheCurrentLevel() throws Exception {
    Row r = ambition("511703", "unemployment_insurance_insured");                  // 000 l.151–152: 1.08 → 0.66
    assertEquals(0.66 / 1.08, r.<Double>getAs("target_to_current"), EPS);
    assertTrue(r.<Boolean>getAs("target_below_current"));
    assertEquals(cagr(1.08, 0.66), r.<Double>getAs("planned_cagr"), EPS);
    assertEquals(cagr(2.1, 1.08), r.<Double>getAs("realized_cagr"), EPS);           // 十三五 2.1 → 1.08
    assertEquals(cagr(1.08, 0.66) / cagr(2.1, 1.08), r.<Double>getAs("planned_vs_realized"), EPS);
    assertTrue(((String) r.getAs("comparability_flags")).contains("scope_note"));   // 2020 incl. 高新区/经开区
  }

  @Test
  void fengjieComplaintClosureTargetBelowCurrent() throws Exception {
    Row r = ambition("500236", "labor_inspection_closure_rate");                    // 002 l.246–247: 100 → 98
    assertEquals(0.98, r.<Double>getAs("target_to_current"), EPS);
    assertTrue(r.<Boolean>getAs("target_below_current"));
  }

  @Test
  void xuyongAndTongliangUnemploymentInsurance() throws Exception {
    Row x = ambition("510524", "unemployment_insurance_insured");                   // 001: 1.81 → 2.28 → 2.37
    assertEquals(2.37 / 2.28, x.<Double>getAs("target_to_current"), EPS);
    assertEquals(cagr(2.28, 2.37), x.<Double>getAs("planned_cagr"), EPS);
    assertEquals(cagr(1.81, 2.28), x.<Double>getAs("realized_cagr"), EPS);
    Row t = ambition("500151", "unemployment_insurance_insured");                   // 003: 5.7 → 8.2 → 9.2
    assertEquals(9.2 / 8.2, t.<Double>getAs("target_to_current"), EPS);
    assertEquals(cagr(5.7, 8.2), t.<Double>getAs("realized_cagr"), EPS);
    assertFalse(t.<Boolean>getAs("target_below_current"));
  }

  @Test
  void lowerIsBetterAmbitionIsInvertedSoAboveOneMeansMoreAmbitious() throws Exception {
    Row r = ambition("510524", "registered_urban_unemployment_rate");               // 001: 3.19 → 2.7; 十四五 <4.5
    assertEquals(2.7 / 4.5, r.<Double>getAs("target_to_current"), EPS);             // 0.6: a looser cap than today
    assertTrue(r.<Boolean>getAs("target_below_current"));
    assertEquals("<", r.getAs("target_comparator"));
    assertEquals(cagr(3.19, 2.7), r.<Double>getAs("realized_cagr"), EPS);
  }

  @Test
  void jiadingProseTargetAgainstThePreviousActual() throws Exception {
    Row r = ambition("310114", "high_skilled_share");                               // 附表 35.07% → prose 36%
    assertEquals(36 / 35.07, r.<Double>getAs("target_to_current"), EPS);
    assertEquals("current_from_previous_actual;end_from_prose;target_from_prose", r.getAs("comparability_flags"));
  }

  @Test
  void fiveYearFlowsCompareFiveYearSums() throws Exception {
    Row r = ambition("500236", "urban_new_jobs");                                   // 002: 【6.81】 → 【6】
    assertEquals("five_year_sums", r.getAs("basis"));
    assertEquals(6 / 6.81, r.<Double>getAs("target_to_current"), EPS);
    Row g = SeedMetrics.one("fct_growth", "500236", "urban_new_jobs", "growth_kind = 'planned'");
    assertEquals(6 / 6.81, g.<Double>getAs("sum_ratio"), EPS);
    Row realized = SeedMetrics.one("fct_growth", "500236", "urban_new_jobs", "growth_kind = 'realized'");   // 【0.96】 → 【6.81】
    assertEquals(cagr(0.96, 6.81), realized.<Double>getAs("cagr"), EPS);
  }

  @Test
  void tongliangRealizedNewJobsAreNotAssessable() throws Exception {
    Row g = SeedMetrics.one("fct_growth", "500151", "urban_new_jobs", "growth_kind = 'realized'");        // 2.22 → 8.49 (5-yr total)
    assertEquals("five_year_total_vs_single_year_base", g.getAs("not_assessable_reason"));
    assertNull(g.getAs("cagr"));
  }

  @Test
  void dachuanTransferTargetHalved() throws Exception {
    Row r = ambition("511703", "rural_labor_transferred");                          // 000 l.134–135: 30.11 → 15
    assertEquals(15 / 30.11, r.<Double>getAs("target_to_current"), EPS);
    assertEquals(cagr(30.9, 30.11), r.<Double>getAs("realized_cagr"), EPS);
  }

  @Test
  void fengjieProseOnlyTargetUsesThe2020Actual() throws Exception {
    Row r = ambition("500236", "high_skilled_talent_total");                        // 表1 0.41 → 1.5; prose 3.8万人
    assertEquals(3.8 / 1.5, r.<Double>getAs("target_to_current"), EPS);
    assertEquals(cagr(1.5, 3.8), r.<Double>getAs("planned_cagr"), EPS);
    assertEquals(cagr(0.41, 1.5), r.<Double>getAs("realized_cagr"), EPS);
  }

  @Test
  void crossRegionStatisticsAgreeWithCommonsMath() throws Exception {
    // target_to_current of 失业保险参保人数: 奉节 6.02/5.05, 铜梁 9.2/8.2, 叙永 2.37/2.28, 达川 0.66/1.08
    double[] v = {6.02 / 5.05, 9.2 / 8.2, 2.37 / 2.28, 0.66 / 1.08};
    double median = new org.apache.commons.math3.stat.descriptive.rank.Median().evaluate(v);
    double[] dev = new double[v.length];
    for (int i = 0; i < v.length; i++) dev[i] = Math.abs(v[i] - median);
    double mad = new org.apache.commons.math3.stat.descriptive.rank.Median().evaluate(dev);
    var sd = new org.apache.commons.math3.stat.descriptive.DescriptiveStatistics(v);
    var rows = SeedMetrics.get().get("agg_indicator_cross_region")
        .where("indicator_id = 'unemployment_insurance_insured' AND metric = 'target_to_current'").orderBy("rank").collectAsList();
    assertEquals(4, rows.size());
    assertEquals(java.util.List.of("500236", "500151", "510524", "511703"), rows.stream().map(r -> r.<String>getAs("region_code")).toList());
    for (Row r : rows) {
      assertEquals(median, r.<Double>getAs("median"), EPS);
      assertEquals(mad, r.<Double>getAs("mad"), EPS);
      assertEquals(sd.getStandardDeviation() / Math.abs(sd.getMean()), r.<Double>getAs("cv"), 1e-12);
      assertEquals(4L, (long) r.<Long>getAs("n_regions"));
    }
    Row dachuan = rows.get(3);
    assertEquals(0.6745 * (0.66 / 1.08 - median) / mad, dachuan.<Double>getAs("robust_z"), EPS);
    assertTrue(dachuan.<Boolean>getAs("is_outlier"));
    assertEquals(0.0, dachuan.<Double>getAs("percentile"), EPS);
  }

  @Test
  void valuesEqualButForFloatingPointNoiseHaveNoSpreadAndNoOutlier() throws Exception {
    // 城镇登记失业率 十四五 target / current: 铜梁 3 → <5 and 叙永 2.7 → <4.5 are both 0.6 (2.7 / 4.5 is 0.6000000000000001
    // in binary), 达川 0.943: the median deviation is 0, so no region is an outlier (robust z undefined)
    var rows = SeedMetrics.get().get("agg_indicator_cross_region")
        .where("indicator_id = 'registered_urban_unemployment_rate' AND plan_period = '14th' AND metric = 'target_to_current'")
        .collectAsList();
    assertEquals(3, rows.size());
    for (Row r : rows) {
      assertEquals(0.0, r.<Double>getAs("mad"));
      assertTrue(r.isNullAt(r.fieldIndex("robust_z")));
      assertTrue(r.isNullAt(r.fieldIndex("is_outlier")));
    }
  }

  @Test
  void regionScorecardCountsWhatTheDocumentsSay() throws Exception {
    Row f = SeedMetrics.get().get("agg_region_scorecard").where("region_code = '500236' AND plan_period = '13th'").collectAsList().get(0);
    assertEquals(16L, (long) f.<Long>getAs("indicators_assessed"));   // 17 rows of 表1 less the 比例 ratio
    assertEquals(11L, (long) f.<Long>getAs("achieved"));
    assertEquals(5L, (long) f.<Long>getAs("missed"));
    assertEquals(4L, (long) f.<Long>getAs("binding_missed"));        // 社区, 村, 失业 >92, 工伤 >99 are 约束性; 专技 预期性
    assertEquals(1L, (long) f.<Long>getAs("declines"));
  }
}
