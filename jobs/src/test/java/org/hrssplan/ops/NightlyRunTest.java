package org.hrssplan.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import org.hrssplan.testing.SeedRun;
import org.hrssplan.testing.SharedSpark;
import org.hrssplan.testing.TestConfig;
import org.hrssplan.testing.TestFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nightly operations: an unchanged rerun exits 0 without starting Spark or writing a table version; a second run
 * while one holds the lock stops at once; --force recomputes; a changed input changes the fingerprint. The lakehouse
 * starts as a copy of the tests' shared seeds run ({@link SeedRun}).
 */
class NightlyRunTest {
  @TempDir static Path tmp;
  private static TestConfig base;
  private static AppConfig config;
  private static final Supplier<SparkSession> NO_SPARK = () -> {
    throw new AssertionError("Spark must not be started");
  };

  @BeforeAll
  static void config() throws Exception {
    System.setProperty("hrss.home", TestFixtures.repoRoot().toString());
    base = TestConfig.base()
        .with("lakehouse", tmp.resolve("lakehouse"))
        .with("normalized_csv", "")
        .with("notebooks", tmp.resolve("no-notebooks"))
        .with("database", "hrss_ops");
    config = base.load(tmp.resolve("hrss.yaml"));
  }

  private static Map<String, Long> versions() {
    Map<String, Long> v = new TreeMap<>();
    for (var t : org.hrssplan.tables.PublishedTable.ALL) {
      String path = config.tablePath(t.name());
      if (DeltaTable.isDeltaTable(SharedSpark.get(), path)) v.put(t.name(), DeltaTable.forPath(SharedSpark.get(), path).history(1).head().getLong(0));
    }
    return v;
  }

  /** A session supplier that only records that a run asked for Spark. */
  private static final class SparkWanted extends RuntimeException {}

  /**
   * On a lakehouse a run left (the shared seeds run's, copied), with no fingerprint for this config yet: a run
   * goes past the fingerprint and is locked out while another holds the lock; then it runs and publishes; a rerun
   * with nothing changed is a no-op; --force runs even so.
   */
  @Test
  void unchangedRerunIsANoOpLockedRunStopsAndForceRecomputes() throws Exception {
    SeedRun.get().copyLakehouse(tmp.resolve("lakehouse"));
    Map<String, Long> copied = versions();
    assertEquals(14, copied.size());
    List<String> out = new ArrayList<>();
    List<String> err = new ArrayList<>();

    try (RunLock held = RunLock.acquire(tmp.resolve("lakehouse/_state"), "someone-else")) {
      assertEquals(1, NightlyRun.run(config, "ops-1", false, NO_SPARK, s -> {}, out::add, err::add));
      assertTrue(err.get(0).contains("another run holds") && err.get(0).contains("someone-else"), err.toString());
    }
    assertEquals(copied, versions(), "the locked-out run touched nothing");

    err.clear();
    assertEquals(0, NightlyRun.run(config, "ops-2", false, SharedSpark::get, s -> {}, out::add, err::add), String.join("\n", err));
    Map<String, Long> after2 = versions();
    assertEquals(14, after2.size());
    assertNotEquals(copied.get("fct_observation"), after2.get("fct_observation"), "the run republishes");

    out.clear();
    assertEquals(0, NightlyRun.run(config, "ops-3", false, NO_SPARK, s -> {}, out::add, err::add));
    assertTrue(out.get(0).contains("nothing to publish") && out.get(0).contains("ops-2"), out.toString());
    assertEquals(after2, versions(), "a no-op rerun writes no table version");

    // --force with nothing changed: past the fingerprint and the lock, it starts Spark to recompute (the same job ops-2 ran)
    assertThrows(SparkWanted.class, () -> NightlyRun.run(config, "ops-4", true, () -> {
      throw new SparkWanted();
    }, s -> {}, out::add, err::add), "--force recomputes");
    try (RunLock again = RunLock.acquire(tmp.resolve("lakehouse/_state"), "after-ops-4")) {
      // Busy otherwise: the forced run released the lock when it stopped
    }

    List<String> log = Files.readAllLines(tmp.resolve("lakehouse/_state/runs.log"));
    assertEquals(3, log.size(), log.toString());
    assertTrue(log.get(0).contains("\"outcome\":\"busy\"") && log.get(1).contains("\"outcome\":\"succeeded\"")
        && log.get(2).contains("\"outcome\":\"unchanged\""), log.toString());
  }

  @Test
  void aFailingGateStopsTheRunBeforeAnythingIsPublished() throws Exception {
    AppConfig bad = base.with("input.plans", TestFixtures.resource("fixtures/bad-input"))
        .with("lakehouse", tmp.resolve("bad-lakehouse"))
        .with("database", "hrss_bad")
        .load(tmp.resolve("bad.yaml"));
    List<String> err = new ArrayList<>();
    assertEquals(1, org.hrssplan.pipeline.NightlyJob.run(SharedSpark.get(), bad, "bad-1", s -> {}, err::add));
    assertTrue(err.get(0).contains("quality gate failed, nothing published") && err.get(0).contains("34 of 90 cells"), err.toString());
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
    AppConfig c = base.with("input.plans", plans).load(tmp.resolve("fp.yaml"));
    InputFingerprint before = InputFingerprint.of(c);
    assertEquals(before, InputFingerprint.of(c), "stable");
    Files.writeString(plans.resolve("000_7ce0061591be9752.txt"), "\n", java.nio.file.StandardOpenOption.APPEND);
    InputFingerprint after = InputFingerprint.of(c);
    assertNotEquals(before.checksums().get("plans/000_7ce0061591be9752.txt"), after.checksums().get("plans/000_7ce0061591be9752.txt"));
    Files.writeString(plans.resolve("005_new.txt"), "new plan");
    assertEquals(before.checksums().size() + 1, InputFingerprint.of(c).checksums().size(), "a sixth document is an input change");
  }
}
