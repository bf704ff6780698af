package org.hrssplan.synth;

import java.util.List;

/**
 * The table shapes the synthetic plans print, one per document; without chosen formats documents take the first six
 * in turn ({@link #IN_TURN}), so each gets a sixth of the corpus; Word and PDF documents print {@link #RULED}.
 *
 * <ul>
 *   <li>{@link #PIPE_ROWS}: pipe rows (叙永).
 *   <li>{@link #TAB_CELLS}: one cell per TAB-led line, rows between blank lines (达川, 奉节, 铜梁).
 *   <li>{@link #BARE_LINES}: bare lines in header order under an 附表 title (嘉定).
 *   <li>{@link #BLANK_CELLS}: one cell per line between blank lines, no TAB; header 指标 / 单位 / 属性 / values, the
 *       unit in the 单位 cell, titles without a 专栏N label (主要指标表): the table is found by its header.
 *   <li>{@link #TWO_LEVEL}: pipe rows, header 一级指标 | 二级指标 | 单位 | values | 属性; the 一级 cell printed only on
 *       the first row of its group (a merged cell), so the group's other rows have one cell fewer.
 *   <li>{@link #HTML}: a government-CMS page ({@code .html}): a rowspan 类别 column and a two-row header whose
 *       colspan cell (“十三五”时期, “十四五”时期) stands over two value columns; {@code <br>} in some labels.
 * </ul>
 */
enum SynthLayout {
  PIPE_ROWS("专栏", ".txt"), TAB_CELLS("专栏", ".txt"), BARE_LINES("附表", ".txt"), BLANK_CELLS(null, ".txt"),
  TWO_LEVEL("专栏", ".txt"), HTML("表", ".html"),
  /**
   * A ruled table of a Word or PDF plan: 类别 merged down its group's rows, 指标 without its unit, a 单位 column, the
   * values under a two-row header whose period cell spans them, 属性; the file's extension is its {@link SynthFormat}'s.
   */
  RULED("专栏", null);

  /** The shapes documents take in turn when no format is chosen: the text shapes and the web page. */
  static final List<SynthLayout> IN_TURN = List.of(PIPE_ROWS, TAB_CELLS, BARE_LINES, BLANK_CELLS, TWO_LEVEL, HTML);

  private final String refWord;
  private final String extension;

  SynthLayout(String refWord, String extension) {
    this.refWord = refWord;
    this.extension = extension;
  }

  static SynthLayout forDocument(int ordinal) {
    return IN_TURN.get((ordinal - 1) % IN_TURN.size());
  }

  /**
   * The table's reference: its label as printed (专栏1, 附表2, 表1); for a shape whose titles print none, the one the
   * extractor gives such a table, T + its position among the document's tables (T1, T2).
   */
  String ref(int number) {
    return (refWord == null ? UNLABELLED_REF : refWord) + number;
  }

  /** Not printed: the prefix of the reference of a table whose title has no label (TableLocator). */
  static final String UNLABELLED_REF = "T";

  String extension() {
    return extension;
  }

  /** The shapes whose comparators are printed full-width (＞, ＜) now and then, as Word exports do. */
  boolean fullWidthSymbols() {
    return this != PIPE_ROWS && this != BARE_LINES;
  }

  /** Printed as a grid of cells with merged cells (web page, Word, PDF), not as lines of text. */
  boolean spanned() {
    return this == HTML || this == RULED;
  }

  /** How a missing value prints: — everywhere; ASCII - in the new shapes; a blank cell where a cell can be blank. */
  List<String> missingForms() {
    return switch (this) {
      case PIPE_ROWS, TAB_CELLS, BARE_LINES -> List.of(SynthVocabulary.MISSING);
      case BLANK_CELLS -> List.of(SynthVocabulary.MISSING, SynthVocabulary.MISSING_ASCII); // a blank cell cannot be told from the blank line between cells
      case TWO_LEVEL, HTML, RULED -> List.of(SynthVocabulary.MISSING, SynthVocabulary.MISSING_ASCII, "");
    };
  }

  /** A 单位 column whose cells are never blank: every row prints its unit there, so unitless indicators stay out of the tables. */
  boolean unitCellAlways() {
    return this == BLANK_CELLS;
  }

  /** The row's unit is printed in a 单位 column rather than in the label. */
  boolean unitColumn() {
    return this == BLANK_CELLS || this == TWO_LEVEL || this == RULED;
  }
}
