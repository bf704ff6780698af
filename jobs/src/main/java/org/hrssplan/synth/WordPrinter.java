package org.hrssplan.synth;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * A synthetic plan as a Word file (Apache POI): each line a paragraph, each table a Word table whose merged cells are
 * Word's own ({@code gridSpan} across, {@code vMerge} down). Locators as the reader gives them: {@code P12} for the 12th
 * body paragraph, {@code T1:R3:C4} for table 1, row 3, grid column 4.
 */
final class WordPrinter {
  private WordPrinter() {}

  static PlanPrinter.Printed print(List<DocumentLines.Item> printed) throws IOException {
    Map<Integer, String> locators = new HashMap<>();
    try (XWPFDocument doc = new XWPFDocument()) {
      int paragraphs = 0;
      int tables = 0;
      for (DocumentLines.Item o : printed) {
        if (o instanceof DocumentLines.Paragraph p) {
          doc.createParagraph().createRun().setText(p.text());
          locators.put(p.handle(), "P" + ++paragraphs);
        } else if (o instanceof DocumentLines.Blank) {
          doc.createParagraph();
          paragraphs++;
        } else if (o instanceof PrintedGrid g) {
          table(doc, g, ++tables, locators);
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.write(out);
      return new PlanPrinter.Printed(out.toByteArray(), locators);
    }
  }

  private static void table(XWPFDocument doc, PrintedGrid g, int number, Map<Integer, String> locators) {
    XWPFTable table = doc.createTable(g.rows(), g.columns());
    // what each grid position holds: the cell that starts there, or the one covering it from above or the left
    PrintedGrid.Cell[][] at = new PrintedGrid.Cell[g.rows()][g.columns()];
    for (PrintedGrid.Cell c : g.cells()) {
      for (int r = c.row(); r <= c.lastRow(); r++) for (int k = c.column(); k < c.column() + c.columnSpan(); k++) at[r][k] = c;
    }
    for (int r = 0; r < g.rows(); r++) {
      XWPFTableRow row = table.getRow(r);
      // right to left, so removing the cells a wide cell covers keeps the positions still to visit
      for (int k = g.columns() - 1; k >= 0; k--) {
        PrintedGrid.Cell c = at[r][k];
        if (c != null && c.column() != k) {
          row.removeCell(k);
          continue;
        }
        XWPFTableCell cell = row.getCell(k);
        if (c == null) continue;
        CTTcPr pr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
        if (c.columnSpan() > 1) pr.addNewGridSpan().setVal(BigInteger.valueOf(c.columnSpan()));
        if (c.rowSpan() > 1) pr.addNewVMerge().setVal(c.row() == r ? STMerge.RESTART : STMerge.CONTINUE);
        if (c.row() == r) {
          if (!c.text().isEmpty()) cell.setText(c.text());
          if (c.handle() > 0) locators.put(c.handle(), "T" + number + ":R" + (r + 1) + ":C" + (k + 1));
        }
      }
    }
  }
}
