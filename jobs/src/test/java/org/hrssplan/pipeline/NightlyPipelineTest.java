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
 * The whole nightly job on the five seeds, into a temporary lakehouse, twice, exactly as {@code hrss run} runs it
 * ({@link NightlyJob}): every table is what BI readers need (reader 1 / writer 2, no deletion vectors, at most one
 * file, comments, no TIMESTAMP_NTZ), a rerun leaves identical contents, each run appends its record, Delta Kernel
 * reads what Spark reads, and the run writes exactly the committed data/normalized CSV.
 */
class NightlyPipelineTest {
  @TempDir static Path tmp;
  private static SparkSession spark;
  private static AppConfig config;
  private static int firstExit;
  private static int secondExit;
  private static Map<String, List<Row>> afterFirst;
  private static final List<PublishedTable> DATA_TABLES = new java.util.ArrayList<>();
  /** "group | description" of every Spark job of the first run. */
  private static final Set<String> JOB_NAMES = java.util.concurrent.ConcurrentHashMap.newKeySet();

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
    DATA_TABLES.addAll(PublishedTable.EXTRACTION_TABLES);
    DATA_TABLES.addAll(PublishedTable.METRIC_TABLES);
    org.apache.spark.scheduler.SparkListener names = new org.apache.spark.scheduler.SparkListener() {
      @Override
      public void onJobStart(org.apache.spark.scheduler.SparkListenerJobStart job) {
        String group = job.properties() == null ? null : job.properties().getProperty("spark.jobGroup.id");
        String description = job.properties() == null ? null : job.properties().getProperty("spark.job.description");
        if (group != null) JOB_NAMES.add(group + " | " + description);
      }
    };
    spark.sparkContext().addSparkListener(names);
    firstExit = NightlyJob.run(spark, config, "run-1", s -> {}, System.err::println);
    spark.sparkContext().listenerBus().waitUntilEmpty();
    spark.sparkContext().removeSparkListener(names);
    afterFirst = new java.util.HashMap<>();
    for (PublishedTable t : DATA_TABLES) afterFirst.put(t.key(), sorted(config.tableName(t.key())));
    secondExit = NightlyJob.run(spark, config, "run-2", s -> {}, System.err::println);
  }

  private static List<PublishedTable> allTables() {
    List<PublishedTable> all = new java.util.ArrayList<>(DATA_TABLES);
    all.add(PublishedTable.RUNS);
    return all;
  }

  private static List<Row> sorted(String table) {
    Dataset<Row> d = spark.table(table);
    return d.orderBy(d.columns()[0], d.columns()).collectAsList();
  }

  @Test
  void publishesEveryTableInTheCatalogDatabase() {
    Set<String> tables = new TreeSet<>();
    spark.sql("SHOW TABLES IN hrss_test").where("NOT isTemporary").collectAsList().forEach(r -> tables.add(r.getString(1)));
    assertEquals(Set.of("raw_plan_cells", "fct_observation", "dq_quarantine", "dq_findings", "dq_document_accounting",
        "dim_region", "dim_indicator", "fct_target_attainment", "fct_growth", "fct_ambition", "agg_indicator_cross_region",
        "agg_region_scorecard", "ml_region_clusters", "ops_job_runs"), tables);
    assertEquals(0, firstExit);
    assertEquals(0, secondExit);
    assertEquals(373L, spark.table("hrss_test.fct_observation").count());
    assertEquals(0L, spark.table("hrss_test.dq_quarantine").count());
    assertEquals(5L, spark.table("hrss_test.dq_document_accounting").count());
    assertEquals(5L, spark.table("hrss_test.dim_region").count());
    assertEquals(62L, spark.table("hrss_test.fct_target_attainment").count());   // table rows with an actual column
    assertEquals(9L, spark.table("hrss_test.fct_target_attainment").where("NOT achieved").count());
    assertEquals(10L, spark.table("hrss_test.agg_region_scorecard").count());      // 5 regions × {13th, 14th}
    assertEquals(5L, spark.table("hrss_test.ml_region_clusters").count());
  }

  @Test
  void everyRunAppendsItsRecordWithChecksumsRowsAndVersions() throws Exception {
    List<Row> runs = spark.table("hrss_test.ops_job_runs").where("run_id IN ('run-1', 'run-2')").orderBy("started_at").collectAsList();
    assertEquals(List.of("run-1", "run-2"), runs.stream().map(r -> r.<String>getAs("run_id")).toList());
    for (Row r : runs) {
      assertEquals("succeeded", r.getAs("status"));
      assertEquals(0, (int) r.getAs("exit_code"));
      assertEquals(5, (int) r.getAs("documents"));
      assertEquals(373L, (long) r.getAs("observations"));
      var checksums = new com.fasterxml.jackson.databind.ObjectMapper().readTree((String) r.getAs("input_checksums"));
      assertEquals(5, checksums.size());
      assertEquals(org.hrssplan.document.PlanDocument.sha256(Files.readAllBytes(TestFixtures.plansDir().resolve("000_7ce0061591be9752.txt"))),
          checksums.get("000_7ce0061591be9752.txt").asText());
      assertTrue(((String) r.getAs("table_versions")).contains("hrss_test.fct_observation"));
      assertEquals("{\"documents\":5,\"value_cells\":327,\"prose_targets\":46}", r.getAs("rows_in"));
      assertTrue(!((java.sql.Timestamp) r.getAs("ended_at")).before(r.getAs("started_at")));
    }
  }

  @Test
  void aFailedRunStillRecordsItselfAndExitsOne() throws Exception {
    Path yaml = tmp.resolve("missing-input.yaml");
    Files.writeString(yaml, Files.readString(tmp.resolve("hrss.yaml")).replace("plans: data/raw/plans", "plans: " + tmp.resolve("no-such-dir")));
    int code = NightlyJob.run(spark, AppConfig.load(yaml), "run-missing", s -> {}, s -> {});
    assertEquals(1, code);
    Row r = spark.table("hrss_test.ops_job_runs").where("run_id = 'run-missing'").collectAsList().get(0);
    assertEquals("failed", r.getAs("status"));
    assertEquals(1, (int) r.getAs("exit_code"));
    assertTrue(((String) r.getAs("error_message")).contains("no-such-dir"));
  }

  @Test
  void deltaKernelReadsEveryPublishedTableAsSparkDoes() throws Exception {
    for (PublishedTable t : allTables()) {
      String path = config.tablePath(t.key());
      org.hrssplan.testing.KernelReader.Table2 kernel = org.hrssplan.testing.KernelReader.read(path);
      Dataset<Row> sparkRows = spark.read().format("delta").load(path);
      assertEquals(List.of(sparkRows.columns()), kernel.schema().fieldNames(), t.key() + " schema");
      List<String> expected = sparkRows.collectAsList().stream().map(org.hrssplan.testing.KernelReader::render).sorted().toList();
      assertEquals(expected, kernel.rows().stream().sorted().toList(), t.key() + " rows");
    }
  }

  @Test
  void notebooksAreExecutedIntoReadableHtmlWithTheKeyNumbers() throws Exception {
    Path dir = tmp.resolve("lakehouse/exports/notebooks");
    var nb1 = org.jsoup.Jsoup.parse(dir.resolve("01_target_attainment.html").toFile(), "UTF-8");
    assertEquals("十三五目标完成情况 — 13th Five-Year Plan: targets against actuals", nb1.title());
    var scorecard = nb1.select("table.result").get(0);
    assertEquals("奉节县 16 11 5 4 1 0.688", scorecard.select("tr:contains(奉节县)").first().select("td").eachText().stream()
        .reduce((a, b) -> a + " " + b).orElseThrow());
    assertEquals(15, nb1.select("table.result").get(1).select("tbody tr.hl").size(), "9 missed + 6 other declines, all highlighted");
    assertEquals(1, nb1.select("figure.chart script.chart-option").size(), "the chart's ECharts option beside its figure");
    var nb3 = org.jsoup.Jsoup.parse(dir.resolve("03_indicator_across_regions.html").toFile(), "UTF-8");
    assertTrue(nb3.select("table.result").get(0).text().contains("1.08"), "达川 2020 失业保险参保人数");
    var nb4 = org.jsoup.Jsoup.parse(dir.resolve("04_data_quality.html").toFile(), "UTF-8");
    assertEquals(5, nb4.select("table.result").get(0).select("tbody tr").size());
    assertTrue(nb4.select("table.result").get(0).select("tbody tr").eachText().stream().allMatch(t -> t.endsWith("true")), "balanced");
    for (String f : List.of("01_target_attainment", "02_ambition", "03_indicator_across_regions", "04_data_quality")) {
      var doc = org.jsoup.Jsoup.parse(dir.resolve(f + ".html").toFile(), "UTF-8");
      assertTrue(doc.select("p.error").isEmpty(), f + ": " + doc.select("p.error").text());
      assertTrue(doc.select("script[src], link[href], img[src], iframe").isEmpty(), f + " loads nothing: one file, readable offline");
      assertEquals(2, doc.select("script:not([type])").size(), f + ": ECharts and the charts script, inlined once");
    }
  }

  @Test
  void chromiumRendersEveryNotebookWithChartsAndTables() throws Exception {
    Path chromium = Path.of("/usr/bin/chromium");
    assertTrue(Files.isExecutable(chromium), "Chromium is needed for this test: mvn verify installs it (jobs/bin/setup-system)");
    Path dir = tmp.resolve("lakehouse/exports/notebooks");
    for (String f : List.of("01_target_attainment", "02_ambition", "03_indicator_across_regions", "04_data_quality")) {
      Path png = tmp.resolve(f + ".png");
      Path profile = Files.createTempDirectory(tmp, "chromium");
      ProcessBuilder pb = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
          "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--user-data-dir=" + profile, "--window-size=1200,1600", "--enable-logging=stderr", "--v=0",
          "--screenshot=" + png, dir.resolve(f + ".html").toUri().toString()).redirectErrorStream(true);
      Process p = pb.start();
      String log = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), f + ": chromium did not finish");
      assertEquals(0, p.exitValue(), f + ": " + log);
      assertTrue(Files.size(png) > 20_000, f + ": screenshot is empty");
      java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
      assertEquals(1200, img.getWidth());
      assertTrue(!log.contains("Uncaught") && !log.contains(":CONSOLE("), f + ": script errors\n" + log);
    }
  }

  @Test
  void snapshotsForToolsWithoutADeltaReader() throws Exception {
    for (PublishedTable t : DATA_TABLES) {
      String name = config.tables().get(t.key());
      long rows = spark.read().parquet(tmp.resolve("lakehouse/exports/parquet/" + name).toString()).count();
      assertEquals(spark.table(config.tableName(t.key())).count(), rows, name);
      Path csv = tmp.resolve("lakehouse/exports/csv/" + name + ".csv");
      assertTrue(Files.readString(csv).startsWith("\uFEFF"), name + " CSV starts with a BOM for Excel");
      try (var it = new com.fasterxml.jackson.dataformat.csv.CsvMapper().readerForListOf(String.class)
          .with(com.fasterxml.jackson.dataformat.csv.CsvParser.Feature.WRAP_AS_ARRAY).readValues(csv.toFile())) {
        assertEquals(rows + 1, it.readAll().size(), name + " CSV: header + one record per row");
      }
    }
  }

  @Test
  void duckDbReadsTheParquetSnapshotsWithTheSameAnswers() throws Exception {
    String dir = tmp.resolve("lakehouse/exports/parquet").toString();
    try (var conn = java.sql.DriverManager.getConnection("jdbc:duckdb:");
        var st = conn.createStatement();
        var rs = st.executeQuery("SELECT count(*) FILTER (WHERE NOT achieved), count(*) FILTER (WHERE declined), "
            + "(SELECT count(*) FROM read_parquet('" + dir + "/fct_observation/*.parquet')) "
            + "FROM read_parquet('" + dir + "/fct_target_attainment/*.parquet')")) {
      rs.next();
      assertEquals(9, rs.getLong(1), "missed targets");
      assertEquals(7, rs.getLong(2), "declines");
      assertEquals(373, rs.getLong(3), "observations");
    }
  }

  /**
   * The DuckDB ports of the metric models (jobs/bench/duckdb, the benchmark's baseline) computed from the seeds'
   * Parquet snapshots equal our tables column for column, every row: the baseline cannot drift from the models.
   */
  @Test
  void theDuckDbPortsOfTheModelsGiveOurTablesRowForRow() throws Exception {
    String dir = tmp.resolve("lakehouse/exports/parquet").toString();
    var o = new org.hrssplan.bench.DuckDbMetrics.Options(dir + "/fct_observation/*.parquet", dir + "/dim_indicator/*.parquet",
        dir + "/dim_region/*.parquet", dir + "/dq_findings/*.parquet", TestFixtures.repoRoot().resolve("jobs/bench/duckdb"),
        org.hrssplan.bench.DuckDbMetrics.DEFAULT_PARAMS, Path.of(dir), 1, 1_000_000);
    assertEquals(0, org.hrssplan.bench.DuckDbMetrics.run(o), "DuckDB and Spark differ; the mismatches are printed above");
  }

  @Test
  void sparkJobsAreNamedByStageAndTable() {
    Set<String> groups = new TreeSet<>();
    for (String n : JOB_NAMES) groups.add(n.substring(0, n.indexOf(" | ")));
    assertTrue(groups.containsAll(Set.of("extract", "gates", "publish", "metrics", "exports")), groups.toString());
    assertTrue(JOB_NAMES.contains("metrics | metrics: fct_target_attainment"), JOB_NAMES.toString());
    assertTrue(JOB_NAMES.contains("publish | publish: fct_observation"), JOB_NAMES.toString());
  }

  @Test
  void aNewSessionFindsThePublishedTablesFromTheLakehouseAlone() {
    spark.sql("DROP DATABASE hrss_test CASCADE");        // the catalog forgets; the Delta folders must stay
    assertTrue(Files.isDirectory(tmp.resolve("lakehouse/fct_observation/_delta_log")), "DROP DATABASE must not delete the tables");
    List<String> registered = TableRegistry.registerAll(spark, config);
    assertEquals(14, registered.size(), registered.toString());
    assertEquals(373L, spark.table("hrss_test.fct_observation").count());
  }

  @Test
  void tablesAreReadableByBiToolsAsTheyAre() {
    for (PublishedTable t : allTables()) {
      Row d = spark.sql("DESCRIBE DETAIL " + config.tableName(t.key())).collectAsList().get(0);
      String name = config.tableName(t.key());
      assertEquals(1, (int) d.getAs("minReaderVersion"), name);
      assertEquals(2, (int) d.getAs("minWriterVersion"), name);
      long maxFiles = t == PublishedTable.RUNS ? spark.table(name).count() : 1L;   // the run log: one file per run appended
      assertTrue((long) d.getAs("numFiles") <= maxFiles, name + " at most one data file per run");
      assertTrue(((scala.collection.Seq<?>) d.getAs("partitionColumns")).isEmpty(), name + " unpartitioned");
      Map<String, String> props = scala.jdk.javaapi.CollectionConverters.asJava(d.<scala.collection.Map<String, String>>getAs("properties"));
      assertEquals("false", props.get("delta.enableDeletionVectors"), name);
      assertTrue(props.keySet().stream().noneMatch(k -> k.startsWith("delta.columnMapping")), name);
      List<String> features = List.of(((scala.collection.Seq<?>) d.getAs("tableFeatures")).mkString(",").split(","));
      assertTrue(features.stream().noneMatch(f -> f.equals("timestampNtz") || f.equals("deletionVectors") || f.equals("columnMapping")),
          name + " table features " + features);
      for (StructField f : spark.table(name).schema().fields()) {
        assertTrue(f.name().matches("[a-z0-9_]+"), name + "." + f.name());
        assertTrue(f.getComment().isDefined() && !f.getComment().get().isBlank(), name + "." + f.name() + " has a comment");
        assertTrue(!f.dataType().typeName().contains("ntz"), name + "." + f.name());
      }
    }
  }

  @Test
  void everyCommitCarriesItsRunIdAndARerunLeavesIdenticalContents() {
    for (PublishedTable t : DATA_TABLES) {
      List<Row> hist = spark.sql("DESCRIBE HISTORY " + config.tableName(t.key())).select("version", "userMetadata")
          .orderBy("version").collectAsList();
      for (Row h : hist) assertTrue(Set.of("run-1", "run-2").contains(h.getString(1)), t.key() + " commit " + h);
      if (!afterFirst.get(t.key()).isEmpty()) assertEquals("run-2", hist.get(hist.size() - 1).getString(1), t.key());
      assertEquals(afterFirst.get(t.key()), sorted(config.tableName(t.key())), t.key() + " changed on rerun");
    }
  }

  @Test
  void theRunWritesTheCommittedNormalizedCsvByteForByte() throws Exception {
    byte[] written = Files.readAllBytes(tmp.resolve("obs.csv"));
    byte[] committed = Files.readAllBytes(TestFixtures.repoRoot().resolve("data/normalized/indicator_observations.csv"));
    assertArrayEquals(committed, written, "data/normalized/indicator_observations.csv is stale: run jobs/bin/hrss run and commit it");
  }
}
