package org.hrssplan.tables;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * The registry of the Delta tables the pipeline publishes, one entry per table, named by the table's own name (its
 * folder under the lakehouse, its name in the catalog, the view the models read it as, its model file, its export).
 * Config validation, the metric order, the column comments, the table list in docs/tables-and-metrics.md and the
 * benchmark's DuckDB list all come from here.
 *
 * @param schema the schema it is written with; NULL for a metric table, whose schema is its model's, with COMMENTs
 *     from {@link ColumnComments}
 * @param sqlModel a metric table computed by its SQL model file ({@code models/<name>.sql}); a metric table that is not
 *     is computed by Java ({@code metrics/MetricModels} names its model)
 * @param sortBy the columns it is sorted by
 * @param growsWithData its size follows the number of observations (the others stay small: dimensions, per-file
 *     accounting, per-region summaries)
 */
public record PublishedTable(String name, Layer layer, StructType schema, boolean sqlModel, String comment, List<String> sortBy,
    boolean growsWithData) {

  /** Where a table sits: what it is made from and who reads it. */
  public enum Layer {
    BRONZE, SILVER, QUALITY, DIMENSION, GOLD, OPS;

    @Override
    public String toString() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** The schema to publish {@code data} with. */
  public StructType schemaFor(Dataset<Row> data, org.hrssplan.config.MetricParameters params) {
    return schema != null ? schema : ColumnComments.apply(name, data.schema(), params);
  }

  /**
   * Columns readers filter and join by. Delta keeps min/max statistics (for skipping files) only for these and the
   * sort key: statistics on every column cost 40 % of writing a 1.8M-row table and no reader filters by a raw label,
   * a note or a CAGR. One list for all tables; a table uses the ones it has.
   */
  static final List<String> FILTER_COLUMNS = List.of("region_code", "plan_period", "indicator_id", "role", "year", "metric",
      "growth_kind", "finding_type", "reason_code", "source_file");

  /** The columns Delta collects statistics for ({@code delta.dataSkippingStatsColumns}), in the schema's order. */
  public String statsColumns(StructType schema) {
    return java.util.Arrays.stream(schema.fieldNames())
        .filter(c -> FILTER_COLUMNS.contains(c) || sortBy.contains(c))
        .collect(java.util.stream.Collectors.joining(","));
  }

  public static final PublishedTable RAW_CELLS = new PublishedTable("raw_plan_cells", Layer.BRONZE, Schemas.RAW_CELL, false,
      "Bronze 原始单元格: every cell read from the plans' indicator tables and every prose target phrase, as printed",
      List.of("source_file", "cell_id"), true);
  public static final PublishedTable OBSERVATIONS = new PublishedTable("fct_observation", Layer.SILVER, Schemas.OBSERVATION, false,
      "Silver 规划指标观测值: the normalized indicator dataset, one row per region × period × indicator × role × year, values in canonical units, traceable to file/line/cell",
      List.of("source_file", "source_line", "observation_id"), true);
  public static final PublishedTable QUARANTINE = new PublishedTable("dq_quarantine", Layer.QUALITY, Schemas.QUARANTINE, false,
      "数据隔离 cells and documents that could not be normalized, with reason code and file/line",
      List.of("source_file", "source_line", "cell_id"), true);
  public static final PublishedTable FINDINGS = new PublishedTable("dq_findings", Layer.QUALITY, Schemas.FINDING, false,
      "数据质量发现 data-quality findings as rows (table disagreements, five-year totals against one-year bases, scope notes, prose/table conflicts, …)",
      List.of("finding_type", "finding_id"), false);
  public static final PublishedTable ACCOUNTING = new PublishedTable("dq_document_accounting", Layer.QUALITY, Schemas.ACCOUNT, false,
      "文档核算 per document: tables, rows and cells found; value_cells + prose_targets = observations + quarantined_cells",
      List.of("source_file"), false);
  public static final PublishedTable REGIONS = new PublishedTable("dim_region", Layer.DIMENSION, Schemas.REGION, false,
      "地区维表 regions (GB/T 2260) from data/raw/regions.csv", List.of("region_code"), false);
  public static final PublishedTable INDICATORS = new PublishedTable("dim_indicator", Layer.DIMENSION, Schemas.INDICATOR, false,
      "指标维表 canonical indicators from conf/indicator-catalog.yaml: unit, polarity, kind, aliases", List.of("indicator_id"), false);

  public static final PublishedTable TARGET_ATTAINMENT = metric("fct_target_attainment",
      "十三五目标完成情况 per region × indicator × completed period: achieved (comparator-exact), gap, completion share, CAGR-based progress ratio R and status, declines",
      List.of("region_code", "indicator_id", "plan_period"), true);
  public static final PublishedTable GROWTH = metric("fct_growth",
      "增长 realized (base → actual) and planned (base → target) growth per region × indicator × period: CAGR, five-year sum ratios",
      List.of("region_code", "indicator_id", "plan_period", "growth_kind"), true);
  public static final PublishedTable AMBITION = metric("fct_ambition",
      "目标雄心 per region × indicator × plan: target / current (oriented so > 1 = more ambitious), planned vs realized growth, targets below the current level",
      List.of("region_code", "indicator_id", "plan_period"), true);
  public static final PublishedTable CROSS_REGION = metric("agg_indicator_cross_region",
      "跨地区比较 per indicator × period × metric × region: rank, percentile, median, min, max, coefficient of variation, MAD-based outlier flag",
      List.of("indicator_id", "plan_period", "metric", "region_code"), true);
  public static final PublishedTable SCORECARD = metric("agg_region_scorecard",
      "地区记分卡 per region × period: indicators assessed, achieved, missed, binding missed, declines, targets below current, median ambition",
      List.of("region_code", "plan_period"), false);
  public static final PublishedTable CLUSTERS = new PublishedTable("ml_region_clusters", Layer.GOLD, null, false,
      "地区聚类 (spark-mllib k-means) of regions by attainment and ambition profile; descriptive with few regions",
      List.of("region_code"), false);

  public static final PublishedTable RUNS = new PublishedTable("ops_job_runs", Layer.OPS, Schemas.RUN, false,
      "运行记录 one row per run of the nightly job, successful or not: status, error, input checksums, rows and versions per table, stage times",
      List.of("started_at"), false);

  /** Published from the extraction, in this order. */
  public static final List<PublishedTable> EXTRACTION_TABLES = List.of(RAW_CELLS, OBSERVATIONS, QUARANTINE, FINDINGS, ACCOUNTING,
      REGIONS, INDICATORS);

  /** Computed by their models from the extraction tables ({@code metrics/MetricModels} names and orders them). */
  public static final List<PublishedTable> METRIC_TABLES = List.of(TARGET_ATTAINMENT, GROWTH, AMBITION, CROSS_REGION, SCORECARD,
      CLUSTERS);

  /** The tables the metric models read (their inputs), in this order. */
  public static final List<PublishedTable> METRIC_INPUTS = List.of(OBSERVATIONS, INDICATORS, REGIONS, FINDINGS);

  /** Every table, the run log last. */
  public static final List<PublishedTable> ALL = all();

  private static List<PublishedTable> all() {
    List<PublishedTable> all = new ArrayList<>(EXTRACTION_TABLES);
    all.addAll(METRIC_TABLES);
    all.add(RUNS);
    return List.copyOf(all);
  }

  /** The table called {@code name}, with or without the database in front. */
  public static Optional<PublishedTable> named(String name) {
    String bare = name.substring(name.indexOf('.') + 1);
    return ALL.stream().filter(t -> t.name.equals(bare)).findFirst();
  }

  private static PublishedTable metric(String name, String comment, List<String> sortBy, boolean growsWithData) {
    return new PublishedTable(name, Layer.GOLD, null, true, comment, sortBy, growsWithData);
  }
}
