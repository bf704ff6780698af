package org.hrssplan.pipeline;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/** A Delta table the pipeline publishes: its config key, schema, comment and the columns it is sorted by. */
public record PublishedTable(String key, StructType schema, String comment, List<String> sortBy) {

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
}
