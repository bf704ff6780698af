package org.hrssplan.model;

import static org.hrssplan.model.ColumnType.BOOLEAN;
import static org.hrssplan.model.ColumnType.DOUBLE;
import static org.hrssplan.model.ColumnType.INT;
import static org.hrssplan.model.ColumnType.STRING;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The columns of an observation, in order: the one declaration of the normalized dataset's format. Each column is a
 * constant with its name (the constant's name in lower case), type, nullability, the record component that holds it,
 * the codes it may hold (role, value_kind, source_kind) and a one-line comment.
 *
 * <p>Derived from it: the Spark schema of {@code fct_observation} ({@code pipeline.Schemas.OBSERVATION}, comments as
 * column COMMENTs), the CSV header and the record ↔ cell mapping ({@code extract.ObservationCsv}), the record ↔ Spark row
 * mapping ({@code pipeline.Rows}, {@code pipeline.ExportStage}), the schema doc
 * ({@code data/normalized/indicator_observations.schema.json}, {@code pipeline.SchemaDocs}), the columns, types,
 * NOT NULLs and codes that both dataset readers check ({@code extract.DatasetReader} for CSV,
 * {@code pipeline.DatasetInput} for Parquet) and the SELECT list of the synthetic dataset.
 *
 * <p>A new column is a constant here, at its place, and the component of {@link Observation} at the same position
 * ({@code ObservationContractTest} fails until the two agree).
 */
public enum ObservationColumn {
  OBSERVATION_ID(STRING, Nullability.NOT_NULL, Observation::observationId,
      "Stable id of the source cell: file:Lline:table:cN (table) or file:Lline:prose:N (prose)"),
  REGION_CODE(STRING, Nullability.NULLABLE, Observation::regionCode, "地区代码 GB/T 2260 region code"),
  REGION_NAME(STRING, Nullability.NULLABLE, Observation::regionName, "地区名称 region name"),
  PLAN_PERIOD(STRING, Nullability.NOT_NULL, Observation::planPeriod,
      "规划期 five-year plan period: 13th (十三五 2016-2020), 14th (十四五 2021-2025), …"),
  INDICATOR_ID(STRING, Nullability.NULLABLE, Observation::indicatorId,
      "指标 canonical indicator id (conf/indicator-catalog.yaml); NULL when the catalog does not know the label (flag unknown_indicator)"),
  INDICATOR_NAME_RAW(STRING, Nullability.NULLABLE, Observation::indicatorNameRaw,
      "指标名称（原文） the label as printed, without row number, * marker, 其中 and unit"),
  ROLE(STRING, Nullability.NOT_NULL, Observation::role, Role.class, "base (基数) | target (目标) | actual (完成)"),
  YEAR(INT, Nullability.NOT_NULL, Observation::year, "Year the value refers to: 2015 base, 2020 target/actual/base, 2025 target"),
  VALUE_KIND(STRING, Nullability.NOT_NULL, Observation::valueKind, ValueKind.class,
      "number | ratio (10:40:50) | range (35-40) | change (增加20) | qualitative (words) | missing (—)"),
  VALUE(DOUBLE, Nullability.NULLABLE, Observation::value,
      "数值 the value in the indicator's canonical unit (column unit); NULL unless value_kind = number"),
  VALUE_LOW(DOUBLE, Nullability.NULLABLE, Observation::valueLow,
      "下限 a range's lower bound in the canonical unit (35-40 → 35); NULL unless value_kind = range"),
  VALUE_HIGH(DOUBLE, Nullability.NULLABLE, Observation::valueHigh,
      "上限 a range's upper bound in the canonical unit (35-40 → 40); NULL unless value_kind = range"),
  UNIT(STRING, Nullability.NULLABLE, Observation::unit, "单位 canonical unit of value (万人, %, 万人次, 亿元, 万元, 人, 家, 万个)"),
  VALUE_RAW(STRING, Nullability.NULLABLE, Observation::valueRaw,
      "原文 the cell exactly as printed (full-width folded), e.g. [2.7], ≤4.1, 8.49*, 累计完成25667人次"),
  UNIT_RAW(STRING, Nullability.NULLABLE, Observation::unitRaw, "unit as printed in the cell or the label, before conversion"),
  COMPARATOR(STRING, Nullability.NULLABLE, Observation::comparator, "比较符 <= < >= > ~ (左右) as printed; NULL when none"),
  IS_CUMULATIVE(BOOLEAN, Nullability.NOT_NULL, Observation::cumulative, "五年累计 the value is a five-year sum ([ ] 【】 累计)"),
  IS_ANNUAL(BOOLEAN, Nullability.NOT_NULL, Observation::annual, "每年 the value is stated per year"),
  ATTRIBUTE(STRING, Nullability.NULLABLE, Observation::attribute, "指标属性 binding (约束性) | anticipatory (预期性); NULL when not printed"),
  NOTE(STRING, Nullability.NULLABLE, Observation::note, "备注 notes under the table attached to this cell; for prose the sentence"),
  SOURCE_KIND(STRING, Nullability.NOT_NULL, Observation::sourceKind, SourceKind.class,
      "table | prose (主要目标 section) | dataset (a normalized CSV read as input)"),
  SOURCE_FILE(STRING, Nullability.NULLABLE, Observation::sourceFile, "源文件 document file name"),
  SOURCE_LINE(INT, Nullability.NULLABLE, Observation::sourceLine, "源行号 1-based line in the document where the cell's text is"),
  SOURCE_LOCATOR(STRING, Nullability.NULLABLE, Observation::sourceLocator,
      "源位置 where the cell is in the published file: L123 (text line, HTML element's line)"),
  SOURCE_TABLE(STRING, Nullability.NULLABLE, Observation::sourceTable, "源表 table label as printed (专栏1, 表1, 附表); NULL for prose"),
  SOURCE_COLUMN(STRING, Nullability.NULLABLE, Observation::sourceColumn, "源列 column header as printed; for prose the section heading"),
  QUALITY_FLAGS(STRING, Nullability.NULLABLE, Observation::qualityFlags,
      "质量标记 ;-separated: revised, indicator_marked, scope_note, unit_assumed, unit_dimension_mismatch, unknown_indicator, …");

  /** Whether a column may be NULL (an empty CSV cell). */
  private enum Nullability { NULLABLE, NOT_NULL }

  /** Every column, in order. */
  public static final List<ObservationColumn> ALL = List.of(values());

  private final ColumnType type;
  private final boolean nullable;
  private final Function<Observation, Object> get;
  private final Class<? extends Code> codes;
  private final String comment;

  ObservationColumn(ColumnType type, Nullability nullability, Function<Observation, Object> get, String comment) {
    this(type, nullability, get, null, comment);
  }

  ObservationColumn(ColumnType type, Nullability nullability, Function<Observation, Object> get, Class<? extends Code> codes,
      String comment) {
    this.type = type;
    this.nullable = nullability == Nullability.NULLABLE;
    this.get = get;
    this.codes = codes;
    this.comment = comment;
  }

  /** The column's name in the tables, the CSV header and the schema doc: snake_case ASCII. */
  public String columnName() {
    return Code.of(this);
  }

  public ColumnType type() {
    return type;
  }

  /**
   * Whether the column may be NULL. A dataset row with NULL in a NOT NULL column is quarantined by both readers. (The
   * Spark columns are all nullable, as the published tables have always been: NOT NULL is the readers' check.)
   */
  public boolean nullable() {
    return nullable;
  }

  /** The vocabulary of the column's values, for role, value_kind and source_kind: a dataset row with another value is quarantined. */
  public Optional<Class<? extends Code>> codes() {
    return Optional.ofNullable(codes);
  }

  /** One line: meaning, Chinese label, unit; the column's COMMENT and its description in the schema doc. */
  public String comment() {
    return comment;
  }

  /**
   * Whether a dataset read as input may lack the column, which datasets written before it existed do not have:
   * {@code source_locator} is then derived from {@code source_line} ({@code L} + line); {@code value_low} and
   * {@code value_high} are NULL.
   */
  public boolean optionalOnInput() {
    return this == SOURCE_LOCATOR || this == VALUE_LOW || this == VALUE_HIGH;
  }

  /** The column's value in the record (boxed; the record's empty quality_flags is "", as it holds it). */
  public Object of(Observation o) {
    return get.apply(o);
  }

  /** Every column name, in order: the CSV header, the table's columns. */
  public static List<String> names() {
    return ALL.stream().map(ObservationColumn::columnName).toList();
  }

  /** The column of that name, if the format has one. */
  public static Optional<ObservationColumn> named(String name) {
    return ALL.stream().filter(c -> c.columnName().equals(name)).findFirst();
  }
}
