package org.hrssplan.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.hrssplan.config.AppConfig;
import org.hrssplan.pipeline.CatalogTables;
import org.hrssplan.testing.SeedRun;
import org.hrssplan.testing.SharedSpark;
import org.hrssplan.testing.TestConfig;
import org.hrssplan.testing.TestFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.hrssplan.tables.CurrentRun;

/**
 * {@code jobs/bin/hrss run} killed with SIGKILL in the middle of publishing, at two points: right after the first table
 * commit, and in the metrics stage. The killed run adds a sixth region (合川区), so a mix of two runs is visible in the
 * data: readers must see the previous complete run everywhere (no 合川区 in any table), the lock must be free, and the
 * next run must complete and leave the content of an uninterrupted run.
 */
class KillRunIT {
  @TempDir Path tmp;

  private Path config(Path plans, Path regions) throws Exception {
    return TestConfig.base()
        .with("input.plans", plans)
        .with("input.regions", regions)
        .with("lakehouse", tmp.resolve("lakehouse"))
        .with("normalized_csv", "")
        .with("notebooks", tmp.resolve("no-notebooks"))
        .with("database", "hrss_kill")
        .write(tmp.resolve("kill-" + plans.getFileName() + ".yaml"));
  }

  private Process start(Path yaml, String runId) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(TestFixtures.repoRoot().resolve("jobs/bin/hrss").toString(), "run", "--config", yaml.toString(),
        "--run-id", runId, "--force").redirectErrorStream(true).redirectOutput(tmp.resolve(runId + ".log").toFile());
    // the C1 compiler alone: a seed-sized run is ~5 s shorter per JVM (docs/benchmark.md#the-jit-the-default-tiered-jit-not-c1-only); what is tested is unchanged
    pb.environment().put("HRSS_JAVA_OPTS", "-XX:TieredStopAtLevel=1");
    return pb.start();
  }

  private static int deltaCommits(Path table) throws Exception {
    if (!Files.isDirectory(table.resolve("_delta_log"))) return 0;
    try (var s = Files.list(table.resolve("_delta_log"))) {
      return (int) s.filter(p -> p.getFileName().toString().endsWith(".json")).count();
    }
  }

  /** Starts a run and SIGKILLs it as soon as {@code table} has one more commit than before. */
  private void killAfterNextCommitOf(Path yaml, String runId, Path table) throws Exception {
    killAfterNextCommitOf(yaml, runId, table, null);
  }

  /** The same; with {@code concurrent}, a second run is started while the first is publishing and must be refused. */
  private void killAfterNextCommitOf(Path yaml, String runId, Path table, String concurrent) throws Exception {
    int before = deltaCommits(table);
    Process p = start(yaml, runId);
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (deltaCommits(table) == before && p.isAlive() && System.nanoTime() < deadline) Thread.sleep(100);
    assertTrue(p.isAlive(), runId + " ended before it could be killed: " + Files.readString(tmp.resolve(runId + ".log")));
    if (concurrent != null) {
      Process second = start(yaml, concurrent);
      assertTrue(second.waitFor(2, TimeUnit.MINUTES), "the second run must stop at once");
      String log = Files.readString(tmp.resolve(concurrent + ".log"));
      assertEquals(1, second.exitValue(), log);
      assertTrue(log.contains("another run holds") && log.contains(runId), log);
      assertTrue(p.isAlive(), "the first run goes on");
    }
    p.destroyForcibly();                                    // SIGKILL: the launcher execs java, so this is the JVM
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
  }

  private static long rows(SparkSession spark, String table, String where) {
    return spark.table(table).where(where).count();
  }

  private void assertReadersSeeOneCompleteRun(SparkSession spark, AppConfig cfg, String expectRun, boolean sixRegions) throws Exception {
    spark.sql("DROP DATABASE IF EXISTS hrss_kill CASCADE");
    CatalogTables.registerAll(spark, cfg);
    assertEquals(expectRun, CurrentRun.read(cfg).runId());
    long hechuan = sixRegions ? 1 : 0;
    for (String t : List.of("fct_observation", "dq_document_accounting", "fct_target_attainment", "fct_ambition", "agg_region_scorecard")) {
      assertEquals(hechuan, Math.min(1, rows(spark, "hrss_kill." + t, "region_code = '500117'")), t + " must belong to run " + expectRun);
    }
  }

  @Test
  void aKilledRunNeverShowsReadersAMixAndTheNextRunCompletes() throws Exception {
    SparkSession spark = SharedSpark.get();
    Path fivePlans = TestFixtures.plansDir();
    Path fiveRegions = TestFixtures.repoRoot().resolve("data/raw/regions.csv");
    Path sixPlans = tmp.resolve("plans6");
    Files.createDirectories(sixPlans);
    for (Path p : Files.list(fivePlans).toList()) Files.copy(p, sixPlans.resolve(p.getFileName()));
    Files.copy(TestFixtures.resource("fixtures/sixth/005_hechuan.txt"), sixPlans.resolve("005_hechuan.txt"));
    Path sixRegions = tmp.resolve("regions6.csv");
    Files.writeString(sixRegions, Files.readString(fiveRegions) + "500117,合川区,district,,重庆市,005_hechuan.txt\n");
    Path five = config(fivePlans, fiveRegions);
    Path six = config(sixPlans, sixRegions);
    AppConfig cfg = AppConfig.load(five);
    Path lakehouse = tmp.resolve("lakehouse");

    // yesterday's complete run: the build's seeds run (five regions), copied
    SeedRun.get().copyLakehouse(lakehouse);
    assertReadersSeeOneCompleteRun(spark, cfg, SeedRun.RUN_ID, false);

    // 1: killed right after its first table commit (raw cells written with 合川区, the rest still yesterday's)
    // … and a second run started meanwhile (another process) is refused by the lock, naming the holder
    killAfterNextCommitOf(six, "kill-1", lakehouse.resolve("raw_plan_cells"), "concurrent-1");
    assertReadersSeeOneCompleteRun(spark, cfg, SeedRun.RUN_ID, false);

    // 2: killed in the metrics stage (all extraction tables are new, the metric tables not yet)
    killAfterNextCommitOf(six, "kill-2", lakehouse.resolve("fct_target_attainment"));
    assertTrue(rows(spark, "delta.`" + lakehouse.resolve("fct_observation") + "`", "region_code = '500117'") > 0,
        "on disk the killed run did publish its observations");
    assertReadersSeeOneCompleteRun(spark, cfg, SeedRun.RUN_ID, false);

    // the lock died with the process: the next run starts, completes, and its content is an uninterrupted run's
    Process next = start(six, "after-kill");
    assertTrue(next.waitFor(10, TimeUnit.MINUTES));
    assertEquals(0, next.exitValue(), Files.readString(tmp.resolve("after-kill.log")));
    assertReadersSeeOneCompleteRun(spark, cfg, "after-kill", true);
    assertEquals(588L, spark.table("hrss_kill.fct_observation").count(), "the seeds' 578 + 合川区's 10");
    assertEquals(12L, spark.table("hrss_kill.agg_region_scorecard").count(), "6 regions × 2 periods");
    assertEquals(0L, spark.table("hrss_kill.fct_observation").groupBy("observation_id").count().where("count > 1").count(), "no duplicates");
  }
}
