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
import org.hrssplan.testing.SeedRun;
import org.hrssplan.testing.SharedSpark;
import org.hrssplan.testing.TestConfig;
import org.hrssplan.testing.TestFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.hrssplan.tables.PublishedTable;

/**
 * The whole nightly job on the five seeds, twice, exactly as {@code hrss run} runs it ({@link NightlyJob}): every
 * table is what BI readers need (reader 1 / writer 2, no deletion vectors, at most one file, comments, no
 * TIMESTAMP_NTZ), a rerun leaves identical contents, each run appends its record, Delta Kernel reads what Spark reads,
 * and the run writes exactly the committed data/normalized CSV. The first run is the tests' shared one
 * ({@link SeedRun}); the second runs here on a copy of its lakehouse, and every test reads that copy.
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
  private static Set<String> jobNames;
  private static TestConfig testConfig;

  @BeforeAll
  static void runTwice() throws Exception {
    spark = SharedSpark.get();
    SeedRun first = SeedRun.get();
    firstExit = first.exitCode();
    jobNames = first.jobNames();
    first.copyLakehouse(tmp.resolve("lakehouse"));
    testConfig = first.testConfig()
        .with("lakehouse", tmp.resolve("lakehouse"))
        .with("normalized_csv", tmp.resolve("obs.csv"))
        .with("database", "hrss_test");
    config = testConfig.load(tmp.resolve("hrss.yaml"));
    DATA_TABLES.addAll(PublishedTable.EXTRACTION_TABLES);
    DATA_TABLES.addAll(PublishedTable.METRIC_TABLES);
    assertEquals(14, CatalogTables.registerAll(spark, config).size(), "the copy of the first run's lakehouse");
    afterFirst = new java.util.HashMap<>();
    for (PublishedTable t : DATA_TABLES) afterFirst.put(t.name(), sorted(config.tableName(t.name())));
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
    assertEquals(578L, spark.table("hrss_test.fct_observation").count());
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
    List<Row> runs = spark.table("hrss_test.ops_job_runs").where("run_id IN ('" + SeedRun.RUN_ID + "', 'run-2')").orderBy("started_at").collectAsList();
    assertEquals(List.of(SeedRun.RUN_ID, "run-2"), runs.stream().map(r -> r.<String>getAs("run_id")).toList());
    for (Row r : runs) {
      // each run names the tables it wrote with its own database: the first run's was the shared run's
      String database = r.<String>getAs("run_id").equals(SeedRun.RUN_ID) ? SeedRun.DATABASE : "hrss_test";
      assertEquals("succeeded", r.getAs("status"));
      assertEquals(0, (int) r.getAs("exit_code"));
      assertEquals(5, (int) r.getAs("documents"));
      assertEquals(578L, (long) r.getAs("observations"));
      var checksums = new com.fasterxml.jackson.databind.ObjectMapper().readTree((String) r.getAs("input_checksums"));
      assertEquals(5, checksums.size());
      assertEquals(org.hrssplan.document.PlanDocument.sha256(Files.readAllBytes(TestFixtures.plansDir().resolve("000_7ce0061591be9752.txt"))),
          checksums.get("000_7ce0061591be9752.txt").asText());
      assertTrue(((String) r.getAs("table_versions")).contains(database + ".fct_observation"), (String) r.getAs("table_versions"));
      assertEquals("{\"documents\":5,\"value_cells\":327,\"prose_targets\":251}", r.getAs("rows_in"));
      assertTrue(!((java.sql.Timestamp) r.getAs("ended_at")).before(r.getAs("started_at")));
    }
  }

  @Test
  void aFailedRunStillRecordsItselfAndExitsOne() throws Exception {
    AppConfig missing = testConfig.with("input.plans", tmp.resolve("no-such-dir")).load(tmp.resolve("missing-input.yaml"));
    int code = NightlyJob.run(spark, missing, "run-missing", s -> {}, s -> {});
    assertEquals(1, code);
    Row r = spark.table("hrss_test.ops_job_runs").where("run_id = 'run-missing'").collectAsList().get(0);
    assertEquals("failed", r.getAs("status"));
    assertEquals(1, (int) r.getAs("exit_code"));
    assertTrue(((String) r.getAs("error_message")).contains("no-such-dir"));
  }

  @Test
  void deltaKernelReadsEveryPublishedTableAsSparkDoes() throws Exception {
    for (PublishedTable t : allTables()) {
      String path = config.tablePath(t.name());
      org.hrssplan.testing.KernelReader.Table2 kernel = org.hrssplan.testing.KernelReader.read(path);
      Dataset<Row> sparkRows = spark.read().format("delta").load(path);
      assertEquals(List.of(sparkRows.columns()), kernel.schema().fieldNames(), t.name() + " schema");
      List<String> expected = sparkRows.collectAsList().stream().map(org.hrssplan.testing.KernelReader::render).sorted().toList();
      assertEquals(expected, kernel.rows().stream().sorted().toList(), t.name() + " rows");
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

  /**
   * Every exported page in headless Chromium, after its scripts ran: each chart was drawn (no script error, none
   * failed), and the Chinese of the seeds — chart titles, region names on the axes and in the legends — is SVG text the
   * browser draws, not pixels rasterized with whatever font the job's machine has; titles and tables are HTML text.
   * A tooltip carries the exact value, the region and the row's source. Screenshots: jobs/target/notebook-screenshots/.
   */
  @Test
  void chromiumDrawsEveryNotebooksChartsWithTheirChineseLabelsAsText() throws Exception {
    Path dir = tmp.resolve("lakehouse/exports/notebooks");
    List<String> regions = List.of("叙永县", "嘉定区", "奉节县", "达川区", "铜梁区");
    record Expected(String page, String title, int charts, List<List<String>> chartText, List<String> tableText) {}
    List<Expected> pages = List.of(
        new Expected("01_target_attainment", "十三五目标完成情况 — 13th Five-Year Plan: targets against actuals", 1,
            List.of(concat(List.of("十三五 targets per region", "achieved", "missed", "declines"), regions)),
            concat(List.of("region_name", "劳动人事争议仲裁结案率"), regions)),
        new Expected("02_ambition", "十四五目标雄心 — 14th Five-Year Plan ambition", 2,
            List.of(concat(List.of("Median target / current, 十四五", "median_ambition"), regions),
                List.of("Planned (2020→2025) vs realized (2015→2020) CAGR", "叙永县", "奉节县", "达川区", "铜梁区", "realized_cagr")),
            concat(List.of("城镇登记失业率"), regions)),
        new Expected("03_indicator_across_regions", "单项指标跨地区 — one indicator across regions", 1,
            List.of(List.of("2015 → 2020 → 2025 target", "叙永县", "奉节县", "达川区", "铜梁区", "2015", "2020", "2025")),
            List.of("万人", "叙永县", "奉节县", "达川区", "铜梁区")),   // 嘉定区's plan has no 失业保险参保人数
        new Expected("04_data_quality", "数据质量 — data quality", 1,
            List.of(List.of("Data-quality findings", "findings", "prose_only_target", "cross_table_disagreement")),
            concat(List.of("UTF-8"), regions)));
    for (Expected e : pages) {
      Path html = dir.resolve(e.page() + ".html");
      var page = org.hrssplan.testing.ChromiumPage.open(html);
      assertEquals(e.charts(), page.assertChartsDrawn(), e.page() + ": charts drawn");
      List<List<String>> text = page.chartText();
      for (int i = 0; i < e.chartText().size(); i++) {
        assertTrue(text.get(i).containsAll(e.chartText().get(i)), e.page() + " chart " + (i + 1) + ": " + text.get(i));
      }
      assertEquals(e.title(), page.dom().title(), e.page());
      assertEquals(e.title(), page.dom().select("h1").text(), e.page());
      assertTrue(page.tableText().containsAll(e.tableText()), e.page() + ": tables " + e.tableText());
      org.hrssplan.testing.ChromiumPage.screenshot(html, org.hrssplan.testing.ChromiumPage.SCREENSHOTS.resolve(e.page() + ".png"), 2400);
    }

    // a tooltip of 03's line chart: 达川区's 2020 actual, exactly, with its file and line
    String nb3 = Files.readString(dir.resolve("03_indicator_across_regions.html"));
    int end = nb3.lastIndexOf("</body>");
    Path tip = tmp.resolve("03_tooltip.html");
    Files.writeString(tip, nb3.substring(0, end) + """
        <script>
        var chart = echarts.getInstanceByDom(document.querySelector('figure.chart div.echart'));
        var s = chart.getOption().series.findIndex(function (x) { return x.name === '达川区'; });
        chart.dispatchAction({type: 'showTip', seriesIndex: s, dataIndex: 1});
        </script>""" + nb3.substring(end));
    var shown = org.hrssplan.testing.ChromiumPage.open(tip).dom().select("figure.chart div.echart > div").stream()
        .filter(d -> d.select("svg").isEmpty()).map(org.jsoup.nodes.Element::text).toList();
    assertTrue(shown.stream().anyMatch(t -> t.contains("达川区") && t.contains("year: 2020") && t.contains("value: 1.08")
        && t.contains("unit: 万人") && t.matches(".*source: 000_\\w+\\.txt L47.*")), "tooltip: " + shown);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new java.util.ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  @Test
  void snapshotsForToolsWithoutADeltaReader() throws Exception {
    for (PublishedTable t : DATA_TABLES) {
      String name = t.name();
      long rows = spark.read().parquet(tmp.resolve("lakehouse/exports/parquet/" + name).toString()).count();
      assertEquals(spark.table(config.tableName(t.name())).count(), rows, name);
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
      assertEquals(578, rs.getLong(3), "observations");
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
    for (String n : jobNames) groups.add(n.substring(0, n.indexOf(" | ")));
    assertTrue(groups.containsAll(Set.of("extract", "gates", "publish", "metrics", "exports")), groups.toString());
    assertTrue(jobNames.contains("metrics | metrics: fct_target_attainment"), jobNames.toString());
    assertTrue(jobNames.contains("metrics | metrics: compute fct_growth"), jobNames.toString());
    assertTrue(jobNames.contains("publish | publish: fct_observation"), jobNames.toString());
  }

  @Test
  void aNewSessionFindsThePublishedTablesFromTheLakehouseAlone() {
    spark.sql("DROP DATABASE hrss_test CASCADE");        // the catalog forgets; the Delta folders must stay
    assertTrue(Files.isDirectory(tmp.resolve("lakehouse/fct_observation/_delta_log")), "DROP DATABASE must not delete the tables");
    List<String> registered = CatalogTables.registerAll(spark, config);
    assertEquals(14, registered.size(), registered.toString());
    assertEquals(578L, spark.table("hrss_test.fct_observation").count());
  }

  @Test
  void tablesAreReadableByBiToolsAsTheyAre() {
    for (PublishedTable t : allTables()) {
      Row d = spark.sql("DESCRIBE DETAIL " + config.tableName(t.name())).collectAsList().get(0);
      String name = config.tableName(t.name());
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
      List<Row> hist = spark.sql("DESCRIBE HISTORY " + config.tableName(t.name())).select("version", "userMetadata")
          .orderBy("version").collectAsList();
      for (Row h : hist) assertTrue(Set.of(SeedRun.RUN_ID, "run-2").contains(h.getString(1)), t.name() + " commit " + h);
      if (!afterFirst.get(t.name()).isEmpty()) assertEquals("run-2", hist.get(hist.size() - 1).getString(1), t.name());
      assertEquals(afterFirst.get(t.name()), sorted(config.tableName(t.name())), t.name() + " changed on rerun");
    }
  }

  @Test
  void theRunWritesTheCommittedNormalizedCsvByteForByte() throws Exception {
    byte[] written = Files.readAllBytes(tmp.resolve("obs.csv"));
    byte[] committed = Files.readAllBytes(TestFixtures.repoRoot().resolve("data/normalized/indicator_observations.csv"));
    assertArrayEquals(committed, written, "data/normalized/indicator_observations.csv is stale: run jobs/bin/hrss run and commit it");
  }
}
