package org.hrssplan.testing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;

/**
 * Golden outputs of the metric models ({@code golden/models/<input>/<table>.out}), in the spirit of Spark's
 * SQLQueryTestSuite: a table as one engine computed it, rendered as text that both engines are held to. The format
 * (golden/README.md):
 *
 * <pre>
 * -- comment lines (what the file is, how it is regenerated)
 * -- !schema
 * column⇥type            one line per column, in the table's order; types in Spark's SQL names (string, int, bigint,
 *                        double, boolean, decimal(p,s), array&lt;t&gt;), DuckDB's mapped to them
 * -- !rows N, sorted by k1, k2
 * cell⇥cell⇥…            one line per row, sorted by the table's key (PublishedTable.sortBy)
 * </pre>
 *
 * Cells: {@code NULL} for NULL (bare); strings in double quotes with {@code \ " TAB LF CR} and other control
 * characters escaped ({@code ""} is the empty string, {@code "NULL"} the word); integers as they are; booleans
 * {@code true} / {@code false}; decimals exactly (plain); doubles rounded to 10 significant digits (HALF_EVEN, from
 * the double's exact binary value), trailing zeros dropped, plain notation for 1e-6 ≤ |x| < 1e15 and {@code 1.5E-7}
 * otherwise, {@code 0} for ±0, {@code NaN}, {@code Infinity}, {@code -Infinity}; arrays as {@code [c1,c2]}.
 *
 * <p>Comparison: the engine's table is rendered the same way; a double cell matches when |golden − engine| ≤
 * max(1e-9 × max(|golden|, |engine|), 1e-12) — the rounding to 10 digits is at most 5e-10 relative, the engines
 * differ by ~1e-14 (Spark's pow is fdlibm's, DuckDB's the C library's; sums in other orders) — so floating noise
 * never flips a result, while any change a person would see does. Every other cell, the comment lines, the schema
 * and the order of the rows must be equal as text.
 */
public final class GoldenOut {
  private GoldenOut() {}

  public static final double RELATIVE_TOLERANCE = 1e-9;
  public static final double ABSOLUTE_TOLERANCE = 1e-12;
  public static final int SIGNIFICANT_DIGITS = 10;
  /** Differences listed in a failure message; the count is always complete. */
  public static final int MAX_REPORTED = 15;

  static final String SCHEMA = "-- !schema";
  static final String ROWS = "-- !rows ";

  /** A column: its name and its engine-neutral type (Spark's SQL type name). */
  public record Column(String name, String type) {}

  /** A table as an engine gave it: columns and rows of plain Java values (String, Long, Double, Boolean, BigDecimal, List). */
  public record Table(List<Column> columns, List<List<Object>> rows) {}

  // ---------------------------------------------------------------------------------------------- reading engines

  /** A Spark result, collected. */
  public static Table fromSpark(Dataset<Row> data) {
    StructField[] fields = data.schema().fields();
    List<Column> columns = Arrays.stream(fields).map(f -> new Column(f.name(), sparkType(f.dataType()))).toList();
    List<List<Object>> rows = new ArrayList<>();
    for (Row r : data.collectAsList()) {
      List<Object> row = new ArrayList<>();
      for (int i = 0; i < fields.length; i++) row.add(r.isNullAt(i) ? null : sparkValue(fields[i].dataType(), r.get(i)));
      rows.add(row);
    }
    return new Table(columns, rows);
  }

  static String sparkType(DataType t) {
    if (t instanceof ArrayType a) return "array<" + sparkType(a.elementType()) + ">";
    if (t instanceof DecimalType || t.equals(DataTypes.StringType) || t.equals(DataTypes.ByteType) || t.equals(DataTypes.ShortType)
        || t.equals(DataTypes.IntegerType) || t.equals(DataTypes.LongType) || t.equals(DataTypes.FloatType)
        || t.equals(DataTypes.DoubleType) || t.equals(DataTypes.BooleanType)) {
      return t.simpleString();
    }
    throw new IllegalArgumentException("the golden format has no rendering for Spark type " + t.simpleString() + ": add one");
  }

  static Object sparkValue(DataType t, Object v) {
    if (v == null) return null;
    if (t instanceof ArrayType a) {
      List<Object> out = new ArrayList<>();
      for (Object e : scala.jdk.javaapi.CollectionConverters.asJava((scala.collection.Seq<?>) v)) out.add(sparkValue(a.elementType(), e));
      return out;
    }
    if (v instanceof Float f) return f.doubleValue();
    if (v instanceof Byte || v instanceof Short || v instanceof Integer) return ((Number) v).longValue();
    return v; // String, Long, Double, Boolean, java.math.BigDecimal
  }

  /** A DuckDB table, read over JDBC from {@code c}. */
  public static Table fromDuckDb(Connection c, String table) throws SQLException {
    List<Column> columns = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("DESCRIBE SELECT * FROM " + table)) {
      while (r.next()) columns.add(new Column(r.getString("column_name"), duckType(r.getString("column_type"))));
    }
    List<List<Object>> rows = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT * FROM " + table)) {
      while (r.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= columns.size(); i++) row.add(duckValue(r.getObject(i)));
        rows.add(row);
      }
    }
    return new Table(columns, rows);
  }

  private static final Pattern DECIMAL = Pattern.compile("DECIMAL\\((\\d+),(\\d+)\\)");

  /** DuckDB's type names mapped to Spark's; one without a Spark counterpart keeps its name and so never matches. */
  static String duckType(String t) {
    if (t.endsWith("[]")) return "array<" + duckType(t.substring(0, t.length() - 2)) + ">";
    Matcher m = DECIMAL.matcher(t);
    if (m.matches()) return "decimal(" + m.group(1) + "," + m.group(2) + ")";
    return switch (t) {
      case "VARCHAR" -> "string";
      case "TINYINT" -> "tinyint";
      case "SMALLINT" -> "smallint";
      case "INTEGER" -> "int";
      case "BIGINT" -> "bigint";
      case "FLOAT" -> "float";
      case "DOUBLE" -> "double";
      case "BOOLEAN" -> "boolean";
      default -> "duckdb:" + t.toLowerCase(Locale.ROOT);
    };
  }

  static Object duckValue(Object v) throws SQLException {
    if (v instanceof java.sql.Array a) {
      List<Object> out = new ArrayList<>();
      for (Object e : (Object[]) a.getArray()) out.add(duckValue(e));
      return out;
    }
    if (v instanceof Float f) return f.doubleValue();
    if (v instanceof Byte || v instanceof Short || v instanceof Integer) return ((Number) v).longValue();
    return v; // null, String, Long, BigInteger (HUGEINT), Double, Boolean, BigDecimal
  }

  // ---------------------------------------------------------------------------------------------- rendering

  /**
   * The golden text of {@code t}: the comment lines, the schema, the rows sorted by {@code key} (NULL first, then
   * by value; ties, which a unique key does not have, by the rendered line).
   */
  public static String render(List<String> comments, List<String> key, Table t) {
    List<String> names = t.columns().stream().map(Column::name).toList();
    int[] at = key.stream().mapToInt(k -> {
      int i = names.indexOf(k);
      if (i < 0) throw new IllegalArgumentException("key column " + k + " not in " + names);
      return i;
    }).toArray();
    Comparator<List<Object>> byKey = (a, b) -> {
      for (int i : at) {
        int c = compareValues(a.get(i), b.get(i));
        if (c != 0) return c;
      }
      return 0;
    };
    List<List<Object>> rows = new ArrayList<>(t.rows());
    rows.sort(byKey.thenComparing(GoldenOut::line));
    StringBuilder sb = new StringBuilder();
    for (String c : comments) sb.append("-- ").append(c).append('\n');
    sb.append(SCHEMA).append('\n');
    for (Column c : t.columns()) sb.append(c.name()).append('\t').append(c.type()).append('\n');
    sb.append(ROWS).append(rows.size()).append(", sorted by ").append(String.join(", ", key)).append('\n');
    for (List<Object> r : rows) sb.append(line(r)).append('\n');
    return sb.toString();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static int compareValues(Object a, Object b) {
    if (a == null || b == null) return a == null ? (b == null ? 0 : -1) : 1;
    if (a instanceof Double || b instanceof Double) {
      if (a instanceof Number x && b instanceof Number y) return Double.compare(x.doubleValue(), y.doubleValue());
    }
    if (a instanceof Number x && b instanceof Number y) return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString()));
    if (a instanceof Comparable x && a.getClass() == b.getClass()) return x.compareTo(b);
    return cell(a).compareTo(cell(b));
  }

  static String line(List<Object> row) {
    StringJoiner j = new StringJoiner("\t");
    for (Object v : row) j.add(cell(v));
    return j.toString();
  }

  /** One value as printed in a golden file (see the class comment). */
  public static String cell(Object v) {
    if (v == null) return "NULL";
    if (v instanceof String s) return quote(s);
    if (v instanceof Double d) return number(d);
    if (v instanceof BigDecimal d) return d.toPlainString();
    if (v instanceof List<?> l) {
      StringJoiner j = new StringJoiner(",", "[", "]");
      for (Object e : l) j.add(cell(e));
      return j.toString();
    }
    return v.toString(); // Long, BigInteger, Boolean
  }

  /** A double rounded to 10 significant digits (see the class comment). */
  public static String number(double d) {
    if (Double.isNaN(d)) return "NaN";
    if (Double.isInfinite(d)) return d > 0 ? "Infinity" : "-Infinity";
    if (d == 0) return "0";
    BigDecimal b = new BigDecimal(d).round(new MathContext(SIGNIFICANT_DIGITS, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    int exponent = b.precision() - b.scale() - 1;
    return exponent >= -6 && exponent < 15 ? b.toPlainString() : b.toString();
  }

  static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\t' -> sb.append("\\t");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        default -> {
          if (ch < 0x20 || ch == 0x7f) sb.append(String.format("\\u%04x", (int) ch));
          else sb.append(ch);
        }
      }
    }
    return sb.append('"').toString();
  }

  // ---------------------------------------------------------------------------------------------- comparing

  /** A golden text taken apart: comment lines, schema lines, the rows line and the row lines. */
  record Parsed(List<String> comments, List<String> schema, String rowsLine, List<String> rows) {
    static Parsed of(String text) {
      List<String> comments = new ArrayList<>();
      List<String> schema = new ArrayList<>();
      List<String> rows = new ArrayList<>();
      String rowsLine = null;
      int part = 0; // 0 comments, 1 schema, 2 rows
      for (String l : text.split("\n", -1)) {
        if (l.isEmpty() && part == 2) continue; // the final newline (an empty row is never empty: it has its cells)
        if (l.equals(SCHEMA)) {
          part = 1;
        } else if (l.startsWith(ROWS)) {
          part = 2;
          rowsLine = l;
        } else if (part == 0) {
          comments.add(l);
        } else if (part == 1) {
          schema.add(l);
        } else {
          rows.add(l);
        }
      }
      return new Parsed(comments, schema, rowsLine, rows);
    }
  }

  /**
   * What differs between a golden file's text and an engine's rendering of the same table, as readable lines
   * (empty: they match). Rows are paired by their key, each differing cell named by key and column.
   */
  public static List<String> differences(String golden, String actual, List<String> key, String engine) {
    List<String> out = new ArrayList<>();
    if (golden.equals(actual)) return out;
    Parsed g = Parsed.of(golden);
    Parsed a = Parsed.of(actual);
    if (!g.comments().equals(a.comments())) {
      out.add("header comments differ: golden " + g.comments() + " / " + engine + " " + a.comments());
    }
    List<String> gNames = g.schema().stream().map(s -> s.split("\t", -1)[0]).toList();
    List<String> aNames = a.schema().stream().map(s -> s.split("\t", -1)[0]).toList();
    Map<String, String> gTypes = types(g.schema());
    Map<String, String> aTypes = types(a.schema());
    if (!gNames.equals(aNames)) out.add("columns differ: golden " + gNames + " / " + engine + " " + aNames);
    for (String name : gNames) {
      if (aTypes.containsKey(name) && !aTypes.get(name).equals(gTypes.get(name))) {
        out.add("column " + name + ": type golden " + gTypes.get(name) + " / " + engine + " " + aTypes.get(name));
      }
    }
    if (!java.util.Objects.equals(g.rowsLine(), a.rowsLine())) {
      out.add("rows line: golden '" + g.rowsLine() + "' / " + engine + " '" + a.rowsLine() + "'");
    }
    if (!gNames.equals(aNames)) {
      // cells cannot be paired by column: show the first differing lines as they are
      for (int i = 0; i < Math.max(g.rows().size(), a.rows().size()) && out.size() < MAX_REPORTED; i++) {
        String gl = i < g.rows().size() ? g.rows().get(i) : "(none)";
        String al = i < a.rows().size() ? a.rows().get(i) : "(none)";
        if (!gl.equals(al)) out.add("row " + (i + 1) + ": golden " + gl + "\n      " + engine + " " + al);
      }
      return out;
    }
    int[] keyAt = key.stream().mapToInt(gNames::indexOf).toArray();
    Map<String, String[]> gRows = keyed(g.rows(), keyAt, gNames, "golden", out);
    Map<String, String[]> aRows = keyed(a.rows(), keyAt, gNames, engine, out);
    for (String k : gRows.keySet()) if (!aRows.containsKey(k)) out.add("row " + k + " only in golden: " + String.join("\t", gRows.get(k)));
    for (String k : aRows.keySet()) if (!gRows.containsKey(k)) out.add("row " + k + " only in " + engine + ": " + String.join("\t", aRows.get(k)));
    for (var e : gRows.entrySet()) {
      String[] other = aRows.get(e.getKey());
      if (other == null) continue;
      for (int i = 0; i < gNames.size(); i++) {
        String type = gTypes.get(gNames.get(i));
        if (!sameCell(type, e.getValue()[i], other[i])) {
          out.add("row " + e.getKey() + " column " + gNames.get(i) + ": golden " + e.getValue()[i] + " / " + engine + " " + other[i]);
        }
      }
    }
    if (out.isEmpty() && gRows.keySet().equals(aRows.keySet()) && !new ArrayList<>(gRows.keySet()).equals(new ArrayList<>(aRows.keySet()))) {
      out.add("rows are not in the key order: golden " + new ArrayList<>(gRows.keySet()) + " / " + engine + " " + new ArrayList<>(aRows.keySet()));
    }
    return out;
  }

  private static Map<String, String> types(List<String> schema) {
    Map<String, String> m = new HashMap<>();
    for (String s : schema) {
      String[] p = s.split("\t", -1);
      m.put(p[0], p.length > 1 ? p[1] : "");
    }
    return m;
  }

  private static Map<String, String[]> keyed(List<String> rows, int[] keyAt, List<String> names, String side, List<String> out) {
    Map<String, String[]> m = new LinkedHashMap<>();
    for (String r : rows) {
      String[] cells = r.split("\t", -1);
      if (cells.length != names.size()) {
        out.add(side + " row has " + cells.length + " cells, the schema " + names.size() + " columns: " + r);
        continue;
      }
      StringJoiner k = new StringJoiner(", ", "(", ")");
      for (int i : keyAt) k.add(names.get(i) + "=" + cells[i]);
      if (m.put(k.toString(), cells) != null) out.add(side + " has key " + k + " twice");
    }
    return m;
  }

  /** Equal as text, or — doubles — within the tolerance (see the class comment). */
  static boolean sameCell(String type, String golden, String engine) {
    if (golden.equals(engine)) return true;
    if (!"double".equals(type) && !"float".equals(type)) return false;
    double x;
    double y;
    try {
      x = Double.parseDouble(golden);
      y = Double.parseDouble(engine);
    } catch (NumberFormatException e) {
      return false; // NULL against a number, or a hand-edited cell that is no number
    }
    if (Double.isNaN(x) || Double.isNaN(y) || Double.isInfinite(x) || Double.isInfinite(y)) return false; // equal text only
    double diff = Math.abs(x - y);
    return diff <= Math.max(RELATIVE_TOLERANCE * Math.max(Math.abs(x), Math.abs(y)), ABSOLUTE_TOLERANCE);
  }
}
