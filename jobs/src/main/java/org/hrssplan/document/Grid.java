package org.hrssplan.document;

import java.util.List;

/**
 * A table as rows × columns of {@link GridCell}s, merged cells resolved, with the note lines printed inside or right
 * under it ({@code 注：…}). Rows may differ in length only where the source printed them so (a text table whose row
 * lost a cell); readers never pad or cut rows to make them fit.
 *
 * @param layout how the source printed it: {@code pipe_rows}, {@code tab_cells}, {@code blank_cells},
 *               {@code bare_lines}, {@code html}
 * @param rows   the rows in order, header rows included; a title row printed inside the table is not among them
 * @param caption the title printed inside the table itself (a first row holding only 专栏1 …, an HTML caption), or null
 * @param captionLineIndex its line, or -1
 * @param unalignedRows indices of rows whose printed cells could not be aligned to the header's columns: each is
 *                      kept as printed, to be reported whole, never read (a row-block table, {@link RowAlignment})
 */
public record Grid(
    String layout,
    List<List<GridCell>> rows,
    List<GridCell> notes,
    String caption,
    int captionLineIndex,
    int firstLineIndex,
    int endLineIndex,
    java.util.Set<Integer> unalignedRows) implements Block {

  public Grid(String layout, List<List<GridCell>> rows, List<GridCell> notes, String caption, int captionLineIndex,
      int firstLineIndex, int endLineIndex) {
    this(layout, rows, notes, caption, captionLineIndex, firstLineIndex, endLineIndex, java.util.Set.of());
  }

  public int width() {
    return rows.stream().mapToInt(List::size).max().orElse(0);
  }

  /** The first line of a row: the line of its first non-blank cell of its own (not covered from above), -1 when none. */
  public static int rowLineIndex(List<GridCell> row) {
    for (GridCell c : row) if (c.origin() && c.lineIndex() >= 0) return c.lineIndex();
    return -1;
  }
}
