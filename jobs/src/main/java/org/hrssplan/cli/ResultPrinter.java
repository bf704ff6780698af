package org.hrssplan.cli;

import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * Query results as an aligned text table (CJK characters count two columns wide, as terminals draw them) or as
 * CSV with a header (Jackson CSV).
 */
final class ResultPrinter {
  private ResultPrinter() {}

  /** Spark rows as cells: NULL as {@code null}, everything else as its string. */
  static List<String[]> cells(int width, List<Row> rows) {
    List<String[]> cells = new ArrayList<>();
    for (Row r : rows) {
      String[] c = new String[width];
      for (int i = 0; i < width; i++) c[i] = r.isNullAt(i) ? null : String.valueOf(r.get(i));
      cells.add(c);
    }
    return cells;
  }

  /** {@code rows} as an aligned table; a {@code null} cell prints as NULL. */
  static String table(String[] cols, List<String[]> rows) {
    List<String[]> cells = new ArrayList<>();
    for (String[] r : rows) {
      String[] c = new String[cols.length];
      for (int i = 0; i < cols.length; i++) c[i] = r[i] == null ? "NULL" : r[i];
      cells.add(c);
    }
    int[] w = new int[cols.length];
    for (int i = 0; i < cols.length; i++) w[i] = width(cols[i]);
    for (String[] c : cells) for (int i = 0; i < cols.length; i++) w[i] = Math.max(w[i], width(c[i]));
    StringBuilder sb = new StringBuilder();
    line(sb, cols, w);
    String[] rule = new String[cols.length];
    for (int i = 0; i < cols.length; i++) rule[i] = "-".repeat(w[i]);
    line(sb, rule, w);
    for (String[] c : cells) line(sb, c, w);
    sb.append('(').append(rows.size()).append(rows.size() == 1 ? " row)" : " rows)").append('\n');
    return sb.toString();
  }

  /** {@code rows} as CSV with a header; a {@code null} cell is empty. */
  static String csv(String[] cols, List<String[]> rows) throws Exception {
    CsvSchema.Builder b = CsvSchema.builder();
    Arrays.stream(cols).forEach(b::addColumn);
    List<List<String>> data = new ArrayList<>();
    for (String[] r : rows) {
      List<String> c = new ArrayList<>();
      for (int i = 0; i < cols.length; i++) c.add(r[i] == null ? "" : r[i]);
      data.add(c);
    }
    return org.hrssplan.model.Csv.mapper().writer(b.build().withHeader()).writeValueAsString(data);
  }

  private static void line(StringBuilder sb, String[] cells, int[] w) {
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) sb.append(" | ");
      sb.append(cells[i]).append(" ".repeat(w[i] - width(cells[i])));
    }
    sb.append('\n');
  }

  /** Display width: East Asian wide and full-width characters take two columns. */
  static int width(String s) {
    int w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      w += (cp >= 0x1100 && (cp <= 0x115F || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
          || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
          || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD))) ? 2 : 1;
      i += Character.charCount(cp);
    }
    return w;
  }
}
