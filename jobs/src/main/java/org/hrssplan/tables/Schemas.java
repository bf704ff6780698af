package org.hrssplan.tables;

import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.hrssplan.model.ColumnType;
import org.hrssplan.model.ObservationColumn;

/**
 * Every published table's schema, in one place, with a COMMENT per column (English meaning, Chinese label,
 * units). ASCII snake_case names, no TIMESTAMP_NTZ, no column mapping: readable by Power BI, DuckDB,
 * Trino and delta-rs as they are.
 */
public final class Schemas {
  private Schemas() {}

  static StructField f(String name, DataType type, String comment) {
    return new StructField(name, type, true, Metadata.empty()).withComment(comment);
  }

  static final DataType S = DataTypes.StringType;
  static final DataType I = DataTypes.IntegerType;
  static final DataType D = DataTypes.DoubleType;
  static final DataType B = DataTypes.BooleanType;

  /**
   * {@code fct_observation}: the columns of {@link ObservationColumn}, in its order, with its comments. Every column is
   * nullable, as the published table has always been; the contract's NOT NULL is checked by the dataset readers.
   */
  public static final StructType OBSERVATION = new StructType(
      ObservationColumn.ALL.stream().map(c -> f(c.columnName(), type(c.type()), c.comment())).toArray(StructField[]::new));

  /** The Spark type of a column of the contract. */
  public static DataType type(ColumnType t) {
    return switch (t) {
      case STRING -> S;
      case INT -> I;
      case DOUBLE -> D;
      case BOOLEAN -> B;
    };
  }

  public static final StructType RAW_CELL = new StructType(new StructField[] {
      f("cell_id", S, "Stable id: file:table:rR:cC, or file:Lline:prose:N"),
      f("source_file", S, "源文件 document file name"),
      f("source_sha256", S, "SHA-256 of the document's bytes"),
      f("table_ref", S, "表 table label (专栏1, 表1, 附表); NULL for prose"),
      f("table_title", S, "表题 table title, or the prose section heading"),
      f("layout", S, "pipe_rows | tab_rows | tab_cells | blank_cells | bare_lines | html | prose"),
      f("row_index", I, "0-based row within the table (header row included); -1 for notes and prose"),
      f("col_index", I, "0-based column; for notes the note's ordinal; for prose the target's ordinal in its line"),
      f("column_header", S, "column header, when known"),
      f("cell_type", S, "preamble | header | body | note | prose_target | prose_refused (a figure of the prose not taken; its reason in column_header)"),
      f("text", S, "原文 the cell as read (full-width folded, trimmed)"),
      f("source_line", I, "源行号 1-based line of the cell's first non-blank character; -1 for a blank cell"),
      f("source_locator", S, "源位置 where the cell is in the published file: L123; NULL for a blank cell"),
  });

  public static final StructType QUARANTINE = new StructType(new StructField[] {
      f("cell_id", S, "Id of the cell (same scheme as fct_observation.observation_id), or file:document"),
      f("source_file", S, "源文件 document file name"),
      f("source_line", I, "源行号 1-based line; 0 when the whole document is concerned"),
      f("source_locator", S, "源位置 where the cell is in the published file: L123, or document"),
      f("stage", S, "document | table_cell | prose"),
      f("reason_code", S, "隔离原因 stable code: undecodable, duplicate_document, unknown_unit, row_too_few_cells, unparseable_value, …"),
      f("reason", S, "the reason in words, naming file and line"),
      f("raw_text", S, "原文 the cell as printed"),
      f("region_code", S, "地区代码, when the region was identified"),
      f("table_ref", S, "表 table label, when in a table"),
      f("column_header", S, "column header, when known"),
      f("row_label", S, "row label as printed, when known"),
  });

  public static final StructType FINDING = new StructType(new StructField[] {
      f("finding_id", S, "Stable id (hash of type, file, indicator, lines)"),
      f("finding_type", S, "cross_table_disagreement | five_year_total_vs_single_year_base | implausible_base | base_is_bound | jurisdiction_scope | table_prose_conflict | table_prose_comparator_mismatch | prose_only_target | revised_value | unknown_indicator | unit_dimension_mismatch | unit_assumed | region_not_identified | no_indicator_tables | table_not_read | row_not_read | unknown_column"),
      f("severity", S, "info | warning | error"),
      f("region_code", S, "地区代码"),
      f("indicator_id", S, "指标"),
      f("plan_period", S, "规划期"),
      f("year", I, "year concerned"),
      f("detail", S, "what was found, with the values and lines"),
      f("source_file", S, "源文件"),
      f("source_lines", S, ";-separated source lines involved"),
  });

  public static final StructType ACCOUNT = new StructType(new StructField[] {
      f("source_file", S, "源文件"),
      f("source_sha256", S, "SHA-256 of the document's bytes"),
      f("encoding", S, "encoding that decoded it: UTF-8, UTF-8 (BOM), GB18030, UTF-16LE (BOM), …"),
      f("format", S, "text | html | dataset"),
      f("region_code", S, "地区代码 recognized from the text"),
      f("region_name", S, "地区名称"),
      f("status", S, "extracted | cells_quarantined (every table read, some value cells quarantined) | partially_extracted (a table or row found and not read: see dq_findings table_not_read / row_not_read) | no_table_read | no_tables | region_not_identified | undecodable | duplicate_document | empty_document | unsupported_format"),
      f("tables", I, "indicator tables found"),
      f("indicator_rows", I, "indicator rows read"),
      f("value_cells", I, "table value cells found"),
      f("prose_targets", I, "prose targets found"),
      f("observations", I, "cells normalized into fct_observation"),
      f("quarantined_cells", I, "cells in dq_quarantine; value_cells + prose_targets = observations + quarantined_cells"),
      f("findings", I, "rows in dq_findings"),
  });

  public static final StructType REGION = new StructType(new StructField[] {
      f("region_code", S, "地区代码 GB/T 2260"),
      f("region_name", S, "地区名称"),
      f("level", S, "district | county | …"),
      f("parent_city", S, "上级地级市 (empty for municipality districts)"),
      f("province", S, "省级行政区"),
      f("source_file", S, "the plan document the region's row was written from (provenance only; recognition uses the text)"),
  });

  public static final StructType INDICATOR = new StructType(new StructField[] {
      f("indicator_id", S, "指标 id"),
      f("name_zh", S, "指标名称"),
      f("name_en", S, "English name"),
      f("category", S, "类别 就业创业 | 社会保障 | 人才 | 劳动关系 | 公共服务"),
      f("unit", S, "单位 canonical unit"),
      f("polarity", S, "higher (higher is better) | lower | none"),
      f("kind", S, "stock | rate | five_year_flow | annual_flow | ratio | qualitative"),
      f("aliases", S, "other printed names, ;-separated"),
      f("note", S, "why names were merged, where that is a judgement"),
  });

  public static final StructType RUN = new StructType(new StructField[] {
      f("run_id", S, "运行编号 run id, also the userMetadata of every commit the run made"),
      f("started_at", DataTypes.TimestampType, "开始时间 (UTC)"),
      f("ended_at", DataTypes.TimestampType, "结束时间 (UTC)"),
      f("status", S, "succeeded | failed"),
      f("exit_code", I, "the process exit code: 0 success, 1 handled failure, 2 unexpected error"),
      f("error_class", S, "exception class when failed"),
      f("error_message", S, "error message when failed"),
      f("config_source", S, "the config file the run used"),
      f("input_checksums", S, "JSON {file: sha256} of the plan documents read"),
      f("rows_in", S, "JSON of what the run read: documents, table value cells, prose targets"),
      f("rows_out", S, "JSON {table: rows} of the tables published"),
      f("table_versions", S, "JSON {table: Delta version} after the run"),
      f("stage_millis", S, "JSON {stage: milliseconds}"),
      f("gates", S, "JSON {gate: verdict} of the data-quality gates (ok, WARN or FAIL with what was measured)"),
      f("documents", I, "documents read"),
      f("observations", DataTypes.LongType, "rows in fct_observation"),
      f("quarantined", DataTypes.LongType, "rows in dq_quarantine"),
  });

  /** One document's extraction, as produced on an executor; exploded into the tables above. */
  public static final StructType EXTRACTION = new StructType(new StructField[] {
      f("account", ACCOUNT, "per-document accounting"),
      f("cells", DataTypes.createArrayType(RAW_CELL), "bronze cells"),
      f("observations", DataTypes.createArrayType(OBSERVATION), "normalized observations"),
      f("quarantine", DataTypes.createArrayType(QUARANTINE), "quarantined cells"),
      f("findings", DataTypes.createArrayType(FINDING), "findings"),
  });

  public static List<String> columns(StructType t) {
    return List.of(t.fieldNames());
  }
}
