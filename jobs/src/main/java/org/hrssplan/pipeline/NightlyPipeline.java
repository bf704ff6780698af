package org.hrssplan.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.encode;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.hrssplan.catalog.IndicatorCatalog;
import org.hrssplan.config.AppConfig;
import org.hrssplan.document.RegionDirectory;
import org.hrssplan.extract.Observation;
import org.hrssplan.extract.ObservationCsv;
import org.hrssplan.extract.PlanExtractor;
import org.hrssplan.metrics.MetricModels;
import org.hrssplan.metrics.RegionClustering;
import org.hrssplan.notebooks.NotebookRunner;
import org.hrssplan.quality.GateResult;
import org.hrssplan.quality.QualityGates;

/**
 * The nightly job: read config and inputs, extract every plan document on the executors, publish the bronze,
 * silver, quarantine, findings, accounting and dimension tables to Delta, write the reviewed CSV. I/O lives
 * here; the transforms are in {@link DocumentExtraction} and the plain-Java extractor.
 */
public final class NightlyPipeline {
  private final SparkSession spark;
  private final AppConfig config;
  private final Consumer<String> progress;

  /** The stage running now, named on the Spark jobs of every table written in it (from the writer threads too). */
  private volatile String currentStage = "load";

  public NightlyPipeline(SparkSession spark, AppConfig config, Consumer<String> progress) {
    this.spark = spark;
    this.config = config;
    this.progress = progress;
  }

  /** Thrown for a handled failure (input missing, accounting broken): the job exits 1. */
  public static final class PipelineFailure extends RuntimeException {
    public PipelineFailure(String message) {
      super(message);
    }
  }

  /** Above this many observations a run writes its large tables as two files (see {@link PublishedTable#growsWithData}). */
  static final long LARGE_RUN_OBSERVATIONS = 1_000_000;

  public RunSummary run(String runId) throws IOException {
    return run(new RunSummary(runId));
  }

  private static final java.util.Set<String> NOT_READ =
      java.util.Set.of(org.hrssplan.extract.PlanExtractor.STATUS_PARTIALLY_EXTRACTED, org.hrssplan.extract.PlanExtractor.STATUS_NO_TABLE_READ);

  /**
   * Runs, filling {@code summary} as it goes, so a failed run's record still says how far it got; while Spark works,
   * {@link RunProgress} says what it is doing and how far it got.
   */
  public RunSummary run(RunSummary summary) throws IOException {
    try (RunProgress ignored = RunProgress.start(spark.sparkContext(), progress, RunProgress.defaultPeriod())) {
      return stages(summary);
    }
  }

  private RunSummary stages(RunSummary summary) throws IOException {
    String runId = summary.runId;
    var hadoop = spark.sparkContext().hadoopConfiguration();

    long t0 = System.nanoTime();
    stage("load", "catalog, regions");
    progress.accept("[1/8] load inputs: catalog, regions");
    IndicatorCatalog catalog = InputFiles.catalog(hadoop, config);
    RegionDirectory regions = InputFiles.regions(hadoop, config);
    summary.inputProblems.addAll(regions.problems());
    String plans = config.resolve(config.plans());
    if (!InputFiles.exists(hadoop, plans)) throw new PipelineFailure("input folder " + plans + " does not exist");
    summary.stageMillis.put("load", ms(t0));

    long t1 = System.nanoTime();
    stage("extract", plans);
    progress.accept("[2/8] extract documents from " + plans);
    PlanExtractor extractor = new PlanExtractor(catalog, regions, config.quality());
    Dataset<Row> files = spark.read().format("binaryFile").load(plans);
    Dataset<Row> extraction = DocumentExtraction.extract(files, extractor).persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> regionRows = spark.createDataFrame(regions.regions().stream().map(Rows::region).toList(), Schemas.REGION);
    Dataset<Row> indicatorRows = spark.createDataFrame(catalog.indicators().stream().map(Rows::indicator).toList(), Schemas.INDICATOR);
    Dataset<Row> observations = DocumentExtraction.observations(extraction);
    Dataset<Row> quarantine = DocumentExtraction.quarantine(extraction);
    Dataset<Row> accountingOf = DocumentExtraction.accounting(extraction);
    DatasetInput datasets = null;
    if (!config.datasets().isEmpty()) {
      String location = config.resolve(config.datasets());
      progress.accept("      datasets from " + location);
      datasets = DatasetInput.read(spark, DatasetInput.files(hadoop, location), regionRows.select("region_code"),
          indicatorRows.select("indicator_id"));
      observations = observations.unionByName(datasets.observations(spark));
      accountingOf = accountingOf.unionByName(datasets.accounting(spark));
    }
    // accounting is small (a row per input file): computed once, then reused by the gates and the publication
    summary.documents.addAll(accountingOf.orderBy("source_file").collectAsList());
    if (datasets != null) {
      boolean anyRow = summary.documents.stream().anyMatch(d -> "dataset".equals(d.getAs("format")) && (Integer) d.getAs("quarantined_cells") > 0);
      quarantine = quarantine.unionByName(datasets.quarantine(spark, anyRow));
    }
    Dataset<Row> accounting = spark.createDataFrame(summary.documents, Schemas.ACCOUNT);
    if (summary.documents.isEmpty()) throw new PipelineFailure("no documents in " + plans);
    long observationCount = 0;
    for (Row d : summary.documents) {
      int found = (Integer) d.getAs("value_cells") + (Integer) d.getAs("prose_targets");
      int landed = (Integer) d.getAs("observations") + (Integer) d.getAs("quarantined_cells");
      if (found != landed) summary.balanced = false;
      observationCount += (Integer) d.getAs("observations");
    }
    if (summary.documents.stream().anyMatch(d -> NOT_READ.contains(d.<String>getAs("status")))) {
      for (Row r : DocumentExtraction.findings(extraction).where(col("finding_type").isin("table_not_read", "row_not_read"))
          .orderBy("source_file", "source_lines").select("detail").collectAsList()) {
        summary.notRead.add(r.getString(0));
        progress.accept("      not read: " + r.getString(0));
      }
    }
    summary.stageMillis.put("extract", ms(t1));

    long tg = System.nanoTime();
    stage("gates", "quality gates");
    boolean published = io.delta.tables.DeltaTable.isDeltaTable(spark, config.tablePath("observations"))
        && io.delta.tables.DeltaTable.isDeltaTable(spark, config.tablePath("accounting"));
    summary.gates.addAll(QualityGates.evaluate(config.gates(), observations, accounting,
        published ? published("observations") : null, published ? published("accounting") : null));
    for (GateResult g : summary.gates) progress.accept("      gate " + g);
    summary.stageMillis.put("gates", ms(tg));
    if (summary.gates.stream().anyMatch(GateResult::blocks)) {
      throw new PipelineFailure("quality gate failed, nothing published: " + summary.gates.stream().filter(GateResult::blocks).toList());
    }

    long t2 = System.nanoTime();
    stage("publish", "extraction tables");
    progress.accept("[3/8] publish Delta tables to " + config.resolve(config.lakehouse()) + " (database " + config.database() + ")");
    Map<String, Dataset<Row>> data = Map.of(
        "raw_cells", DocumentExtraction.rawCells(extraction),
        "observations", observations,
        "quarantine", quarantine,
        "findings", DocumentExtraction.findings(extraction),
        "accounting", accounting,
        "regions", regionRows,
        "indicators", indicatorRows);
    // one file per table; two for the tables that grow with the data when the run is large, so both cores write
    boolean large = observationCount > LARGE_RUN_OBSERVATIONS;
    DeltaPublisher publisher = new DeltaPublisher(spark, config.database(), config.resolve(config.lakehouse()));
    try (ConcurrentWrites<Written> writes = new ConcurrentWrites<>(config.parallelWrites())) {
      for (PublishedTable t : PublishedTable.EXTRACTION_TABLES) writes.submit(() -> publish(publisher, t, data.get(t.key()), runId, large));
      record(writes.awaitAll(), summary);
      summary.stageMillis.put("publish", ms(t2));

      long tm = System.nanoTime();
      stage("metrics", "models");
      progress.accept("[4/8] metrics: attainment, growth, ambition, cross-region, scorecard, clusters");
      Map<String, Dataset<Row>> metrics = new java.util.LinkedHashMap<>(MetricModels.compute(spark, published("observations"),
          published("indicators"), published("regions"), published("findings"), config.metrics()));
      metrics.put("clusters", RegionClustering.cluster(spark, metrics.get("scorecard"), config.metrics()));
      for (PublishedTable t : PublishedTable.METRIC_TABLES) writes.submit(() -> publish(publisher, t, metrics.get(t.key()), runId, large));
      record(writes.awaitAll(), summary);
      summary.stageMillis.put("metrics", ms(tm));
    }
    // every table of this run is committed: point readers at this run's versions (table name → version)
    Map<String, Long> pointer = new java.util.LinkedHashMap<>();
    summary.tableVersions.forEach((qualified, v) -> pointer.put(qualified.substring(qualified.indexOf('.') + 1), v));
    new org.hrssplan.ops.CurrentRun(runId, pointer).write(config);

    long t3 = System.nanoTime();
    stage("csv", "normalized CSV");
    if (!config.normalizedCsv().isEmpty() && observationCount > TableExports.CSV_MAX_ROWS) {
      // the reviewed CSV is for reading and diffing; a national dataset lives in the table and its Parquet export
      progress.accept("[5/8] normalized CSV skipped: " + observationCount + " observations, more than a spreadsheet holds ("
          + TableExports.CSV_MAX_ROWS + "); they are in " + config.tableName("observations") + " and its Parquet export");
      summary.csvSkipped.add(config.resolve(config.normalizedCsv()));
    } else if (!config.normalizedCsv().isEmpty()) {
      progress.accept("[5/8] write " + config.resolve(config.normalizedCsv()));
      writeCsv(spark.read().format("delta").load(config.tablePath("observations")), Path.of(config.resolve(config.normalizedCsv())));
    } else {
      progress.accept("[5/8] normalized CSV off (normalized_csv is empty)");
    }
    summary.stageMillis.put("csv", ms(t3));

    long te = System.nanoTime();
    stage("exports", "Parquet and CSV snapshots");
    progress.accept("[6/8] exports: Parquet and CSV snapshots under " + config.resolve(config.lakehouse()) + "/exports");
    List<PublishedTable> all = new ArrayList<>(PublishedTable.EXTRACTION_TABLES);
    all.addAll(PublishedTable.METRIC_TABLES);
    summary.csvSkipped.addAll(TableExports.write(spark, config, all, summary.tableRows, config.parallelWrites()));
    summary.stageMillis.put("exports", ms(te));

    long tn = System.nanoTime();
    stage("notebooks", "analyst notebooks");
    Path notebooks = Path.of(config.resolve(config.notebooks()));
    if (Files.isDirectory(notebooks)) {
      Path out = Path.of(config.resolve(config.lakehouse()), "exports", "notebooks");
      progress.accept("[7/8] notebooks: " + notebooks + " → " + out);
      for (var run : new NotebookRunner(spark).runAll(notebooks, out, Map.of("lakehouse", config.resolve(config.lakehouse()),
          "run_date", java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString()))) {
        summary.notebooks.put(run.notebook().name(), run.failed() ? "failed" : "ok");
        progress.accept(String.format("      %-36s %s", run.notebook().name() + ".html", run.failed() ? "FAILED (see the page)" : "ok"));
      }
      if (summary.notebooks.containsValue("failed")) throw new PipelineFailure("a notebook failed: " + summary.notebooks);
    } else {
      progress.accept("[7/8] notebooks: no folder " + notebooks + "; skipped");
    }
    summary.stageMillis.put("notebooks", ms(tn));

    long t4 = System.nanoTime();
    stage("summary", "run summary");
    progress.accept("[8/8] summary");
    for (Row d : summary.documents) summary.inputChecksums.put(d.getAs("source_file"), d.getAs("source_sha256"));
    Dataset<Row> q = spark.read().format("delta").load(config.tablePath("quarantine"));
    for (Row r : q.groupBy("reason_code").count().orderBy(col("count").desc(), col("reason_code")).collectAsList()) {
      summary.quarantineByReason.put(r.getString(0), r.getLong(1));
    }
    Dataset<Row> f = spark.read().format("delta").load(config.tablePath("findings"));
    for (Row r : f.groupBy("finding_type").count().orderBy(col("count").desc(), col("finding_type")).collectAsList()) {
      summary.findingsByType.put(r.getString(0), r.getLong(1));
    }
    Dataset<Row> obs = spark.read().format("delta").load(config.tablePath("observations"));
    for (Row r : obs.filter(col("indicator_id").isNull()).select("region_code", "indicator_name_raw", "source_file", "source_line",
        "source_locator").orderBy("source_file", "source_line").collectAsList()) {
      // where it stands in the file's own terms: line 12 of a text, T1:R3:C2 of a Word table, p2:L14 of a PDF
      String locator = r.getString(4);
      String where = locator == null || locator.matches("L\\d+") ? "line " + r.getInt(3) : locator;
      summary.unknownIndicators.add(r.getString(2) + " " + where + ": " + r.getString(1));
    }
    extraction.unpersist();
    if (datasets != null) datasets.release();
    summary.stageMillis.put("summary", ms(t4));
    if (!summary.balanced) throw new PipelineFailure("accounting is unbalanced: some cells are neither observations nor quarantined");
    return summary;
  }

  private Dataset<Row> published(String key) {
    return spark.read().format("delta").load(config.tablePath(key));
  }

  /** One table's publication, for the summary. */
  private record Written(String table, DeltaPublisher.Commit commit) {}

  /**
   * Names the Spark jobs that follow, so the Spark UI and the event log say which stage (and, in a write, which table)
   * they belong to: job group = the stage, description = {@code stage: what}. Spark keeps these per thread.
   */
  private void stage(String name, String what) {
    currentStage = name;
    spark.sparkContext().setJobGroup(name, name + ": " + what, false);
  }

  private Written publish(DeltaPublisher publisher, PublishedTable t, Dataset<Row> data, String runId, boolean large) {
    spark.sparkContext().setJobGroup(currentStage, currentStage + ": " + config.tables().get(t.key()), false);
    long ts = System.nanoTime();
    int files = large && t.growsWithData() ? 2 : 1;
    DeltaPublisher.Commit c = publisher.publish(t, config.tables().get(t.key()), config.tablePath(t.key()), data, runId, files);
    progress.accept(String.format("      %-36s %9d rows  v%-4d %d file%s  %.1f s", config.tableName(t.key()), c.rows(), c.version(),
        c.files(), c.files() == 1 ? " " : "s", ms(ts) / 1000.0));
    return new Written(config.tableName(t.key()), c);
  }

  private static void record(List<Written> written, RunSummary summary) {
    for (Written w : written) {
      summary.tableRows.put(w.table(), w.commit().rows());
      summary.tableVersions.put(w.table(), w.commit().version());
      summary.tableFiles.put(w.table(), w.commit().files());
    }
  }

  /**
   * The silver table as the reviewed CSV: sorted by Spark in the CSV's own order ({@link ObservationCsv#ORDER}) and
   * streamed to the file a partition at a time. Never a list of all rows in the driver: that ran a 512 MiB heap out at
   * 313,500 observations ({@code SmallHeapRunIT}). Strings are sorted by their UTF-16 code units, as
   * {@link String#compareTo} does, not by Spark's UTF-8 bytes (the two differ where a character beyond U+FFFF meets
   * one from U+E000 to U+FFFF).
   */
  static void writeCsv(Dataset<Row> observations, Path out) throws IOException {
    Files.createDirectories(out.toAbsolutePath().getParent());
    Iterator<Row> it = observations.orderBy(encode(col("source_file"), "UTF-16BE"), col("source_line"),
        encode(col("observation_id"), "UTF-16BE")).toLocalIterator();
    Iterator<Observation> rows = new Iterator<>() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public Observation next() {
        return toObservation(it.next());
      }
    };
    Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
    try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      ObservationCsv.writeOrdered(rows, w);
    }
    Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  static Observation toObservation(Row r) {
    return new Observation(r.getAs("observation_id"), r.getAs("region_code"), r.getAs("region_name"), r.getAs("plan_period"),
        r.getAs("indicator_id"), r.getAs("indicator_name_raw"), r.getAs("role"), r.<Integer>getAs("year"), r.getAs("value_kind"),
        r.getAs("value"), r.getAs("unit"), r.getAs("value_raw"), r.getAs("unit_raw"), r.getAs("comparator"),
        r.<Boolean>getAs("is_cumulative"), r.<Boolean>getAs("is_annual"), r.getAs("attribute"), r.getAs("note"),
        r.getAs("source_kind"), r.getAs("source_file"), r.<Integer>getAs("source_line"), r.getAs("source_locator"), r.getAs("source_table"),
        r.getAs("source_column"), r.getAs("quality_flags") == null ? "" : r.getAs("quality_flags"));
  }

  private static long ms(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
