package org.hrssplan.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.hrssplan.config.AppConfig;
import org.hrssplan.testing.SeedRun;
import org.hrssplan.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.hrssplan.tables.PublishedTable;

/**
 * A damaged table — a commit file cut short, a data file gone, the transaction log gone — is named with its remedy
 * when a run fails on it, and {@code --rebuild} (the tables removed, then a run) restores exactly what was there. The
 * lakehouse damaged is a copy of the tests' shared seeds run ({@link SeedRun}).
 */
class DamagedTableTest {
  @TempDir Path tmp;

  @Test
  void eachKindOfDamageIsNamedAndARebuildRestoresIdenticalContents() throws Exception {
    SparkSession spark = SharedSpark.get();
    // the lakehouse the shared seeds run left, copied: damaged here, then rebuilt by a run
    SeedRun seeds = SeedRun.get();
    seeds.copyLakehouse(tmp.resolve("lakehouse"));
    AppConfig config = seeds.testConfig()
        .with("lakehouse", tmp.resolve("lakehouse"))
        .with("normalized_csv", "")
        .with("notebooks", tmp.resolve("no-notebooks"))
        .with("database", "hrss_damage")
        .load(tmp.resolve("hrss.yaml"));
    List<String> damagedKeys = List.of("fct_target_attainment", "fct_growth", "fct_ambition");
    Map<String, List<Row>> before = new HashMap<>();
    for (String k : damagedKeys) before.put(k, sorted(spark, config.tablePath(k)));

    cutLastCommit(Path.of(config.tablePath("fct_target_attainment")));
    Files.delete(Path.of(spark.read().format("delta").load(config.tablePath("fct_growth")).inputFiles()[0].replaceFirst("^file:", "")));
    deleteTree(Path.of(config.tablePath("fct_ambition"), "_delta_log"));
    org.apache.spark.sql.delta.DeltaLog.clearCache(); // as a new process would see the lakehouse

    Map<String, String> problems = new HashMap<>();
    for (LakehouseHealth.Damage d : LakehouseHealth.check(spark, config)) problems.put(d.name(), d.problem());
    assertEquals(java.util.Set.copyOf(damagedKeys), problems.keySet(), problems.toString());
    assertTrue(problems.get("fct_target_attainment").startsWith("its transaction log cannot be read"), problems.get("fct_target_attainment"));
    assertTrue(problems.get("fct_growth").matches("the data file .*\\.parquet that its log lists is missing"), problems.get("fct_growth"));
    assertTrue(problems.get("fct_ambition").contains("_delta_log") && problems.get("fct_ambition").endsWith("is missing or empty"));

    List<String> err = new ArrayList<>();
    assertEquals(NightlyJob.HANDLED_FAILURE, NightlyJob.run(spark, config, "run-damaged", s -> {}, err::add));
    assertTrue(err.stream().anyMatch(l -> l.startsWith("hrss run: table hrss_damage.fct_target_attainment is damaged: its transaction log")
        && l.endsWith("rebuild it with  jobs/bin/hrss run --rebuild fct_target_attainment")), String.join("\n", err));
    assertTrue(err.stream().anyMatch(l -> l.contains("(stack trace: " + tmp.resolve("lakehouse/_state/logs/run-damaged.log"))), String.join("\n", err));

    assertThrows(IllegalArgumentException.class, () -> TableRebuild.tables(List.of("ops_job_runs")), "the run history is never rebuilt");
    List<PublishedTable> tables = TableRebuild.tables(List.of("fct_target_attainment", "hrss_damage.fct_growth", "fct_ambition"));
    assertEquals(damagedKeys, tables.stream().map(PublishedTable::name).toList());
    assertEquals(3, TableRebuild.remove(config, tables).size());
    assertEquals(0, NightlyJob.run(spark, config, "run-rebuilt", s -> {}, System.err::println));
    for (String k : damagedKeys) assertEquals(before.get(k), sorted(spark, config.tablePath(k)), k + " rebuilt as it was");
    assertTrue(LakehouseHealth.check(spark, config).isEmpty());
  }

  private static List<Row> sorted(SparkSession spark, String path) {
    Dataset<Row> d = spark.read().format("delta").load(path);
    return d.orderBy(d.columns()[0], d.columns()).collectAsList();
  }

  /** The newest commit file cut to its first 100 bytes, its checksum file gone (a crash on a file system without them). */
  private static void cutLastCommit(Path table) throws IOException {
    Path log = table.resolve("_delta_log");
    Path last;
    try (Stream<Path> s = Files.list(log)) {
      last = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().reduce((a, b) -> b).orElseThrow();
    }
    byte[] all = Files.readAllBytes(last);
    Files.write(last, java.util.Arrays.copyOf(all, 100));
    Files.deleteIfExists(log.resolve("." + last.getFileName() + ".crc"));
  }

  private static void deleteTree(Path p) throws IOException {
    try (Stream<Path> s = Files.walk(p)) {
      for (Path f : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(f);
    }
  }
}
