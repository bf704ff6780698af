package org.hrssplan.tables;

import java.util.Map;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * COMMENTs for the columns of the metric tables (by table name), whose types come from their models: the meaning, the
 * Chinese label and the unit. {@link #apply} fails when a column has none, so a new column cannot ship silent.
 */
public final class ColumnComments {
  private ColumnComments() {}

  static final Map<String, String> COMMON = Map.ofEntries(
      Map.entry("region_code", "地区代码 GB/T 2260 region code"),
      Map.entry("region_name", "地区名称 region name"),
      Map.entry("indicator_id", "指标 canonical indicator id (dim_indicator)"),
      Map.entry("plan_period", "规划期 13th (十三五 2016-2020), 14th (十四五 2021-2025), …"),
      Map.entry("unit", "单位 canonical unit of every value column of the row"),
      Map.entry("polarity", "higher (higher is better) | lower | none"),
      Map.entry("kind", "stock | rate | five_year_flow | annual_flow | ratio | qualitative"),
      Map.entry("attribute", "指标属性 binding (约束性) | anticipatory (预期性)"),
      Map.entry("is_binding", "约束性 the target is binding"),
      Map.entry("quality_flags", "质量标记 flags of the observations used (revised, scope_note, unit_assumed, …)"),
      Map.entry("not_assessable_reason", "why the metric is NULL: missing_base, zero_start, ratio_target, qualitative_target, target_met_at_base, five_year_total_vs_single_year_base, five_year_sum, bound_not_value, sign_change, …"),
      Map.entry("basis", "level, or five_year_sums (five-year flows: consecutive five-year sums compared)"),
      Map.entry("achieved_share", "达标率 achieved / indicators_assessed"));

  static final Map<String, Map<String, String>> BY_TABLE = Map.of(
      "fct_target_attainment", Map.ofEntries(
          Map.entry("base_year", "基期 year of the base (2015)"), Map.entry("target_year", "目标年 (2020)"),
          Map.entry("base_value", "基数 base value (unit)"), Map.entry("target_value", "规划目标 target value (unit)"),
          Map.entry("target_comparator", "目标比较符 <= < >= > ~ as printed; NULL: a plain level"),
          Map.entry("actual_value", "完成值 actual value (unit)"), Map.entry("actual_comparator", "comparator printed with the actual (嘉定 每年均超过)"),
          Map.entry("base_raw", "基数原文 as printed"), Map.entry("target_raw", "目标原文 as printed"), Map.entry("actual_raw", "完成原文 as printed"),
          Map.entry("is_cumulative", "五年累计 the target is a five-year sum"),
          Map.entry("achieved", "是否达标 comparator applied exactly, polarity-aware (plain target: ≥ if higher is better, ≤ if lower); NULL: not decidable"),
          Map.entry("target_met_at_base", "the base already met the target"),
          Map.entry("gap_abs", "差距 actual − target (unit)"), Map.entry("gap_rel", "relative gap (actual − target) / |target|"),
          Map.entry("completion_share", "完成进度 (actual − base) / (target − base), uncapped"),
          Map.entry("completion_share_capped", "completion_share clipped to [0, 1]; NULL where it is"),
          Map.entry("progress_basis", "level, or shortfall_to_100 (higher-is-better percentages: R on 100 − value)"),
          Map.entry("cagr_actual", "observed CAGR base → actual on the progress basis, per year"),
          Map.entry("cagr_required", "required CAGR base → target on the progress basis, per year"),
          Map.entry("growth_ratio_r", "R = d · CAGR_actual / |CAGR_required| (Eurostat progress ratio)"),
          Map.entry("status", "achieved | on_track (R ≥ ${on_track}) | acceleration_needed (${acceleration_needed}–${on_track}) | limited_progress (0–${acceleration_needed}) | deterioration (R < 0, or declined) | not_assessable; achieved wins over R"),
          Map.entry("declined", "下降 the actual moved against the polarity from the base"),
          Map.entry("change_abs", "actual − base (unit)"), Map.entry("change_rel", "(actual − base) / |base|"),
          Map.entry("base_observation_id", "fct_observation.observation_id of the base"),
          Map.entry("target_observation_id", "fct_observation.observation_id of the target"),
          Map.entry("actual_observation_id", "fct_observation.observation_id of the actual")),
      "fct_growth", Map.ofEntries(
          Map.entry("growth_kind", "realized (base → actual of a completed period) | planned (base → target of a plan)"),
          Map.entry("start_year", "起始年"), Map.entry("end_year", "终止年"),
          Map.entry("start_value", "起始值 (unit)"), Map.entry("end_value", "终止值 (unit)"),
          Map.entry("end_comparator", "comparator printed with the end value (targets)"),
          Map.entry("start_raw", "起始值原文"), Map.entry("end_raw", "终止值原文"),
          Map.entry("start_source", "base (the period's own base) | previous_actual (the previous period's actual for that year)"),
          Map.entry("end_source", "table | prose (主要目标 section)"),
          Map.entry("cagr", "年均增速 (end / start)^(1 / years) − 1, per year"),
          Map.entry("sum_ratio", "five-year flows: end sum / start sum"),
          Map.entry("start_observation_id", "fct_observation id of the start"), Map.entry("end_observation_id", "fct_observation id of the end")),
      "fct_ambition", Map.ofEntries(
          Map.entry("current_year", "现状年 (2020)"), Map.entry("target_year", "目标年 (2025)"),
          Map.entry("current_value", "现状值 (unit)"), Map.entry("target_value", "目标值 (unit)"),
          Map.entry("target_comparator", "目标比较符 as printed"),
          Map.entry("current_raw", "现状原文"), Map.entry("target_raw", "目标原文"),
          Map.entry("current_source", "base | previous_actual"), Map.entry("target_source", "table | prose"),
          Map.entry("target_to_current", "目标/现状 target / current (lower is better: current / target); > 1 = more ambitious"),
          Map.entry("planned_cagr", "planned CAGR current → target, per year"),
          Map.entry("realized_cagr", "realized CAGR of the previous period, per year"),
          Map.entry("planned_vs_realized", "planned_cagr / realized_cagr"),
          Map.entry("target_below_current", "目标低于现状 the target is below the current level on the indicator's polarity"),
          Map.entry("comparability_flags", "flags that limit comparison: scope_note, revised, target_from_prose, current_from_previous_actual, …"),
          Map.entry("current_observation_id", "fct_observation id of the current value"),
          Map.entry("target_observation_id", "fct_observation id of the target")),
      "agg_indicator_cross_region", Map.ofEntries(
          Map.entry("metric", "realized_cagr | planned_cagr | target_to_current"),
          Map.entry("value", "the region's value of the metric"),
          Map.entry("oriented_value", "value × d (growth) so that higher is always better; the ratio itself for ambition"),
          Map.entry("rank", "排名 1 = best / most ambitious among regions reporting"),
          Map.entry("percentile", "percent_rank of oriented_value, 0 … 1"),
          Map.entry("n_regions", "regions reporting the metric"), Map.entry("median", "中位数 of value"),
          Map.entry("min_value", "最小值"), Map.entry("max_value", "最大值"),
          Map.entry("cv", "变异系数 stddev_samp / |mean|; NULL for one region"),
          Map.entry("mad", "median absolute deviation of value, rounded to 12 decimals"),
          Map.entry("robust_z", "0.6745 · (value − median) / mad"),
          Map.entry("is_outlier", "|robust_z| > ${outlier_z} (Iglewicz & Hoaglin); NULL when mad = 0")),
      "agg_region_scorecard", Map.ofEntries(
          Map.entry("indicators_assessed", "十三五 indicators whose achievement is decidable"),
          Map.entry("achieved", "达标数"), Map.entry("missed", "未达标数"),
          Map.entry("binding_missed", "约束性未达标数"), Map.entry("declines", "下降指标数 moved against polarity from the base"),
          Map.entry("targets_with_ambition", "十四五 targets with a computed target_to_current"),
          Map.entry("targets_below_current", "目标低于现状数"), Map.entry("median_ambition", "median target_to_current")),
      "ml_region_clusters", Map.ofEntries(
          Map.entry("cluster", "聚类 k-means cluster (0 … k−1)"),
          Map.entry("decline_share", "declines / indicators_assessed (十三五)"),
          Map.entry("log_median_ambition", "ln(median target_to_current) (十四五)"),
          Map.entry("below_current_share", "targets_below_current / targets_with_ambition (十四五)"),
          Map.entry("distance_to_center", "Euclidean distance to the cluster centre in standardized feature space"),
          Map.entry("k", "number of clusters"), Map.entry("seed", "k-means seed"), Map.entry("method", "how the clusters were made")));

  /** The schema with every column nullable and commented, {@code ${parameter}} in a comment replaced by its value. */
  public static StructType apply(String table, StructType schema, org.hrssplan.config.MetricParameters params) {
    Map<String, String> specific = BY_TABLE.getOrDefault(table, Map.of());
    StructField[] out = new StructField[schema.fields().length];
    for (int i = 0; i < out.length; i++) {
      StructField f = schema.fields()[i];
      String c = specific.getOrDefault(f.name(), COMMON.get(f.name()));
      if (c == null) throw new IllegalStateException("column " + table + "." + f.name() + " has no COMMENT in ColumnComments");
      for (var p : params.values().entrySet()) c = c.replace("${" + p.getKey() + "}", p.getValue());
      if (c.contains("${")) throw new IllegalStateException("column " + table + "." + f.name() + ": no parameter for " + c);
      out[i] = new StructField(f.name(), f.dataType(), true, Metadata.empty()).withComment(c);
    }
    return new StructType(out);
  }
}
