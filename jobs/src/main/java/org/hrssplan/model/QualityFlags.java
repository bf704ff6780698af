package org.hrssplan.model;

/** The quality flags an observation can carry in {@code quality_flags} (sorted, ';'-separated). */
public final class QualityFlags {
  /** The value carries * and a note under the table says it was adjusted (调整/修订/修正). */
  public static final String REVISED = "revised";
  /** The value carries * and no note explains it. */
  public static final String FOOTNOTE_UNEXPLAINED = "footnote_unexplained";
  /** The row label carries * (叙永: indicators of the county's own plan). */
  public static final String INDICATOR_MARKED = "indicator_marked";
  /** A note says the column's figures include other jurisdictions (达川: 含高新区和经开区). */
  public static final String SCOPE_NOTE = "scope_note";
  /** Neither label nor cell prints a unit; the catalog's is assumed. */
  public static final String UNIT_ASSUMED = "unit_assumed";
  /** The printed unit is of another dimension than the canonical one (人 vs 人次). */
  public static final String UNIT_DIMENSION_MISMATCH = "unit_dimension_mismatch";
  /**
   * The unit as printed is not in the unit table (平方米, 座, km): the value is kept as printed, unconverted. Only for an
   * indicator the catalog does not know; a catalog indicator's value in such a unit cannot be converted and is
   * quarantined {@code unknown_unit}.
   */
  public static final String UNIT_NOT_IN_TABLE = "unit_not_in_table";
  /**
   * The value cell is a statement and its one number was taken from it (启动8个城中村整体改造项目 → 8 个): the statement
   * stays in {@code value_raw}.
   */
  public static final String VALUE_IN_STATEMENT = "value_in_statement";
  /** A prose figure with a table cell of the same value behind it (same region, indicator, role, year): the table is the record. */
  public static final String CONFIRMS_TABLE = "confirms_table";
  /** The catalog does not know the label: kept, never dropped, listed in the run summary. */
  public static final String UNKNOWN_INDICATOR = "unknown_indicator";
  /** The 属性 cell is neither 约束性 nor 预期性. */
  public static final String ATTRIBUTE_UNRECOGNIZED = "attribute_unrecognized";

  private QualityFlags() {}
}
