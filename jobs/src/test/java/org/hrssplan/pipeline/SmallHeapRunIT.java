package org.hrssplan.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.hrssplan.catalog.IndicatorCatalog;
import org.hrssplan.config.AppConfig;
import org.hrssplan.synth.SyntheticDataset;
import org.hrssplan.testing.SharedSpark;
import org.hrssplan.testing.TestConfig;
import org.hrssplan.testing.TestFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #13: the whole pipeline ({@code jobs/bin/hrss run}, a separate JVM as the nightly job starts it) in a small
 * heap, {@code -Xmx512m}, over a synthetic Parquet dataset of 500 units × 57 indicators × 11 = 313,500 observations,
 * with the reviewed CSV on as in {@code conf/hrss.yaml}: so that an out-of-memory failure — a stage that holds the
 * rows in the driver, or Spark short of execution memory — cannot come back unnoticed. Not timed (the benchmark
 * measures); it asserts that the run really had the small heap, exited 0 without any out-of-memory error, and
 * published every metric table with every unit in it.
 *
 * <p>With the reviewed CSV built as a list of all observations in the driver (as it was until issue #13), this run
 * failed in its CSV stage with {@code java.lang.OutOfMemoryError: Java heap space}, after every table was published.
 * The smallest heap Spark accepts is 450 MiB, so 512 MiB is about as small as a test can go.
 */
class SmallHeapRunIT {
  static final int UNITS = 500;
  static final String HEAP = "-Xmx512m";
  @TempDir Path tmp;

  /** conf/hrss.yaml with only the keys this run needs changed; a key that is no longer there fails the test. */
  private Path config(Path plans, Path regions, Path datasets, Path csv) throws Exception {
    return TestConfig.base()
        .with("input.plans", plans)
        .with("input.regions", regions)
        .with("input.datasets", datasets)
        .with("lakehouse", tmp.resolve("lakehouse"))
        .with("normalized_csv", csv)
        .with("notebooks", tmp.resolve("no-notebooks"))
        .with("database", "hrss_smallheap")
        .write(tmp.resolve("smallheap.yaml"));
  }

  /** Runs jobs/bin/hrss with ARGS and HRSS_JAVA_OPTS, output to LOG; returns the exit code. */
  private static int hrss(Path log, String javaOpts, int minutes, String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of(TestFixtures.repoRoot().resolve("jobs/bin/hrss").toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("HRSS_JAVA_OPTS", javaOpts);
    Process p = pb.start();
    if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("hrss " + args[0] + " did not finish in " + minutes + " min:\n" + tail(log));
    }
    return p.exitValue();
  }

  private static String tail(Path log) throws Exception {
    String s = Files.readString(log, StandardCharsets.UTF_8);
    return s.substring(Math.max(0, s.length() - 6000));
  }

  @Test
  void theWholePipelineRunsInHalfAGigabyteOfHeap() throws Exception {
    // the dataset: Parquet in the columns of fct_observation, and a regions.csv covering its units
    Path data = tmp.resolve("dataset");
    long t0 = System.nanoTime();
    // generated in this JVM (as `hrss synth dataset --units 500` does): only the run needs a JVM of its own
    SparkSession spark = SharedSpark.get();
    AppConfig base = TestConfig.base().load(tmp.resolve("synth.yaml"));
    IndicatorCatalog catalog = InputFiles.catalog(spark.sparkContext().hadoopConfiguration(), base);
    List<String> knownRegions = Files.readAllLines(Path.of(base.resolve(base.regions()))).stream().skip(1).filter(l -> !l.isBlank()).toList();
    SyntheticDataset.writeRegions(data.resolve("regions.csv"), UNITS, false, knownRegions);
    long observations = SyntheticDataset.write(SyntheticDataset.generate(spark, catalog, UNITS, catalog.indicators().size(), false, 42, 2),
        data.resolve("observations").toString());
    assertTrue(observations >= 250_000, "a few hundred thousand observations, not " + observations);
    System.out.printf("small-heap run: dataset of %,d observations generated in %.1f s%n", observations, (System.nanoTime() - t0) / 1e9);

    // the run: no plan documents (the dataset is the input, as in the benchmark's national run), the reviewed CSV on
    Path plans = Files.createDirectories(tmp.resolve("no-plans"));
    Path csv = tmp.resolve("indicator_observations.csv");
    Path yaml = config(plans, data.resolve("regions.csv"), data.resolve("observations"), csv);
    Path runLog = tmp.resolve("run.log");
    long t1 = System.nanoTime();
    int code = hrss(runLog, HEAP + " -XX:TieredStopAtLevel=1", 15, "run", "--config", yaml.toString(), "--force");
    String log = Files.readString(runLog, StandardCharsets.UTF_8);
    System.out.printf("small-heap run: hrss run --force with %s: %.1f s wall, exit %d%n", HEAP, (System.nanoTime() - t1) / 1e9, code);

    // the launcher sizes the heap itself (an eighth of the machine, at least 1 GiB): HRSS_JAVA_OPTS must have won
    assertTrue(log.contains("JVM: heap 0.5 GiB,"), "the run must have a 0.5 GiB heap:\n" + log.substring(0, Math.min(log.length(), 3000)));
    for (String oom : List.of("OutOfMemoryError", "SparkOutOfMemoryError", "UNABLE_TO_ACQUIRE_MEMORY", "ran out of memory")) {
      assertFalse(log.contains(oom), "out of memory (" + oom + ") in a 512 MiB heap:\n" + tail(runLog));
    }
    assertEquals(0, code, "hrss run exit code:\n" + tail(runLog));
    assertTrue(log.contains("[5/8] write " + csv), "the reviewed CSV is written, not skipped:\n" + tail(runLog));

    // what was published, read back from the Delta tables
    String lake = tmp.resolve("lakehouse").toString();
    assertEquals(observations, spark.read().format("delta").load(lake + "/fct_observation").count(), "fct_observation");
    for (String table : List.of("fct_target_attainment", "fct_growth", "fct_ambition", "agg_indicator_cross_region",
        "agg_region_scorecard", "ml_region_clusters")) {
      Row r = spark.read().format("delta").load(lake + "/" + table)
          .agg(count(lit(1)), countDistinct(col("region_code"))).head();
      long rows = r.getLong(0);
      long regions = r.getLong(1);
      System.out.printf("small-heap run: %-27s %,9d rows, %d regions%n", table, rows, regions);
      assertTrue(rows >= UNITS, table + ": " + rows + " rows");
      assertEquals(UNITS, regions, table + ": every unit of the dataset has rows");
    }
    try (var lines = Files.lines(csv, StandardCharsets.UTF_8)) {
      assertEquals(observations + 1, lines.count(), "the reviewed CSV: a header and one line per observation");
    }
  }
}
