package org.hrssplan.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.hrssplan.model.Observation;
import org.hrssplan.tables.Rows;
import org.hrssplan.tables.Schemas;
import org.hrssplan.testing.MetricInputs;
import org.hrssplan.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.hrssplan.config.MetricParameters;

/**
 * The formulas' edge cases on synthetic indicators: zero base, sign change, target met at base, 左右 tolerance,
 * strict comparators, lower-is-better, cumulative flows, missing base. One indicator per case.
 */
class AttainmentEdgeCasesTest {
  private static Map<String, Row> byIndicator;

  /** id, polarity, kind, unit, base, targetCmp, target, actual, cumulative. */
  private record Case(String id, String polarity, String kind, String unit, Double base, String cmp, double target, double actual, boolean cum) {}

  private static final List<Case> CASES = List.of(
      new Case("zero_base", "higher", "stock", "万人", 0.0, null, 5, 3, false),
      new Case("sign_change", "higher", "stock", "万元", -2.0, null, 5, 3, false),
      new Case("met_at_base", "higher", "stock", "万人", 10.0, null, 8, 9, false),
      new Case("approx_inside", "higher", "rate", "%", 70.0, "~", 80, 77, false),
      new Case("approx_outside", "higher", "rate", "%", 70.0, "~", 80, 75, false),
      new Case("strict_lower", "lower", "rate", "%", 5.0, "<", 4, 4, false),
      new Case("lower_met", "lower", "rate", "%", 5.0, "<=", 4, 3.5, false),
      new Case("flow_sums", "higher", "five_year_flow", "万人", 2.0, null, 2.5, 3.0, true),
      new Case("no_base", "higher", "stock", "万人", null, null, 5, 6, false),
      new Case("halfway", "higher", "stock", "万人", 100.0, null, 200, 150, false));

  private static MetricInputs inputs;
  private static Map<String, org.apache.spark.sql.Dataset<Row>> metrics;

  @BeforeAll
  static void compute() {
    byIndicator = metrics().get("fct_target_attainment").collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs("indicator_id"), r -> r));
  }

  /** Every metric table computed from the cases, once per test JVM (ModelGoldenFilesTest holds them to golden files). */
  static synchronized Map<String, org.apache.spark.sql.Dataset<Row>> metrics() {
    if (metrics == null) metrics = inputs().compute(SharedSpark.get(), MetricParameters.DEFAULTS);
    return metrics;
  }

  /** The cases as the four tables the models read: one region (999999), one indicator per case. */
  static synchronized MetricInputs inputs() {
    if (inputs != null) return inputs;
    SparkSession spark = SharedSpark.get();
    List<Observation> obs = new ArrayList<>();
    List<Row> indicators = new ArrayList<>();
    int line = 1;
    for (Case c : CASES) {
      indicators.add(RowFactory.create(c.id, c.id, c.id, "test", c.unit, c.polarity, c.kind, "", null));
      if (c.base != null) obs.add(obs(c, "base", 2015, c.base, null, line++));
      obs.add(obs(c, "target", 2020, c.target, c.cmp, line++));
      obs.add(obs(c, "actual", 2020, c.actual, null, line++));
    }
    inputs = new MetricInputs(
        spark.createDataFrame(obs.stream().map(Rows::observation).toList(), Schemas.OBSERVATION),
        spark.createDataFrame(indicators, Schemas.INDICATOR),
        spark.createDataFrame(List.of(RowFactory.create("999999", "测试县", "county", "", "", "")), Schemas.REGION),
        spark.createDataFrame(List.of(), Schemas.FINDING));
    return inputs;
  }

  private static Observation obs(Case c, String role, int year, double v, String cmp, int line) {
    return new Observation("t:" + c.id + ":" + role, "999999", "测试县", "13th", c.id, c.id, role, year, "number", v, null, null, c.unit,
        String.valueOf(v), c.unit, cmp, c.cum, false, null, null, "table", "t.txt", line, "L" + line, "专栏1", role, "");
  }

  private static String summary(String id) {
    Row r = byIndicator.get(id);
    Double ratio = r.getAs("growth_ratio_r");
    return r.getAs("achieved") + " " + r.getAs("status") + " " + r.getAs("not_assessable_reason")
        + (ratio == null ? "" : String.format(" R=%.4f", ratio));
  }

  @Test
  void eachEdgeCaseGetsItsReasonOrItsNumber() {
    assertEquals("false not_assessable zero_base", summary("zero_base"));
    assertEquals("false not_assessable sign_change", summary("sign_change"));
    assertEquals("true achieved target_met_at_base", summary("met_at_base"));
    assertEquals("true achieved null R=" + String.format("%.4f", ratioOnShortfall(70, 80, 77)), summary("approx_inside"));     // |77−80| ≤ 5% of 80
    assertEquals("false limited_progress null R=" + String.format("%.4f", ratioOnShortfall(70, 80, 75)), summary("approx_outside"));
    assertEquals("false on_track null R=1.0000", summary("strict_lower"));        // 5 → 4 against "< 4": the pace was right, the bound not met
    assertEquals("true achieved null R=" + String.format("%.4f", -cagr(5, 3.5) / Math.abs(cagr(5, 4))), summary("lower_met"));
    assertEquals("true achieved five_year_sum", summary("flow_sums"));
    assertEquals("true achieved missing_base", summary("no_base"));
    assertEquals("false limited_progress null R=" + String.format("%.4f", cagr(100, 150) / cagr(100, 200)), summary("halfway"));
  }

  @Test
  void linearCompletionShareAndGeometricRatioAreBothPublishedNeverBlended() {
    Row r = byIndicator.get("halfway");   // methodology notes: base 100, target 200, actual 150 → 0.50 and R ≈ 0.57
    assertEquals(0.5, r.<Double>getAs("completion_share"), 1e-12);
    assertEquals(0.57, r.<Double>getAs("growth_ratio_r"), 0.005);
    assertEquals(cagr(100, 150) / cagr(100, 200), r.<Double>getAs("growth_ratio_r"), 1e-12);
    assertEquals("limited_progress", r.getAs("status"));   // R < 0.60
  }

  private static double cagr(double from, double to) {
    return Math.pow(to / from, 1.0 / 5) - 1;
  }

  private static double ratioOnShortfall(double b, double t, double a) {
    return -cagr(100 - b, 100 - a) / Math.abs(cagr(100 - b, 100 - t));
  }
}
