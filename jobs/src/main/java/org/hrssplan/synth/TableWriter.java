package org.hrssplan.synth;

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
}
