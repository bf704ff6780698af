package org.hrssplan.synth;

import java.util.List;
import org.hrssplan.catalog.Indicator;

/**
 * An indicator table to be written in one of the {@link SynthLayout} shapes: its label (专栏1, 附表2; null when
 * the title carries none), title, plan period, headers in the order the shape prints them and value columns,
 * its section and indicator rows, and the note printed under it. An HTML table also has a header cell
 * ({@code spanHeader}, “十三五”时期) spanning the value columns from {@code spanFrom} on, above their own headers.
 */
record PlanTable(String ref, String title, int periodNumber, List<String> headers, List<Column> valueColumns,
    boolean attributeColumn, List<Entry> entries, String note, String spanHeader, int spanFrom) {

  /** A value column: its role (base / target / actual) and year, as ColumnRoles will read its header. */
  record Column(String role, int year) {}

  sealed interface Entry permits Section, Row {}

  /** 一、就业创业: a section row, not an observation; {@code group} (就业创业) is its text in a 一级指标 or 类别 cell. */
  record Section(String text, String group) implements Entry {}

  /**
   * An indicator row: the label's parts and one printed cell per value column. {@code labelUnit} is the row's printed
   * unit, in the label or, in a shape with a 单位 column, in that cell (null: none printed there).
   */
  record Row(Indicator indicator, String name, int number, boolean marked, boolean sub, String labelUnit, List<PrintedCell> cells,
      String attribute) implements Entry {

    /** The label as printed: *12.其中:name(unit); TAB-layout documents use full-width punctuation as Word exports do. */
    String label(boolean numbered, boolean fullWidth) {
      return label(numbered, fullWidth, true);
    }

    /** The same, without the unit when {@code withUnit} is false (it is printed in a 单位 cell or after a line break). */
    String label(boolean numbered, boolean fullWidth, boolean withUnit) {
      StringBuilder b = new StringBuilder();
      if (marked) b.append('*');
      if (numbered) b.append(number).append('.');
      if (sub) b.append(fullWidth ? "其中：" : "其中:");
      b.append(name);
      if (withUnit && labelUnit != null) b.append(fullWidth ? "（" : "(").append(labelUnit).append(fullWidth ? "）" : ")");
      return b.toString();
    }
  }

  String planPeriodCode() {
    return periodNumber + "th";
  }
}
