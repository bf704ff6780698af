package org.hrssplan.extract;

import java.util.List;
import org.hrssplan.document.Grid;
import org.hrssplan.document.GridCell;

/**
 * A table of a document as found, before interpretation: its grid, its title (the caption printed inside it, else the
 * nearest preceding line that names a table; may be empty), its reference (专栏2, 表1, 附表, 附件1; {@code T3} for the
 * document's third table when the title has none), the row where its header starts (-1: no indicator header) and the
 * unit printed for the whole table ({@code 单位：万人} above it or in a row before its header), or null; its notes (those
 * the reader found in or under the grid, and {@code 注：} paragraphs right after it) and the line after them.
 */
public record RawTable(String tableRef, String title, int titleLineIndex, Grid grid, int headerRow, String tableUnit,
    List<GridCell> notes, int endLineIndex) {
  public String layout() {
    return grid.layout();
  }

  public List<List<GridCell>> rows() {
    return grid.rows();
  }

  /** First line of the table with its title. */
  public int startLineIndex() {
    return titleLineIndex >= 0 ? Math.min(titleLineIndex, grid.firstLineIndex()) : grid.firstLineIndex();
  }

  /** The line a person looks at to find the table: its title, else its first line. */
  public int anchorLineIndex() {
    return titleLineIndex >= 0 ? titleLineIndex : grid.firstLineIndex();
  }
}
