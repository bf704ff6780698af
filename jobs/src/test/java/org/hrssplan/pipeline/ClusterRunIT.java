package org.hrssplan.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.hrssplan.config.AppConfig;
import org.hrssplan.testing.SeedRun;
import org.hrssplan.testing.SharedSpark;
import org.hrssplan.testing.TestConfig;
import org.hrssplan.testing.TestFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.hrssplan.tables.PublishedTable;

/**
 * The cluster jar under {@code spark-submit} on a real multi-process cluster: {@code local-cluster[2,1,1024]} (a
 * master and two workers whose executors are separate JVMs) with a SPARK_HOME made of the Maven-provided Spark jars.
 * Its tables must equal an embedded run's, table by table (the run log aside) — no driver-only state, nothing
 * that does not serialize.
 */
class ClusterRunIT {
  @TempDir Path tmp;

  /**
   * The cluster run reads the seed plans from a folder named as downloaded folders are — a space, CJK, '#' and '%' —
   * so that every executor opens the files by their paths as they are (the names inside stay the seeds', for the
   * comparison with the shared embedded run).
   */
  private Path config(String name) throws Exception {
    Path plans = Files.createDirectories(tmp.resolve("人社规划 plans #1 %20"));
    for (Path p : org.hrssplan.extract.CorpusExtractor.listInputs(org.hrssplan.testing.TestFixtures.plansDir())) {
      Files.copy(p, plans.resolve(p.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    return TestConfig.base()
        .with("input.plans", plans.toString())
        .with("lakehouse", tmp.resolve(name + " lakehouse"))
        .with("normalized_csv", "")
        .with("database", "hrss_" + name)
        .write(tmp.resolve(name + ".yaml"));
  }

  @Test
  void theClusterRunPublishesWhatTheEmbeddedRunPublishes() throws Exception {
    Path sparkHome = Path.of(System.getProperty("hrss.spark.home"));
    Path jar = Path.of(System.getProperty("hrss.cluster.jar"));
    Files.copy(jar, sparkHome.resolve("jars").resolve(jar.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    // Spark's module flags, and the C1 compiler alone: seed-sized JVMs finish sooner (docs/benchmark.md#the-jit-the-default-tiered-jit-not-c1-only)
    String flags = System.getProperty("hrss.spark.jvm.flags") + " -XX:TieredStopAtLevel=1";
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    cmd.addAll(List.of(flags.split("\\s+")));
    cmd.addAll(List.of("-cp", sparkHome.resolve("jars") + "/*", "org.apache.spark.deploy.SparkSubmit",
        "--master", "local-cluster[2,1,1024]", "--class", "org.hrssplan.cli.RunJob",
        "--properties-file", TestFixtures.repoRoot().resolve("conf/spark-defaults.conf").toString(),
        "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.driver.bindAddress=127.0.0.1", "--conf", "spark.ui.enabled=false",
        "--conf", "spark.executor.extraJavaOptions=" + flags, "--conf", "spark.executor.memory=1g",
        jar.toString(), "--config", config("cluster").toString(), "--run-id", "cluster-1", "--force"));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("cluster.log").toFile());
    pb.environment().put("SPARK_HOME", sparkHome.toString());
    pb.environment().put("SPARK_SCALA_VERSION", "2.13");
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    pb.environment().put("HRSS_HOME", TestFixtures.repoRoot().toString());
    long start = System.nanoTime();
    Process p = pb.start();
    assertTrue(p.waitFor(15, TimeUnit.MINUTES), "cluster run did not finish");
    String log = Files.readString(tmp.resolve("cluster.log"), StandardCharsets.UTF_8);
    // Spark's INFO lines after a failure push it out of any tail: the problems first, then the tail
    String problems = log.lines().filter(l -> l.contains("ERROR") || l.contains("Exception") || l.startsWith("hrss") || l.contains("FAIL"))
        .limit(60).reduce("", (a, b) -> a + b + "\n");
    assertEquals(0, p.exitValue(), "spark-submit exit code; problems in the log:\n" + problems + "\nits tail:\n"
        + log.substring(Math.max(0, log.length() - 3000)));
    System.out.printf("cluster run (local-cluster[2,1,1024]): %.1f s wall%n", (System.nanoTime() - start) / 1e9);
    assertTrue(log.contains("executor") || log.contains("Executor"), "executors were started");

    SparkSession spark = SharedSpark.get();
    // the embedded run: the tests' shared seeds run, made here in the test JVM (local[2])
    long e0 = System.nanoTime();
    SeedRun seeds = SeedRun.get();
    assertEquals(0, seeds.exitCode());
    AppConfig embedded = seeds.config();
    System.out.printf("embedded run (in the test JVM, local[2]): %.1f s wall%n", (System.nanoTime() - e0) / 1e9);
    AppConfig cluster = AppConfig.load(config("cluster"));
    List<PublishedTable> tables = new ArrayList<>(PublishedTable.EXTRACTION_TABLES);
    tables.addAll(PublishedTable.METRIC_TABLES);
    for (PublishedTable t : tables) {
      List<String> a = rows(spark, cluster.tablePath(t.name()));
      List<String> b = rows(spark, embedded.tablePath(t.name()));
      assertEquals(b, a, t.name() + ": cluster and embedded runs differ");
    }
    assertEquals(578, rows(spark, cluster.tablePath(org.hrssplan.tables.PublishedTable.OBSERVATIONS.name())).size());
  }

  private static List<String> rows(SparkSession spark, String path) {
    return spark.read().format("delta").load(path).collectAsList().stream().map(Row::toString).sorted().toList();
  }
}
