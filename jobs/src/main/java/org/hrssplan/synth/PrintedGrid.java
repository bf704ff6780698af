package org.hrssplan.synth;

import java.util.List;

/**
 * A table as a Word or PDF plan prints it: cells placed on a rows × columns grid, a merged cell spanning rows or columns
 * from its top-left position. The first {@code headerRows} rows are the header (repeated where the table goes on to a
 * new page); {@code widths} are the columns' relative widths. A value cell carries the handle its expected observation points to; other cells have handle 0.
 */
record PrintedGrid(int rows, int columns, int headerRows, List<Integer> widths, List<Cell> cells) implements DocumentLines.Item {

  record Cell(int row, int column, int rowSpan, int columnSpan, String text, int handle) {
    int lastRow() {
      return row + rowSpan - 1;
    }
  }
}
