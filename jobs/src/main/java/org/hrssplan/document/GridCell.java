package org.hrssplan.document;

import java.util.List;

/**
 * One position of a {@link Grid}. A merged cell (HTML {@code rowspan}/{@code colspan}, Word {@code vMerge}/
 * {@code gridSpan}, a category printed once over several text rows) is resolved so that every position it
 * covers knows its text: the top-left position is its {@code origin}, the others are covered by it.
 *
 * @param text      the printed text; lines broken inside the cell (a TAB cell wrapped onto the next line, an
 *                  HTML {@code <br>}) are kept, separated by {@code \n}
 * @param lineIndex 0-based index into the document's lines of the cell's first printed character; -1 for a blank cell
 * @param origin    false when the position is covered by a merged cell whose origin is above or to the left
 */
public record GridCell(String text, int lineIndex, boolean origin) {
  public static final GridCell BLANK = new GridCell("", -1, true);

  /** The text as one line (wrapped parts joined without a separator, as Chinese text wraps), stripped. */
  public String flat() {
    return text.indexOf('\n') < 0 ? text.strip() : String.join("", text.strip().lines().map(String::strip).toList()).strip();
  }

  /** The printed lines of the cell, stripped, blank ones dropped. */
  public List<String> printedLines() {
    return text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  public boolean blank() {
    return text.isBlank();
  }

  /** The same text at the same place, as a position covered by this cell. */
  public GridCell covered() {
    return new GridCell(text, lineIndex, false);
  }
}
