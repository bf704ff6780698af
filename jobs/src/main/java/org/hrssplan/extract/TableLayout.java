package org.hrssplan.extract;

/** The three ways the seeds print a table. */
public enum TableLayout {
  /** {@code label | v | v | v | 属性 |} — one row per line (叙永; HTML tables are read into this shape). */
  PIPE_ROWS,
  /** One cell per line, each cell's first line starting with a TAB, rows separated by blank lines (达川, 奉节, 铜梁). */
  TAB_CELLS,
  /** Bare lines, one cell each, rows of a fixed width in header order 指标 / 目标 / 属性 / 完成情况 (嘉定 附表). */
  BARE_LINES;

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
