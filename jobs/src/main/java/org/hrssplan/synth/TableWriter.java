package org.hrssplan.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a {@link PlanTable} in one layout and reports the line of every value cell it writes, which is the
 * {@code source_line} the extractor must report for it.
 */
final class TableWriter {
  /** Share of TAB-layout labels whose unit wraps onto the next line (a Word table cell broken in two). */
  private static final double WRAPPED_LABEL_SHARE = 0.3;
  /** Share of TAB-layout value cells printed on the line after an empty TAB line (达川 专栏1 row 9). */
  private static final double VALUE_AFTER_EMPTY_TAB_SHARE = 0.02;
  /** Share of HTML labels whose unit stands after a {@code <br>} (the label cell broken in two). */
  private static final double BR_LABEL_SHARE = 0.4;
  /** The header the TAB layout may wrap after its quoted period, as 达川 does. */
  private static final String WRAPPABLE_HEADER = "“十三五”规划目标";

  interface CellSink {
    void cell(PlanTable table, PlanTable.Row row, int valueColumn, int line);
  }

  private final SplittableRandom rng;

  TableWriter(SplittableRandom rng) {
    this.rng = rng;
  }

  void write(SynthLayout layout, PlanTable t, DocumentLines doc, CellSink sink) {
    switch (layout) {
      case PIPE_ROWS -> pipes(t, doc, sink);
      case TAB_CELLS -> tabCells(t, doc, sink);
      case BARE_LINES -> bareLines(t, doc, sink);
      case BLANK_CELLS -> blankCells(t, doc, sink);
      case TWO_LEVEL -> twoLevel(t, doc, sink);
      case HTML -> html(t, doc, sink);
      case RULED -> ruled(t, doc, sink);
    }
  }

  // ------------------------------------------------------------------ label | cell | cell | 属性 |
  private void pipes(PlanTable t, DocumentLines doc, CellSink sink) {
    int width = t.headers().size();
    String emptyTail = " | " + "|".repeat(width - 1);
    doc.add(t.ref() + " " + t.title() + (rng.nextBoolean() ? emptyTail : ""));
    doc.add(String.join(" | ", t.headers()) + " |");
    for (PlanTable.Entry e : t.entries()) {
      if (e instanceof PlanTable.Section s) {
        doc.add(s.text() + emptyTail);
      } else if (e instanceof PlanTable.Row r) {
        StringBuilder b = new StringBuilder(r.label(true, false));
        for (PrintedCell c : r.cells()) b.append(" | ").append(c.text());
        if (t.attributeColumn()) b.append(" | ").append(r.attribute());
        int line = doc.add(b.append(" |").toString());
        for (int k = 0; k < r.cells().size(); k++) sink.cell(t, r, k, line);
      }
    }
    if (t.note() != null) doc.add(t.note() + " |");
    doc.blank();
  }

  // ------------------------------------------------------------------ one cell per TAB-led line, rows between blank lines
  private void tabCells(PlanTable t, DocumentLines doc, CellSink sink) {
    doc.add(t.ref() + "  " + t.title());
    doc.blank();
    for (String h : t.headers()) {
      if (h.equals(WRAPPABLE_HEADER) && rng.nextBoolean()) {
        doc.add("\t“十三五”");
        doc.add("规划目标");
      } else {
        doc.add("\t" + h);
      }
    }
    doc.blank();
    for (PlanTable.Entry e : t.entries()) {
      if (e instanceof PlanTable.Section s) {
        doc.add("\t" + s.text());
      } else if (e instanceof PlanTable.Row r) {
        String label = r.label(true, true);
        int unitAt = label.lastIndexOf('（');
        if (r.labelUnit() != null && unitAt > 0 && rng.nextDouble() < WRAPPED_LABEL_SHARE) {
          doc.add("\t" + label.substring(0, unitAt));
          doc.add(label.substring(unitAt));
        } else {
          doc.add("\t" + label);
        }
        for (int k = 0; k < r.cells().size(); k++) {
          String text = r.cells().get(k).text();
          int line;
          if (rng.nextDouble() < VALUE_AFTER_EMPTY_TAB_SHARE) {
            doc.add("\t");
            line = doc.add(text);
          } else {
            line = doc.add("\t" + text);
          }
          sink.cell(t, r, k, line);
        }
        if (t.attributeColumn()) doc.add("\t" + r.attribute());
      }
      doc.blank();
    }
    if (t.note() != null) {
      doc.add(t.note());
      doc.blank();
    }
  }

  // ------------------------------------------------------------------ every cell on a line of its own, no row marks at all
  private void bareLines(PlanTable t, DocumentLines doc, CellSink sink) {
    doc.add("  " + t.ref() + "  " + t.title());
    doc.blank();
    for (String h : t.headers()) {
      doc.add(h);
      doc.blank();
    }
    for (PlanTable.Entry e : t.entries()) {
      if (!(e instanceof PlanTable.Row r)) continue; // bare lines cannot carry section rows: cells are counted off by the header width
      doc.add(r.label(false, false));
      doc.blank();
      for (int k = 0; k < r.cells().size(); k++) {
        sink.cell(t, r, k, doc.add(r.cells().get(k).text()));
        doc.blank();
      }
      if (t.attributeColumn()) {
        doc.add(r.attribute());
        doc.blank();
      }
    }
    // the table ends at the first prose line: the note, which ends with 。, or the heading that follows
    if (t.note() != null) {
      doc.add(t.note());
      doc.blank();
    }
  }

  // ------------------------------------------------------------------ one cell per line between blank lines: 指标 / 单位 / 属性 / values
  private void blankCells(PlanTable t, DocumentLines doc, CellSink sink) {
    if (t.title() != null) {
      doc.add(t.title());
      doc.blank();
    }
    for (String h : t.headers()) {
      doc.add(h);
      doc.blank();
    }
    for (PlanTable.Entry e : t.entries()) {
      if (!(e instanceof PlanTable.Row r)) continue; // rows are counted off by the header width: no section rows
      doc.add(r.label(false, false, false));
      doc.blank();
      doc.add(r.labelUnit());
      doc.blank();
      doc.add(r.attribute());
      doc.blank();
      for (int k = 0; k < r.cells().size(); k++) {
        sink.cell(t, r, k, doc.add(r.cells().get(k).text()));
        doc.blank();
      }
    }
    if (t.note() != null) {
      doc.add(t.note());
      doc.blank();
    }
  }

  // ------------------------------------------------------------------ 一级指标 | 二级指标 | 单位 | values | 属性 |, the 一级 cell once per group
  private void twoLevel(PlanTable t, DocumentLines doc, CellSink sink) {
    int width = t.headers().size();
    String emptyTail = " | " + "|".repeat(width - 1);
    doc.add(t.ref() + " " + t.title() + (rng.nextBoolean() ? emptyTail : ""));
    doc.add(String.join(" | ", t.headers()) + " |");
    String group = null;
    for (PlanTable.Entry e : t.entries()) {
      if (e instanceof PlanTable.Section s) {
        group = s.group();
      } else if (e instanceof PlanTable.Row r) {
        StringBuilder b = new StringBuilder();
        if (group != null) b.append(group).append(" | "); // a merged cell: printed on its first row only
        group = null;
        b.append(r.label(true, false, false)).append(" | ").append(r.labelUnit() == null ? "" : r.labelUnit());
        for (PrintedCell c : r.cells()) b.append(" | ").append(c.text());
        b.append(" | ").append(r.attribute());
        int line = doc.add(b.append(" |").toString());
        for (int k = 0; k < r.cells().size(); k++) sink.cell(t, r, k, line);
      }
    }
    if (t.note() != null) doc.add(t.note());
    doc.blank();
  }

  // ------------------------------------------------------------------ an HTML table: rowspan 类别, colspan period over two header rows
  private void html(PlanTable t, DocumentLines doc, CellSink sink) {
    doc.add(t.ref() + " " + t.title());
    doc.markup("<table border=\"1\" cellspacing=\"0\" cellpadding=\"0\" width=\"100%\">");
    doc.markup("<tbody>");
    List<String> h = t.headers(); // 类别, 指标, values…, [属性]
    int values = t.valueColumns().size();
    StringBuilder top = new StringBuilder("<tr>").append(th(h.get(0), 2, 1)).append(th(h.get(1), 2, 1));
    for (int k = 0; k < t.spanFrom(); k++) top.append(th(h.get(2 + k), 2, 1));
    top.append(th(t.spanHeader(), 1, values - t.spanFrom()));
    if (t.attributeColumn()) top.append(th(h.get(2 + values), 2, 1));
    doc.markup(top.append("</tr>").toString());
    StringBuilder second = new StringBuilder("<tr>");
    for (int k = t.spanFrom(); k < values; k++) second.append(th(h.get(2 + k), 1, 1));
    doc.markup(second.append("</tr>").toString());
    List<PlanTable.Entry> entries = t.entries();
    for (int i = 0; i < entries.size(); i++) {
      if (!(entries.get(i) instanceof PlanTable.Row r)) continue;
      StringBuilder b = new StringBuilder("<tr>");
      if (entries.get(i - 1) instanceof PlanTable.Section s) {
        int span = 0;
        for (int j = i; j < entries.size() && entries.get(j) instanceof PlanTable.Row; j++) span++;
        b.append(span > 1 ? "<td rowspan=\"" + span + "\">" : "<td>").append(DocumentLines.escape(s.group())).append("</td>");
      }
      String label = DocumentLines.escape(r.label(false, false, false));
      if (r.labelUnit() != null) label += (rng.nextDouble() < BR_LABEL_SHARE ? "<br>" : "") + "(" + DocumentLines.escape(r.labelUnit()) + ")";
      b.append("<td>").append(label).append("</td>");
      for (PrintedCell c : r.cells()) b.append("<td>").append(DocumentLines.escape(c.text())).append("</td>");
      if (t.attributeColumn()) b.append("<td>").append(r.attribute()).append("</td>");
      int line = doc.markup(b.append("</tr>").toString());
      for (int k = 0; k < r.cells().size(); k++) sink.cell(t, r, k, line);
    }
    doc.markup("</tbody>");
    doc.markup("</table>");
    if (t.note() != null) doc.add(t.note());
  }

  // ------------------------------------------------------------------ a ruled Word/PDF table: merged 类别, 单位 column, two-row header
  private void ruled(PlanTable t, DocumentLines doc, CellSink sink) {
    doc.add(t.ref() + " " + t.title());
    List<String> h = t.headers(); // 类别, 指标, 单位, values…, [属性]
    int values = t.valueColumns().size();
    int columns = h.size();
    List<PrintedGrid.Cell> cells = new ArrayList<>();
    for (int c = 0; c < 3 + t.spanFrom(); c++) cells.add(new PrintedGrid.Cell(0, c, 2, 1, h.get(c), 0));
    cells.add(new PrintedGrid.Cell(0, 3 + t.spanFrom(), 1, values - t.spanFrom(), t.spanHeader(), 0));
    for (int k = t.spanFrom(); k < values; k++) cells.add(new PrintedGrid.Cell(1, 3 + k, 1, 1, h.get(3 + k), 0));
    if (t.attributeColumn()) cells.add(new PrintedGrid.Cell(0, columns - 1, 2, 1, h.get(columns - 1), 0));
    int row = 2;
    List<PlanTable.Entry> entries = t.entries();
    for (int i = 0; i < entries.size(); i++) {
      if (!(entries.get(i) instanceof PlanTable.Row r)) continue;
      if (entries.get(i - 1) instanceof PlanTable.Section s) {
        int span = 0;
        for (int j = i; j < entries.size() && entries.get(j) instanceof PlanTable.Row; j++) span++;
        cells.add(new PrintedGrid.Cell(row, 0, span, 1, s.group(), 0));
      }
      cells.add(new PrintedGrid.Cell(row, 1, 1, 1, r.label(false, false, false), 0));
      cells.add(new PrintedGrid.Cell(row, 2, 1, 1, r.labelUnit() == null ? "" : r.labelUnit(), 0));
      for (int k = 0; k < values; k++) {
        int handle = doc.cellHandle();
        cells.add(new PrintedGrid.Cell(row, 3 + k, 1, 1, r.cells().get(k).text(), handle));
        sink.cell(t, r, k, handle);
      }
      if (t.attributeColumn()) cells.add(new PrintedGrid.Cell(row, columns - 1, 1, 1, r.attribute(), 0));
      row++;
    }
    List<Integer> widths = new ArrayList<>(List.of(2, 6, 2)); // 类别, 指标, 单位
    for (int k = 0; k < values; k++) widths.add(values == 2 ? 5 : 4);
    if (t.attributeColumn()) widths.add(2);
    doc.table(new PrintedGrid(row, columns, 2, List.copyOf(widths), List.copyOf(cells)));
    if (t.note() != null) doc.add(t.note());
    doc.blank();
  }

  private static String th(String text, int rows, int columns) {
    return "<th" + (rows > 1 ? " rowspan=\"" + rows + "\"" : "") + (columns > 1 ? " colspan=\"" + columns + "\"" : "") + ">"
        + DocumentLines.escape(text) + "</th>";
  }
}
