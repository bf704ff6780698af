package org.hrssplan.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * A Word 2007+ plan (.docx, .docm — macros are never run, only the XML is read) → blocks, with Apache POI (XWPF).
 * The body in document order: a Word table becomes a {@link Grid} with {@code gridSpan} and {@code vMerge} resolved
 * (a merged cell's text at every position it covers), a cell's paragraphs and line breaks kept as lines of the cell;
 * the paragraphs between tables are read as a text export is ({@link TextTableReader}), so a table typed with TABs or
 * pipes inside paragraphs is found too. Headers, footers and comments are not the body and are not read.
 *
 * <p>A Word document has no lines: its "lines" are its paragraphs and table cells in reading order, numbered from 1
 * ({@code source_line}), and each has a locator into the file: {@code P12} (the 12th body paragraph) or
 * {@code T1:R3:C2} (table 1, row 3, column 2, counted on the table's grid).
 */
public final class DocxPlanReader {
  private DocxPlanReader() {}

  public static DocumentContent read(byte[] bytes) throws IOException {
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
      Builder b = new Builder();
      b.body(doc.getBodyElements());
      b.flushParagraphs();
      int[] src = new int[b.lines.size()];
      Arrays.setAll(src, i -> i + 1);
      return new DocumentContent(List.copyOf(b.lines), src, b.locators.toArray(String[]::new), List.copyOf(b.blocks));
    }
  }

  private static final class Builder {
    final List<String> lines = new ArrayList<>();
    final List<String> locators = new ArrayList<>();
    final List<Block> blocks = new ArrayList<>();
    int paragraphs;
    int tables;
    /** First line of the paragraphs not yet read into blocks, -1 when none. */
    int pending = -1;

    void body(List<IBodyElement> elements) {
      for (IBodyElement e : elements) {
        if (e instanceof XWPFParagraph p) {
          paragraph(p.getText());
        } else if (e instanceof XWPFTable t) {
          flushParagraphs();
          table(t);
        } else if (e instanceof XWPFSDT sdt) {
          paragraph(sdt.getContent().getText()); // a content control's text, as the reader sees it
        }
      }
    }

    void paragraph(String text) {
      paragraphs++;
      if (pending < 0) pending = lines.size();
      for (String line : text.split("\\r?\\n", -1)) add(TextFolding.fold(line), "P" + paragraphs);
    }

    int add(String line, String locator) {
      lines.add(line);
      locators.add(locator);
      return lines.size() - 1;
    }

    void flushParagraphs() {
      if (pending < 0) return;
      blocks.addAll(TextTableReader.read(lines, pending, lines.size()));
      pending = -1;
    }

    void table(XWPFTable table) {
      tables++;
      int first = lines.size();
      List<List<GridCell>> rows = new ArrayList<>();
      List<XWPFTableRow> trs = table.getRows();
      for (int r = 0; r < trs.size(); r++) {
        List<GridCell> row = new ArrayList<>();
        for (XWPFTableCell cell : trs.get(r).getTableCells()) {
          int span = gridSpan(cell);
          int col = row.size();
          GridCell g;
          if (continuesVerticalMerge(cell)) {
            List<GridCell> above = r > 0 ? rows.get(r - 1) : List.of();
            g = col < above.size() ? above.get(col).covered() : GridCell.BLANK;
          } else {
            String text = cellText(cell);
            // every cell is a line, a blank one too: a missing value is located at its own cell
            int line = add(text.replace('\n', ' '), "T" + tables + ":R" + (r + 1) + ":C" + (col + 1));
            g = new GridCell(text, line, true);
          }
          row.add(g);
          for (int k = 1; k < span; k++) row.add(g.covered());
        }
        rows.add(List.copyOf(row));
      }
      if (lines.size() == first) add("", "T" + tables);
      blocks.add(new Grid("docx", List.copyOf(rows), List.of(), null, -1, first, lines.size()));
    }

    private static int gridSpan(XWPFTableCell cell) {
      CTTcPr pr = cell.getCTTc().getTcPr();
      if (pr == null || pr.getGridSpan() == null || pr.getGridSpan().getVal() == null) return 1;
      return Math.max(1, Math.min(pr.getGridSpan().getVal().intValue(), 50));
    }

    /** {@code <w:vMerge/>} or {@code <w:vMerge w:val="continue"/>}: covered by the cell above; {@code restart} starts one. */
    private static boolean continuesVerticalMerge(XWPFTableCell cell) {
      CTTcPr pr = cell.getCTTc().getTcPr();
      if (pr == null || pr.getVMerge() == null) return false;
      return pr.getVMerge().getVal() == null || pr.getVMerge().getVal() == STMerge.CONTINUE;
    }

    /** The cell's paragraphs (and nested tables' text) as lines, width-folded. */
    private static String cellText(XWPFTableCell cell) {
      List<String> parts = new ArrayList<>();
      for (IBodyElement e : cell.getBodyElements()) {
        String t = e instanceof XWPFParagraph p ? p.getText() : e instanceof XWPFTable nested ? nested.getText() : "";
        for (String line : t.split("\\r?\\n")) if (!line.isBlank()) parts.add(TextFolding.fold(line.strip()));
      }
      return String.join("\n", parts);
    }
  }
}
