package org.hrssplan.synth;

import java.util.List;
import org.hrssplan.catalog.Indicator;

/**
 * An indicator table to be written in one of the three layouts: its label (专栏1, 附表2), title, plan
 * period, headers and value columns, its section and indicator rows, and the note printed under it.
 */
record PlanTable(String ref, String title, int periodNumber, List<String> headers, List<Column> valueColumns,
    boolean attributeColumn, List<Entry> entries, String note) {

  /** A value column: its role (base / target / actual) and year, as ColumnRoles will read its header. */
  record Column(String role, int year) {}

  sealed interface Entry permits Section, Row {}

  /** 一、就业创业: a section row, not an observation. */
  record Section(String text) implements Entry {}

  /** An indicator row: the label's parts and one printed cell per value column. */
  record Row(Indicator indicator, String name, int number, boolean marked, boolean sub, String labelUnit, List<PrintedCell> cells,
      String attribute) implements Entry {

    /** The label as printed: *12.其中:name(unit); TAB-layout documents use full-width punctuation as Word exports do. */
    String label(boolean numbered, boolean fullWidth) {
      StringBuilder b = new StringBuilder();
      if (marked) b.append('*');
      if (numbered) b.append(number).append('.');
      if (sub) b.append(fullWidth ? "其中：" : "其中:");
      b.append(name);
      if (labelUnit != null) b.append(fullWidth ? "（" : "(").append(labelUnit).append(fullWidth ? "）" : ")");
      return b.toString();
    }
  }

  String planPeriodCode() {
    return periodNumber + "th";
  }
}
