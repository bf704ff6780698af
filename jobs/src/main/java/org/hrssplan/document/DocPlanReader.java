package org.hrssplan.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.usermodel.Paragraph;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.hwpf.usermodel.Table;
import org.apache.poi.hwpf.usermodel.TableCell;
import org.apache.poi.hwpf.usermodel.TableRow;

/**
 * A Word 97–2003 plan (.doc) → blocks, with Apache POI (HWPF), as far as the format allows: the main text in order,
 * tables as {@link Grid}s, the paragraphs between them read like a text export ({@link TextTableReader}). Word 97 has
 * no column grid: a cell merged across columns is one wider cell, so a table's columns are the distinct left edges of
 * its cells, and a cell covers every column whose edge lies within it; a vertically merged cell's continuation is
 * covered by the cell above. Field codes are dropped (their results kept). Locators as for .docx: {@code P12},
 * {@code T1:R3:C2}.
 */
public final class DocPlanReader {
  private DocPlanReader() {}

  public static DocumentContent read(byte[] bytes) throws IOException {
    try (HWPFDocument doc = new HWPFDocument(new ByteArrayInputStream(bytes))) {
      Range range = doc.getRange();
      List<String> lines = new ArrayList<>();
      List<String> locators = new ArrayList<>();
      List<Block> blocks = new ArrayList<>();
      int paragraphs = 0;
      int tables = 0;
      int pending = -1;
      for (int i = 0; i < range.numParagraphs(); i++) {
        Paragraph p = range.getParagraph(i);
        if (p.isInTable()) {
          if (pending >= 0) blocks.addAll(TextTableReader.read(lines, pending, lines.size()));
          pending = -1;
          Table t = range.getTable(p);
          tables++;
          blocks.add(table(t, tables, lines, locators));
          i += t.numParagraphs() - 1;
          continue;
        }
        paragraphs++;
        if (pending < 0) pending = lines.size();
        for (String line : text(p.text()).split("\n", -1)) {
          lines.add(line);
          locators.add("P" + paragraphs);
        }
      }
      if (pending >= 0) blocks.addAll(TextTableReader.read(lines, pending, lines.size()));
      int[] src = new int[lines.size()];
      Arrays.setAll(src, k -> k + 1);
      return new DocumentContent(List.copyOf(lines), src, locators.toArray(String[]::new), List.copyOf(blocks));
    }
  }

  /** Word's marks out of a paragraph's or cell's text: fields reduced to their results, cell and paragraph ends dropped. */
  private static String text(String raw) {
    String s = Range.stripFields(raw).replace('\u000B', '\n').replace("\u0007", "").replace("\r", "\n");
    while (s.endsWith("\n")) s = s.substring(0, s.length() - 1);
    return TextFolding.fold(s);
  }

  private static Grid table(Table t, int number, List<String> lines, List<String> locators) {
    int first = lines.size();
    TreeSet<Integer> edges = new TreeSet<>();
    for (int r = 0; r < t.numRows(); r++) {
      TableRow row = t.getRow(r);
      for (int c = 0; c < row.numCells(); c++) edges.add(row.getCell(c).getLeftEdge());
    }
    List<Integer> columns = new ArrayList<>(edges);
    List<List<GridCell>> rows = new ArrayList<>();
    for (int r = 0; r < t.numRows(); r++) {
      TableRow row = t.getRow(r);
      GridCell[] out = new GridCell[columns.size()];
      for (int c = 0; c < row.numCells(); c++) {
        TableCell cell = row.getCell(c);
        int from = columns.indexOf(cell.getLeftEdge());
        int to = from;
        while (to + 1 < columns.size() && columns.get(to + 1) < cell.getLeftEdge() + cell.getWidth()) to++;
        GridCell g;
        if (cell.isVerticallyMerged() && !cell.isFirstVerticallyMerged() && r > 0 && rows.get(r - 1).size() > from) {
          g = rows.get(r - 1).get(from).covered();
        } else {
          List<String> parts = new ArrayList<>();
          for (String l : text(cell.text()).split("\n")) if (!l.isBlank()) parts.add(l.strip());
          String text = String.join("\n", parts);
          // every cell is a line, a blank one too: a missing value is located at its own cell
          lines.add(text.replace('\n', ' '));
          locators.add("T" + number + ":R" + (r + 1) + ":C" + (from + 1));
          int line = lines.size() - 1;
          g = new GridCell(text, line, true);
        }
        for (int k = from; k <= to; k++) out[k] = k == from ? g : g.covered();
      }
      List<GridCell> cells = new ArrayList<>();
      for (GridCell g : out) cells.add(g == null ? GridCell.BLANK : g);
      rows.add(List.copyOf(cells));
    }
    if (lines.size() == first) {
      lines.add("");
      locators.add("T" + number);
    }
    return new Grid("doc", List.copyOf(rows), List.of(), null, -1, first, lines.size());
  }
}
