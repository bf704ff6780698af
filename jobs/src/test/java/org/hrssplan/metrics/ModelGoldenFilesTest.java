package org.hrssplan.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.hrssplan.bench.DuckDbMetrics;
import org.hrssplan.tables.PublishedTable;
import org.hrssplan.testing.GoldenOut;
import org.hrssplan.testing.MetricInputs;
import org.hrssplan.testing.SeedMetrics;
import org.hrssplan.testing.TestFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.hrssplan.config.MetricParameters;

/**
 * Both engines held to one golden output per SQL model (golden/README.md, "Metric models"): every table computed
 * by our Spark models ({@code src/main/resources/models/}) and by their DuckDB ports ({@code jobs/bench/duckdb/}, as
 * the benchmark loads and renders them, in-process DuckDB over the same inputs written as Parquet) must equal
 * {@code golden/models/<input>/<table>.out}, on two inputs: the five seeds and the attainment edge cases
 * ({@link AttainmentEdgeCasesTest#inputs()}). A mismatch fails with the table, the input, the engine and the first
 * differing cells. {@code -Dgolden.regenerate=true} rewrites the files from Spark (DuckDB is still compared with
 * them); nothing else writes them.
 */
class ModelGoldenFilesTest {
  static final boolean REGENERATE = Boolean.getBoolean("golden.regenerate");
  static final Path GOLDEN = TestFixtures.repoRoot().resolve("jobs/src/test/resources/golden/models");
  static final Path PORTS = TestFixtures.repoRoot().resolve("jobs/bench/duckdb");
  static final String REGENERATE_COMMAND =
      "mvn -B -o -Dexec.skip=true -pl jobs test -Dtest=ModelGoldenFilesTest -Dgolden.regenerate=true";

  /** The inputs, by the folder their golden files are in. */
  static final List<String> INPUTS = List.of("seeds", "edge_cases");

  /** The tables computed by SQL models (ml_region_clusters is spark-mllib, has no port, and its own test). */
  static final List<PublishedTable> TABLES = PublishedTable.METRIC_TABLES.stream().filter(PublishedTable::sqlModel).toList();

  /** input → engine → table → its golden text, or the engine's failure. */
  private static final Map<String, Map<String, Map<String, Object>>> rendered = new LinkedHashMap<>();

  @TempDir
  static Path tmp;

  @BeforeAll
  static void computeEveryTableWithBothEnginesOnBothInputs() throws Exception {
    for (String input : INPUTS) {
      long t0 = System.nanoTime();
      // the same inputs and tables as SeedMetrics' and AttainmentEdgeCasesTest's users: computed once per test JVM
      MetricInputs in = input.equals("seeds") ? SeedMetrics.inputs() : AttainmentEdgeCasesTest.inputs();
      Map<String, Dataset<Row>> ours = input.equals("seeds") ? SeedMetrics.get() : AttainmentEdgeCasesTest.metrics();
      long tc = System.nanoTime();
      Map<String, Object> sparkTables = new LinkedHashMap<>();
      for (PublishedTable t : TABLES) sparkTables.put(t.name(), render(input, t, GoldenOut.fromSpark(ours.get(t.name()))));
      long t1 = System.nanoTime();
      Map<String, Object> duckTables = new LinkedHashMap<>();
      try {
        Map<String, String> parquet = in.writeParquet(tmp.resolve(input));
        var o = new DuckDbMetrics.Options(parquet.get(PublishedTable.OBSERVATIONS.name()), parquet.get(PublishedTable.INDICATORS.name()),
            parquet.get(PublishedTable.REGIONS.name()), parquet.get(PublishedTable.FINDINGS.name()), PORTS,
            DuckDbMetrics.DEFAULT_PARAMS, null, 1, 1);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
          DuckDbMetrics.compute(c, o);
          for (PublishedTable t : TABLES) duckTables.put(t.name(), render(input, t, GoldenOut.fromDuckDb(c, t.name())));
        }
      } catch (Exception e) {
        for (PublishedTable t : TABLES) duckTables.put(t.name(), e);
      }
      rendered.put(input, Map.of("Spark", sparkTables, "DuckDB", duckTables));
      System.out.printf("golden %s: Spark models %d ms (shared with other tests), collected %d ms; DuckDB %d ms (inputs written as Parquet, ports run, read)%n",
          input, (tc - t0) / 1_000_000, (t1 - tc) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
      if (REGENERATE) {
        for (PublishedTable t : TABLES) {
          Path file = golden(input, t);
          Files.createDirectories(file.getParent());
          Files.writeString(file, (String) sparkTables.get(t.name()), StandardCharsets.UTF_8);
          System.out.println("golden regenerated from Spark: " + TestFixtures.repoRoot().relativize(file));
        }
      }
    }
  }

  private static String render(String input, PublishedTable t, GoldenOut.Table table) {
    List<String> comments = List.of(
        "golden output of " + t.name() + " on input " + input + " (" + describe(input) + ")",
        "held to it: Spark (jobs/src/main/resources/models/" + t.name() + ".sql) and DuckDB (jobs/bench/duckdb/" + t.name() + ".sql)",
        "written only by ModelGoldenFilesTest with -Dgolden.regenerate=true; format: jobs/src/test/resources/golden/README.md");
    return GoldenOut.render(comments, t.sortBy(), table);
  }

  private static String describe(String input) {
    return input.equals("seeds")
        ? "the five seed plans in data/raw/plans, extracted in-process; MetricParameters.DEFAULTS"
        : "AttainmentEdgeCasesTest's cases, one indicator each, region 999999; MetricParameters.DEFAULTS";
  }

  private static Path golden(String input, PublishedTable t) {
    return GOLDEN.resolve(input).resolve(t.name() + ".out");
  }

  @TestFactory
  Stream<DynamicTest> everyModelOnEveryInputEqualsItsGoldenFileInBothEngines() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String input : INPUTS) {
      for (PublishedTable t : TABLES) {
        for (String engine : List.of("Spark", "DuckDB")) {
          tests.add(DynamicTest.dynamicTest(input + " / " + t.name() + " / " + engine, () -> check(input, t, engine)));
        }
      }
    }
    return tests.stream();
  }

  private static void check(String input, PublishedTable t, String engine) throws IOException {
    Object got = rendered.get(input).get(engine).get(t.name());
    if (got instanceof Exception e) throw new AssertionError(engine + " failed to compute " + t.name() + " on " + input + ": " + e, e);
    Path file = golden(input, t);
    String where = "golden/models/" + input + "/" + t.name() + ".out";
    if (!Files.exists(file)) fail(where + " is missing; generate it with " + REGENERATE_COMMAND);
    List<String> diffs = GoldenOut.differences(Files.readString(file, StandardCharsets.UTF_8), (String) got, t.sortBy(), engine);
    if (diffs.isEmpty()) return;
    StringBuilder msg = new StringBuilder();
    msg.append(t.name()).append(" on input ").append(input).append(": ").append(engine).append(" differs from ").append(where)
        .append(" (").append(diffs.size()).append(diffs.size() == 1 ? " difference" : " differences").append(")\n");
    diffs.stream().limit(GoldenOut.MAX_REPORTED).forEach(d -> msg.append("  ").append(d).append('\n'));
    if (diffs.size() > GoldenOut.MAX_REPORTED) msg.append("  … ").append(diffs.size() - GoldenOut.MAX_REPORTED).append(" more\n");
    msg.append(engine.equals("Spark")
        ? "If the model's change is intended: " + REGENERATE_COMMAND + ", then review and commit the diff of the .out file."
        : "The DuckDB port has drifted from the model (or the model from the golden file): keep jobs/bench/duckdb/" + t.name()
            + ".sql in step; regenerating does not fix this.");
    fail(msg.toString());
  }

  @Test
  void theGoldenFolderHoldsOneFilePerModelAndInputAndNothingElse() throws IOException {
    TreeSet<String> expected = new TreeSet<>();
    for (String input : INPUTS) for (PublishedTable t : TABLES) expected.add(input + "/" + t.name() + ".out");
    TreeSet<String> present = new TreeSet<>();
    try (var files = Files.walk(GOLDEN)) {
      files.filter(Files::isRegularFile).forEach(f -> present.add(GOLDEN.relativize(f).toString().replace('\\', '/')));
    }
    assertEquals(expected, present, "golden/models/: a stale or missing file (regenerate: " + REGENERATE_COMMAND + ")");
  }

  @Test
  void theFormatTellsNullFromEmptyAndForgivesOnlyFloatingNoise() {
    assertEquals("NULL", GoldenOut.cell(null));
    assertEquals("\"\"", GoldenOut.cell(""));
    assertEquals("\"NULL\"", GoldenOut.cell("NULL"));
    assertEquals("\"a\\tb\"", GoldenOut.cell("a\tb"));
    assertEquals("-2.55", GoldenOut.number((1.08 - 2.1) / (2.5 - 2.1)));    // -2.5500000000000007
    assertEquals("0.1245307588", GoldenOut.number(0.12453075880601328));
    assertEquals("2.220446049E-16", GoldenOut.number(2.220446049250313E-16));
    assertEquals("0", GoldenOut.number(-0.0));
    List<String> key = List.of("k");
    String golden = GoldenOut.render(List.of("t"), key, new GoldenOut.Table(
        List.of(new GoldenOut.Column("k", "string"), new GoldenOut.Column("x", "double")), List.of(List.of("a", -2.55))));
    String noisy = golden.replace("-2.55", "-2.5500000000003");   // 1e-13 relative: the engines' kind of difference
    String changed = golden.replace("-2.55", "-2.5500001");       // 4e-8 relative: a real one
    assertEquals(List.of(), GoldenOut.differences(golden, noisy, key, "DuckDB"));
    assertEquals(List.of("row (k=\"a\") column x: golden -2.55 / DuckDB -2.5500001"), GoldenOut.differences(golden, changed, key, "DuckDB"));
    assertEquals(1, GoldenOut.differences(golden, golden.replace("-2.55", "NULL"), key, "Spark").size());
  }

  @Test
  void bothEnginesRunWithTheSameThresholds() {
    Map<String, String> spark = MetricParameters.DEFAULTS.values();
    assertEquals(spark.keySet(), DuckDbMetrics.DEFAULT_PARAMS.keySet());
    spark.forEach((name, v) -> assertEquals(Double.parseDouble(v), Double.parseDouble(DuckDbMetrics.DEFAULT_PARAMS.get(name)), 0.0, name));
  }
}
