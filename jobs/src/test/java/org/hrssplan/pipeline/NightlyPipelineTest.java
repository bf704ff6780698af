package org.hrssplan.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.hrssplan.config.AppConfig;
import org.hrssplan.testing.SharedSpark;
import org.hrssplan.testing.TestFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on the five seeds, into a temporary lakehouse, twice: the Delta tables are what BI
 * readers need (reader 1 / writer 2, no deletion vectors, one file, comments, no TIMESTAMP_NTZ), a rerun
 * leaves identical contents, and the run writes exactly the committed data/normalized CSV.
 */
class NightlyPipelineTest {
  @TempDir static Path tmp;
  private static SparkSession spark;
  private static AppConfig config;
  private static RunSummary first;
  private static RunSummary second;
  private static Map<String, List<Row>> afterFirst;

  @BeforeAll
  static void runTwice() throws Exception {
    spark = SharedSpark.get();
    Path root = TestFixtures.repoRoot();
    Path yaml = tmp.resolve("hrss.yaml");
    Files.writeString(yaml, Files.readString(root.resolve("conf/hrss.yaml"))
        .replace("lakehouse: data/lakehouse", "lakehouse: " + tmp.resolve("lakehouse"))
        .replace("normalized_csv: data/normalized/indicator_observations.csv", "normalized_csv: " + tmp.resolve("obs.csv"))
        .replace("database: hrss", "database: hrss_test"));
    System.setProperty("hrss.home", root.toString());
    config = AppConfig.load(yaml);
    first = new NightlyPipeline(spark, config, s -> {}).run("run-1");
    afterFirst = new java.util.HashMap<>();
    for (PublishedTable t : PublishedTable.EXTRACTION_TABLES) afterFirst.put(t.key(), sorted(config.tableName(t.key())));
    second = new NightlyPipeline(spark, config, s -> {}).run("run-2");
  }

  private static List<Row> sorted(String table) {
    Dataset<Row> d = spark.table(table);
    return d.orderBy(d.columns()[0], d.columns()).collectAsList();
  }

  @Test
  void publishesEveryTableInTheCatalogDatabase() {
    Set<String> tables = new TreeSet<>();
    spark.sql("SHOW TABLES IN hrss_test").collectAsList().forEach(r -> tables.add(r.getString(1)));
    assertTrue(tables.containsAll(Set.of("raw_plan_cells", "fct_observation", "dq_quarantine", "dq_findings", "dq_document_accounting",
        "dim_region", "dim_indicator")), tables.toString());
    assertEquals(373L, spark.table("hrss_test.fct_observation").count());
    assertEquals(0L, spark.table("hrss_test.dq_quarantine").count());
    assertEquals(5L, spark.table("hrss_test.dq_document_accounting").count());
    assertEquals(5L, spark.table("hrss_test.dim_region").count());
    assertTrue(first.balanced);
    assertEquals(5, first.documentsExtracted());
  }

  @Test
  void tablesAreReadableByBiToolsAsTheyAre() {
    for (PublishedTable t : PublishedTable.EXTRACTION_TABLES) {
      Row d = spark.sql("DESCRIBE DETAIL " + config.tableName(t.key())).collectAsList().get(0);
      String name = config.tableName(t.key());
      assertEquals(1, (int) d.getAs("minReaderVersion"), name);
      assertEquals(2, (int) d.getAs("minWriterVersion"), name);
      assertTrue((long) d.getAs("numFiles") <= 1L, name + " at most one data file");
      assertTrue(((scala.collection.Seq<?>) d.getAs("partitionColumns")).isEmpty(), name + " unpartitioned");
      Map<String, String> props = scala.jdk.javaapi.CollectionConverters.asJava(d.<scala.collection.Map<String, String>>getAs("properties"));
      assertEquals("false", props.get("delta.enableDeletionVectors"), name);
      assertTrue(props.keySet().stream().noneMatch(k -> k.startsWith("delta.columnMapping")), name);
      for (StructField f : spark.table(name).schema().fields()) {
        assertTrue(f.name().matches("[a-z0-9_]+"), name + "." + f.name());
        assertTrue(f.getComment().isDefined() && !f.getComment().get().isBlank(), name + "." + f.name() + " has a comment");
        assertTrue(!f.dataType().typeName().contains("ntz"), name + "." + f.name());
      }
    }
  }

  @Test
  void everyCommitCarriesItsRunIdAndARerunLeavesIdenticalContents() {
    for (PublishedTable t : PublishedTable.EXTRACTION_TABLES) {
      List<Row> hist = spark.sql("DESCRIBE HISTORY " + config.tableName(t.key())).select("version", "userMetadata")
          .orderBy("version").collectAsList();
      for (Row h : hist) assertTrue(Set.of("run-1", "run-2").contains(h.getString(1)), t.key() + " commit " + h);
      if (!afterFirst.get(t.key()).isEmpty()) assertEquals("run-2", hist.get(hist.size() - 1).getString(1), t.key());
      assertEquals(afterFirst.get(t.key()), sorted(config.tableName(t.key())), t.key() + " changed on rerun");
    }
    assertEquals(first.tableRows, second.tableRows);
  }

  @Test
  void theRunWritesTheCommittedNormalizedCsvByteForByte() throws Exception {
    byte[] written = Files.readAllBytes(tmp.resolve("obs.csv"));
    byte[] committed = Files.readAllBytes(TestFixtures.repoRoot().resolve("data/normalized/indicator_observations.csv"));
    assertArrayEquals(committed, written, "data/normalized/indicator_observations.csv is stale: run jobs/bin/hrss run and commit it");
  }
}
