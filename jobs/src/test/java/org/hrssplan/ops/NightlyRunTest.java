package org.hrssplan.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta.tables.DeltaTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import org.hrssplan.config.AppConfig;
import org.hrssplan.testing.SharedSpark;
import org.hrssplan.testing.TestFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nightly operations: an unchanged rerun exits 0 without starting Spark or writing a table version; a second run
 * while one holds the lock stops at once; --force recomputes; a changed input changes the fingerprint.
 */
class NightlyRunTest {
  @TempDir static Path tmp;
  private static AppConfig config;
  private static final Supplier<SparkSession> NO_SPARK = () -> {
    throw new AssertionError("Spark must not be started");
  };

  @BeforeAll
  static void config() throws Exception {
    Path root = TestFixtures.repoRoot();
    Path yaml = tmp.resolve("hrss.yaml");
    Files.writeString(yaml, Files.readString(root.resolve("conf/hrss.yaml"))
        .replace("lakehouse: data/lakehouse", "lakehouse: " + tmp.resolve("lakehouse"))
        .replace("normalized_csv: data/normalized/indicator_observations.csv", "normalized_csv: \"\"")
        .replace("notebooks: notebooks-export", "notebooks: " + tmp.resolve("no-notebooks"))
        .replace("database: hrss", "database: hrss_ops"));
    System.setProperty("hrss.home", root.toString());
    config = AppConfig.load(yaml);
  }

  private static Map<String, Long> versions() {
    Map<String, Long> v = new TreeMap<>();
    for (var t : org.hrssplan.tables.PublishedTable.ALL) {
      String path = config.tablePath(t.name());
      if (DeltaTable.isDeltaTable(SharedSpark.get(), path)) v.put(t.name(), DeltaTable.forPath(SharedSpark.get(), path).history(1).head().getLong(0));
    }
    return v;
  }

  @Test
  void unchangedRerunIsANoOpLockedRunStopsAndForceRecomputes() throws Exception {
    List<String> out = new ArrayList<>();
    List<String> err = new ArrayList<>();
    assertEquals(0, NightlyRun.run(config, "ops-1", false, SharedSpark::get, s -> {}, out::add, err::add), String.join("\n", err));
    Map<String, Long> after1 = versions();
    assertEquals(14, after1.size());

    out.clear();
    assertEquals(0, NightlyRun.run(config, "ops-2", false, NO_SPARK, s -> {}, out::add, err::add));
    assertTrue(out.get(0).contains("nothing to publish") && out.get(0).contains("ops-1"), out.toString());
    assertEquals(after1, versions(), "a no-op rerun writes no table version");

    try (RunLock held = RunLock.acquire(tmp.resolve("lakehouse/_state"), "someone-else")) {
      err.clear();
      assertEquals(1, NightlyRun.run(config, "ops-3", true, NO_SPARK, s -> {}, out::add, err::add));
      assertTrue(err.get(0).contains("another run holds") && err.get(0).contains("someone-else"), err.toString());
    }
    assertEquals(after1, versions(), "the locked-out run touched nothing");

    assertEquals(0, NightlyRun.run(config, "ops-4", true, SharedSpark::get, s -> {}, out::add, err::add));
    Map<String, Long> after4 = versions();
    assertNotEquals(after1.get("fct_observation"), after4.get("fct_observation"), "--force republishes");
    List<String> log = Files.readAllLines(tmp.resolve("lakehouse/_state/runs.log"));
    assertEquals(4, log.size());
    assertTrue(log.get(1).contains("\"outcome\":\"unchanged\"") && log.get(2).contains("\"outcome\":\"busy\""), log.toString());
  }

  @Test
  void aFailingGateStopsTheRunBeforeAnythingIsPublished() throws Exception {
    Path yaml = tmp.resolve("bad.yaml");
    Files.writeString(yaml, Files.readString(tmp.resolve("hrss.yaml"))
        .replace("plans: data/raw/plans", "plans: " + TestFixtures.resource("fixtures/bad-input"))
        .replace("lakehouse: " + tmp.resolve("lakehouse"), "lakehouse: " + tmp.resolve("bad-lakehouse"))
        .replace("database: hrss_ops", "database: hrss_bad"));
    AppConfig bad = AppConfig.load(yaml);
    List<String> err = new ArrayList<>();
    assertEquals(1, org.hrssplan.pipeline.NightlyJob.run(SharedSpark.get(), bad, "bad-1", s -> {}, err::add));
    assertTrue(err.get(0).contains("quality gate failed, nothing published") && err.get(0).contains("36 of 90 cells"), err.toString());
    assertTrue(!DeltaTable.isDeltaTable(SharedSpark.get(), bad.tablePath(org.hrssplan.tables.PublishedTable.OBSERVATIONS.name())), "nothing published");
    var run = SharedSpark.get().read().format("delta").load(bad.tablePath(org.hrssplan.tables.PublishedTable.RUNS.name())).collectAsList().get(0);
    assertEquals("failed", run.getAs("status"));
    assertTrue(((String) run.getAs("gates")).contains("quarantine_share"), (String) run.getAs("gates"));
  }

  @Test
  void anyChangedInputChangesTheFingerprint() throws Exception {
    Path plans = tmp.resolve("plans-copy");
    Files.createDirectories(plans);
    for (Path p : Files.list(TestFixtures.plansDir()).toList()) Files.copy(p, plans.resolve(p.getFileName()));
    Path yaml = tmp.resolve("fp.yaml");
    Files.writeString(yaml, Files.readString(tmp.resolve("hrss.yaml")).replace("plans: data/raw/plans", "plans: " + plans));
    AppConfig c = AppConfig.load(yaml);
    InputFingerprint before = InputFingerprint.of(c);
    assertEquals(before, InputFingerprint.of(c), "stable");
    Files.writeString(plans.resolve("000_7ce0061591be9752.txt"), "\n", java.nio.file.StandardOpenOption.APPEND);
    InputFingerprint after = InputFingerprint.of(c);
    assertNotEquals(before.checksums().get("plans/000_7ce0061591be9752.txt"), after.checksums().get("plans/000_7ce0061591be9752.txt"));
    Files.writeString(plans.resolve("005_new.txt"), "new plan");
    assertEquals(before.checksums().size() + 1, InputFingerprint.of(c).checksums().size(), "a sixth document is an input change");
  }
}
