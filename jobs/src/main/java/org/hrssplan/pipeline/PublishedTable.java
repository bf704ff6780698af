package org.hrssplan.pipeline;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * A Delta table the pipeline publishes: its config key, schema (NULL: the schema of the SQL model that computes
 * it, with comments from {@link ColumnComments}), table comment and the columns it is sorted by.
 */
public record PublishedTable(String key, StructType schema, String comment, List<String> sortBy) {

  /** The schema to publish {@code data} with. */
  public StructType schemaFor(org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> data) {
    return schema != null ? schema : ColumnComments.apply(key, data.schema());
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

  /** Tables whose size follows the number of observations (the others stay small: dimensions, per-file accounting). */
  public boolean growsWithData() {
    return List.of("raw_cells", "observations", "quarantine", "attainment", "growth", "ambition", "cross_region").contains(key);
  }

  public static final List<PublishedTable> EXTRACTION_TABLES = List.of(
      new PublishedTable("raw_cells", Schemas.RAW_CELL,
          "Bronze 原始单元格: every cell read from the plans' indicator tables and every prose target phrase, as printed",
          List.of("source_file", "cell_id")),
      new PublishedTable("observations", Schemas.OBSERVATION,
          "Silver 规划指标观测值: the normalized indicator dataset, one row per region × period × indicator × role × year, values in canonical units, traceable to file/line/cell",
          List.of("source_file", "source_line", "observation_id")),
      new PublishedTable("quarantine", Schemas.QUARANTINE,
          "数据隔离 cells and documents that could not be normalized, with reason code and file/line",
          List.of("source_file", "source_line", "cell_id")),
      new PublishedTable("findings", Schemas.FINDING,
          "数据质量发现 data-quality findings as rows (table disagreements, five-year totals against one-year bases, scope notes, prose/table conflicts, …)",
          List.of("finding_type", "finding_id")),
      new PublishedTable("accounting", Schemas.ACCOUNT,
          "文档核算 per document: tables, rows and cells found; value_cells + prose_targets = observations + quarantined_cells",
          List.of("source_file")),
      new PublishedTable("regions", Schemas.REGION, "地区维表 regions (GB/T 2260) from data/raw/regions.csv", List.of("region_code")),
      new PublishedTable("indicators", Schemas.INDICATOR,
          "指标维表 canonical indicators from conf/indicator-catalog.yaml: unit, polarity, kind, aliases", List.of("indicator_id")));

  public static final PublishedTable RUNS = new PublishedTable("runs", Schemas.RUN,
      "运行记录 one row per run of the nightly job, successful or not: status, error, input checksums, rows and versions per table, stage times",
      List.of("started_at"));

  public static final List<PublishedTable> METRIC_TABLES = List.of(
      new PublishedTable("attainment", null,
          "十三五目标完成情况 per region × indicator × completed period: achieved (comparator-exact), gap, completion share, CAGR-based progress ratio R and status, declines",
          List.of("region_code", "indicator_id", "plan_period")),
      new PublishedTable("growth", null,
          "增长 realized (base → actual) and planned (base → target) growth per region × indicator × period: CAGR, five-year sum ratios",
          List.of("region_code", "indicator_id", "plan_period", "growth_kind")),
      new PublishedTable("ambition", null,
          "目标雄心 per region × indicator × plan: target / current (oriented so > 1 = more ambitious), planned vs realized growth, targets below the current level",
          List.of("region_code", "indicator_id", "plan_period")),
      new PublishedTable("cross_region", null,
          "跨地区比较 per indicator × period × metric × region: rank, percentile, median, min, max, coefficient of variation, MAD-based outlier flag",
          List.of("indicator_id", "plan_period", "metric", "region_code")),
      new PublishedTable("scorecard", null,
          "地区记分卡 per region × period: indicators assessed, achieved, missed, binding missed, declines, targets below current, median ambition",
          List.of("region_code", "plan_period")),
      new PublishedTable("clusters", null,
          "地区聚类 (spark-mllib k-means) of regions by attainment and ambition profile; descriptive with few regions",
          List.of("region_code")));
}
