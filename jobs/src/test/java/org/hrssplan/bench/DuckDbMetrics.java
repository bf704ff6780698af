package org.hrssplan.bench;

import org.hrssplan.tables.PublishedTable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's DuckDB side: computes the five metric tables our Spark job computes (attainment, growth, ambition,
 * cross-region, scorecard) with the DuckDB ports of the SQL models ({@code jobs/bench/duckdb/*.sql}) from the same
 * normalized data as Parquet, and — given our Parquet exports — checks that the results are the same as ours, so
 * that the two timings are of the same work.
 *
 * <p>Plain JDBC, no Spark: run with only the DuckDB JDBC jar on the class path, e.g.
 *
 * <pre>
 * java -cp CLASSES:duckdb_jdbc-1.4.1.0.jar org.hrssplan.bench.DuckDbMetrics \
 *   --observations 'exports/parquet/fct_observation/*.parquet' --indicators 'exports/parquet/dim_indicator/*.parquet' \
 *   --regions 'exports/parquet/dim_region/*.parquet' --findings 'exports/parquet/dq_findings/*.parquet' \
 *   --ours exports/parquet
 * </pre>
 *
 * <p>Output: one machine-readable line per figure ({@code duckdb total_ms=…}, {@code duckdb rows …},
 * {@code crosscheck TABLE rows ours=… duckdb=… compared=… mismatches=…}, {@code mismatch …}); the exit status is 1 when
 * the cross-check finds any difference, 2 on a usage error.
 */
public final class DuckDbMetrics {

  /**
   * One model: the table it computes — its SQL file (same name as ours), the view later models read it as and our
   * published table it is checked against all carry that name — and the natural key of its rows (the table's sort key).
   */
  record Model(String name, List<String> key) {}

  /** Our SQL-computed metric tables, in the order MetricModels runs them. */
  static final List<Model> MODELS = models();

  private static List<Model> models() {
    Map<String, org.hrssplan.metrics.MetricModel> sql = new LinkedHashMap<>();
    for (PublishedTable t : PublishedTable.METRIC_TABLES) if (t.sqlModel()) sql.put(t.name(), org.hrssplan.metrics.SqlModel.of(t.name()));
    java.util.Set<String> inputs = new java.util.LinkedHashSet<>();
    for (PublishedTable t : PublishedTable.METRIC_INPUTS) inputs.add(t.name());
    return org.hrssplan.metrics.MetricModels.order(inputs, sql).stream()
        .map(name -> new Model(name, PublishedTable.named(name).orElseThrow().sortBy())).toList();
  }

  /**
   * Columns left out of the value comparison (table → column → why). Empty: every column of every table is
   * compared. A column goes here only when it cannot match for a principled reason (say which, in the reason).
   */
  static final Map<String, Map<String, String>> EXCLUDED = Map.of();

  /**
   * Relative tolerance for floating-point columns. The engines may sum in different orders, and Spark's pow is
   * Java's StrictMath.pow (fdlibm) where DuckDB's is the C library's: CAGRs can differ in the last bits (~1e-14
   * relative on the reference data), and so can what is computed from them (median, mad, robust_z).
   */
  static final double RELATIVE_TOLERANCE = 1e-9;

  /** Mismatch lines printed per table; the count in the summary line is always complete. */
  static final int MAX_REPORTED = 20;

  /** Parameter defaults: conf/hrss.yaml {@code metrics:} (MetricParameters.DEFAULTS). */
  public static final Map<String, String> DEFAULT_PARAMS = Map.of(
      "approx_tolerance", "0.05", "on_track", "0.95", "acceleration_needed", "0.60", "outlier_z", "3.5");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z_]+)}");

  /** The command line. */
  public record Options(String observations, String indicators, String regions, String findings, Path sqlDir,
      Map<String, String> params, Path ours, Integer threads, int sample) {}

  public static void main(String[] args) throws Exception {
    Options o;
    try {
      o = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(usage());
      System.exit(2);
      return;
    }
    System.exit(run(o));
  }

  public static int run(Options o) throws SQLException, IOException {
    Map<String, String> sql = loadModels(o.sqlDir(), o.params()); // read and rendered before the clock starts
    long startupMs = warmUp();
    Map<String, Long> modelMs = new LinkedHashMap<>();
    long t0 = System.nanoTime();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      if (o.threads() != null) execute(c, "SET threads = " + o.threads());
      createInputViews(c, o);
      for (Model m : MODELS) {
        long tm = System.nanoTime();
        execute(c, "CREATE TABLE " + m.name() + " AS\n" + sql.get(m.name()));
        modelMs.put(m.name(), ms(tm));
      }
      long totalMs = ms(t0);
      printTimings(c, startupMs, totalMs, modelMs);
      printRows(c);
      if (o.ours() == null) return 0;
      long mismatches = 0;
      for (Model m : MODELS) mismatches += crossCheck(c, m, o.ours(), o.sample());
      System.out.println("crosscheck total mismatches=" + mismatches);
      return mismatches == 0 ? 0 : 1;
    }
  }

  // ---------------------------------------------------------------------------------------------- computation

  /**
   * Computes every model's table in {@code c} (tables named after ours) from the inputs of {@code o}, in dependency
   * order: no timing, no cross-check. Returns the tables' names. What metrics/ModelGoldenFilesTest holds to the golden
   * {@code .out} files, with the same loading and rendering of the ports as the benchmark.
   */
  public static List<String> compute(Connection c, Options o) throws SQLException, IOException {
    Map<String, String> sql = loadModels(o.sqlDir(), o.params());
    if (o.threads() != null) execute(c, "SET threads = " + o.threads());
    createInputViews(c, o);
    for (Model m : MODELS) execute(c, "CREATE TABLE " + m.name() + " AS\n" + sql.get(m.name()));
    return MODELS.stream().map(Model::name).toList();
  }

  /**
   * Loads the JDBC driver and its native library (extracted from the jar on first use) with a throwaway
   * connection, so that total_ms measures DuckDB's work and not the one-off JNI set-up; reported separately.
   */
  static long warmUp() throws SQLException {
    long t = System.nanoTime();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      execute(c, "SELECT 1");
    }
    return ms(t);
  }

  /** The four inputs as views over read_parquet: lazy, so reading the Parquet is part of each model's time. */
  static void createInputViews(Connection c, Options o) throws SQLException {
    List<String> files = List.of(o.observations(), o.indicators(), o.regions(), o.findings());   // METRIC_INPUTS' order
    Map<String, String> inputs = new LinkedHashMap<>();
    for (int i = 0; i < files.size(); i++) inputs.put(PublishedTable.METRIC_INPUTS.get(i).name(), files.get(i));
    for (var e : inputs.entrySet()) {
      execute(c, "CREATE VIEW " + e.getKey() + " AS SELECT * FROM read_parquet(" + literal(e.getValue()) + ")");
    }
  }

  /** Model view name → rendered SQL, in dependency order. */
  static Map<String, String> loadModels(Path dir, Map<String, String> params) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    for (Model m : MODELS) {
      Path file = dir.resolve(m.name() + ".sql");
      String text = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (text.endsWith(";")) text = text.substring(0, text.length() - 1); // it is wrapped in CREATE TABLE … AS
      out.put(m.name(), render(m.name(), text, params));
    }
    return out;
  }

  /** Fills {@code ${name}} placeholders as SqlModel does: a placeholder without a value is an error. */
  static String render(String model, String text, Map<String, String> params) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String v = params.get(m.group(1));
      if (v == null) throw new IllegalArgumentException("SQL model " + model + " needs parameter " + m.group(1));
      m.appendReplacement(sb, Matcher.quoteReplacement(v));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  static void printTimings(Connection c, long startupMs, long totalMs, Map<String, Long> modelMs) throws SQLException {
    StringJoiner line = new StringJoiner(" ", "duckdb ", "");
    line.add("total_ms=" + totalMs);
    modelMs.forEach((name, t) -> line.add(name + "_ms=" + t));
    line.add("startup_ms=" + startupMs);
    line.add("threads=" + scalar(c, "SELECT current_setting('threads')"));
    line.add("version=" + scalar(c, "SELECT version()"));
    System.out.println(line);
  }

  /** Row counts of the inputs and outputs, counted after the clock stopped. */
  static void printRows(Connection c) throws SQLException {
    StringJoiner line = new StringJoiner(" ", "duckdb rows ", "");
    for (PublishedTable input : PublishedTable.METRIC_INPUTS) {
      line.add(input.name() + "=" + scalar(c, "SELECT count(*) FROM " + input.name()));
    }
    for (Model m : MODELS) line.add(m.name() + "=" + scalar(c, "SELECT count(*) FROM " + m.name()));
    System.out.println(line);
  }

  // ---------------------------------------------------------------------------------------------- cross-check

  /**
   * Compares DuckDB's table with ours: same columns (names, order, types), same row count, same set of keys (all
   * rows), and the same values on the keys of a deterministic sample (all rows when the table has at most
   * {@code sample} rows). Prints the summary line and the first mismatches; returns the number of mismatches.
   */
  static long crossCheck(Connection c, Model m, Path oursDir, int sample) throws SQLException {
    String ours = "ours_" + m.name();
    execute(c, "CREATE OR REPLACE VIEW " + ours + " AS SELECT * FROM read_parquet("
        + literal(oursDir.resolve(m.name()).resolve("*.parquet").toString()) + ")");
    List<String> problems = new ArrayList<>();
    List<Column> columns = compareSchemas(c, m, ours, problems);
    long oursRows = count(c, ours);
    long duckRows = count(c, m.name());
    if (oursRows != duckRows) problems.add("row count ours=" + oursRows + " duckdb=" + duckRows);
    checkKeysUnique(c, m, ours, problems);
    checkKeySets(c, m, ours, problems);
    long compared = compareValues(c, m, ours, columns, sample, problems);
    System.out.printf("crosscheck %s rows ours=%d duckdb=%d compared=%d columns=%d excluded=%s mismatches=%d%n",
        m.name(), oursRows, duckRows, compared, columns.size(), EXCLUDED.getOrDefault(m.name(), Map.of()).keySet(),
        problems.size());
    problems.stream().limit(MAX_REPORTED).forEach(p -> System.out.println("mismatch " + m.name() + " " + p));
    if (problems.size() > MAX_REPORTED) {
      System.out.println("mismatch " + m.name() + " … " + (problems.size() - MAX_REPORTED) + " more");
    }
    return problems.size();
  }

  /** A column of the compared tables and how its values are compared. */
  record Column(String name, String type, Kind kind) {}

  enum Kind { INTEGRAL, FLOATING, EXACT }

  /**
   * Same column names in the same order, of the same types (as DuckDB reads our Parquet). Returns the columns whose
   * values are compared: those of DuckDB's table that ours has too, less the explicitly excluded ones.
   */
  static List<Column> compareSchemas(Connection c, Model m, String ours, List<String> problems) throws SQLException {
    List<Column> theirs = describe(c, ours);
    List<Column> mine = describe(c, m.name());
    List<String> theirNames = theirs.stream().map(Column::name).toList();
    List<String> myNames = mine.stream().map(Column::name).toList();
    if (!theirNames.equals(myNames)) problems.add("columns ours=" + theirNames + " duckdb=" + myNames);
    Map<String, String> theirTypes = new LinkedHashMap<>();
    theirs.forEach(col -> theirTypes.put(col.name(), col.type()));
    Map<String, String> excluded = EXCLUDED.getOrDefault(m.name(), Map.of());
    List<Column> compared = new ArrayList<>();
    for (Column col : mine) {
      String theirType = theirTypes.get(col.name());
      if (theirType == null) continue;
      if (!theirType.equals(col.type())) {
        problems.add("column=" + col.name() + " type ours=" + theirType + " duckdb=" + col.type());
      }
      if (!excluded.containsKey(col.name()) && !m.key().contains(col.name())) compared.add(col);
    }
    return compared;
  }

  static List<Column> describe(Connection c, String table) throws SQLException {
    List<Column> out = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("DESCRIBE SELECT * FROM " + table)) {
      while (r.next()) out.add(new Column(r.getString("column_name"), r.getString("column_type"), kind(r.getString("column_type"))));
    }
    return out;
  }

  static Kind kind(String duckType) {
    return switch (duckType) {
      case "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT" -> Kind.INTEGRAL;
      case "FLOAT", "DOUBLE" -> Kind.FLOATING;
      default -> duckType.startsWith("DECIMAL") ? Kind.FLOATING : Kind.EXACT;
    };
  }

  /** The natural key must identify a row on both sides, or a keyed comparison would pair rows arbitrarily. */
  static void checkKeysUnique(Connection c, Model m, String ours, List<String> problems) throws SQLException {
    String key = String.join(", ", m.key());
    for (String table : List.of(ours, m.name())) {
      long dup = Long.parseLong(scalar(c, "SELECT count(*) - count(DISTINCT (" + key + ")) FROM " + table));
      if (dup != 0) problems.add("key (" + key + ") not unique in " + table + ": " + dup + " duplicate rows");
    }
  }

  /** Keys only one side has, over all rows (an anti-join each way is cheap even at scale). */
  static void checkKeySets(Connection c, Model m, String ours, List<String> problems) throws SQLException {
    checkMissing(c, m, ours, m.name(), "only in ours", problems);
    checkMissing(c, m, m.name(), ours, "only in duckdb", problems);
  }

  static void checkMissing(Connection c, Model m, String from, String other, String label, List<String> problems)
      throws SQLException {
    String sql = "SELECT " + String.join(", ", m.key()) + " FROM " + from + " a WHERE NOT EXISTS (SELECT 1 FROM "
        + other + " b WHERE " + keyJoin(m, "a", "b") + ") ORDER BY ALL";
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      while (r.next()) problems.add("key " + keyText(m, r, 0) + " " + label);
    }
  }

  /**
   * Compares the values of every compared column on the sampled keys: floating columns within the relative
   * tolerance, integral ones exactly, strings and booleans exactly. Returns the number of rows compared.
   */
  static long compareValues(Connection c, Model m, String ours, List<Column> columns, int sample, List<String> problems)
      throws SQLException {
    String sql = "WITH k AS (" + sampleKeys(m, ours, sample) + ")\nSELECT " + selectList(m, columns)
        + "\nFROM k JOIN " + ours + " o ON " + keyJoin(m, "k", "o") + " JOIN " + m.name() + " d ON " + keyJoin(m, "k", "d")
        + "\nORDER BY " + m.key().stream().map(col -> "k." + col).reduce((a, b) -> a + ", " + b).orElseThrow();
    long rows = 0;
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      int keys = m.key().size();
      while (r.next()) {
        rows++;
        for (int i = 0; i < columns.size(); i++) {
          Column col = columns.get(i);
          int at = keys + 2 * i + 1; // ours, then duckdb, after the key columns
          if (!sameValue(col.kind(), r, at, at + 1)) {
            problems.add("key " + keyText(m, r, 0) + " column=" + col.name() + " ours=" + r.getString(at)
                + " duckdb=" + r.getString(at + 1));
          }
        }
      }
    }
    return rows;
  }

  /** All keys of a small table; otherwise the {@code sample} keys with the smallest hash: deterministic, spread. */
  static String sampleKeys(Model m, String ours, int sample) {
    String key = String.join(", ", m.key());
    return "SELECT " + key + " FROM " + ours + " ORDER BY hash(" + key + "), " + key + " LIMIT " + sample;
  }

  static String selectList(Model m, List<Column> columns) {
    StringJoiner s = new StringJoiner(", ");
    m.key().forEach(col -> s.add("k." + col));
    for (Column col : columns) {
      s.add("o." + quote(col.name()));
      s.add("d." + quote(col.name()));
    }
    return s.toString();
  }

  static boolean sameValue(Kind kind, ResultSet r, int ours, int duck) throws SQLException {
    Object a = r.getObject(ours);
    Object b = r.getObject(duck);
    if (a == null || b == null) return a == null && b == null;
    return switch (kind) {
      case FLOATING -> close(r.getDouble(ours), r.getDouble(duck));
      case INTEGRAL -> r.getString(ours).equals(r.getString(duck)); // exact, whatever the width (HUGEINT too)
      case EXACT -> Objects.equals(a, b);
    };
  }

  /** Equal, both NaN, or within the relative tolerance of the larger magnitude. */
  static boolean close(double a, double b) {
    if (a == b || (Double.isNaN(a) && Double.isNaN(b))) return true;
    return Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
  }

  /** Key columns compared NULL-safely: a NULL plan_period would otherwise never find its partner. */
  static String keyJoin(Model m, String left, String right) {
    return m.key().stream().map(col -> left + "." + col + " IS NOT DISTINCT FROM " + right + "." + col)
        .reduce((a, b) -> a + " AND " + b).orElseThrow();
  }

  static String keyText(Model m, ResultSet r, int offset) throws SQLException {
    StringJoiner s = new StringJoiner(",", "(", ")");
    for (int i = 0; i < m.key().size(); i++) s.add(m.key().get(i) + "=" + r.getString(offset + i + 1));
    return s.toString();
  }

  // ---------------------------------------------------------------------------------------------- helpers

  static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  static String scalar(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getString(1);
    }
  }

  static long count(Connection c, String table) throws SQLException {
    return Long.parseLong(scalar(c, "SELECT count(*) FROM " + table));
  }

  static String literal(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  static long ms(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  // ---------------------------------------------------------------------------------------------- options

  static Options parse(String[] args) {
    Map<String, String> single = new LinkedHashMap<>();
    Map<String, String> params = new LinkedHashMap<>(DEFAULT_PARAMS);
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (flag.equals("-h") || flag.equals("--help")) throw new IllegalArgumentException("");
      if (i + 1 >= args.length) throw new IllegalArgumentException("missing value after " + flag);
      String value = args[++i];
      switch (flag) {
        case "--observations", "--indicators", "--regions", "--findings", "--sql-dir", "--ours", "--threads", "--sample" ->
            single.put(flag, value);
        case "--param" -> putParam(params, value);
        default -> throw new IllegalArgumentException("unknown option " + flag);
      }
    }
    for (String required : List.of("--observations", "--indicators", "--regions", "--findings")) {
      if (!single.containsKey(required)) throw new IllegalArgumentException("missing " + required);
    }
    return new Options(single.get("--observations"), single.get("--indicators"), single.get("--regions"),
        single.get("--findings"), Path.of(single.getOrDefault("--sql-dir", "jobs/bench/duckdb")), params,
        single.containsKey("--ours") ? Path.of(single.get("--ours")) : null,
        single.containsKey("--threads") ? positive("--threads", single.get("--threads")) : null,
        positive("--sample", single.getOrDefault("--sample", "1000")));
  }

  /**
   * {@code name=value}. A Spark double literal (MetricParameters.sqlParameters gives {@code 0.05D}) is accepted
   * and its suffix dropped: the DuckDB models cast every parameter to DOUBLE themselves.
   */
  static void putParam(Map<String, String> params, String assignment) {
    int eq = assignment.indexOf('=');
    if (eq <= 0) throw new IllegalArgumentException("--param needs name=value, got " + assignment);
    String value = assignment.substring(eq + 1).strip();
    if (value.matches("[-+]?[0-9.]+([eE][-+]?[0-9]+)?[dD]")) value = value.substring(0, value.length() - 1);
    params.put(assignment.substring(0, eq).strip(), value);
  }

  static int positive(String flag, String value) {
    try {
      int n = Integer.parseInt(value);
      if (n > 0) return n;
    } catch (NumberFormatException e) {
      // falls through to the message below
    }
    throw new IllegalArgumentException(flag + " needs a positive integer, got " + value);
  }

  static String usage() {
    return String.join("\n",
        "usage: DuckDbMetrics --observations GLOB --indicators GLOB --regions GLOB --findings GLOB",
        "         [--sql-dir DIR] [--param name=value]... [--ours DIR] [--threads N] [--sample N]",
        "  --observations …  Parquet file or glob of each input (fct_observation, dim_indicator, dim_region, dq_findings)",
        "  --sql-dir DIR     the DuckDB models (default jobs/bench/duckdb)",
        "  --param n=v       a model parameter; defaults " + DEFAULT_PARAMS,
        "  --ours DIR        our Parquet exports (exports/parquet): cross-check every table against them",
        "  --threads N       DuckDB threads (default: DuckDB's, all cores)",
        "  --sample N        keys whose values are compared per table (default 1000; smaller tables: all rows)");
  }
}
