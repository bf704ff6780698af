package org.hrssplan.pipeline;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;
import org.hrssplan.config.AppConfig;

/**
 * The nightly job's stages, wired: extract → gates → publish → metrics → (current-run pointer) → normalized CSV →
 * exports → notebooks → summary. Each stage is a class of its own returning an immutable result; this class only
 * passes results on, times the stages and records them in the {@link RunSummary}.
 */
public final class NightlyPipeline {
  private final SparkSession spark;
  private final AppConfig config;
  private final Consumer<String> progress;

  public NightlyPipeline(SparkSession spark, AppConfig config, Consumer<String> progress) {
    this.spark = spark;
    this.config = config;
    this.progress = progress;
  }

  /** Thrown for a handled failure (input missing, gate failed, accounting broken): the job exits 1. */
  public static final class PipelineFailure extends RuntimeException {
    public PipelineFailure(String message) {
      super(message);
    }
  }

  public RunSummary run(String runId) throws IOException {
    return run(new RunSummary(runId));
  }

  /**
   * Runs, filling {@code summary} as each stage finishes, so a failed run's record still says how far it got; while
   * Spark works, {@link RunProgress} says what it is doing and how far it got.
   */
  public RunSummary run(RunSummary summary) throws IOException {
    try (RunProgress ignored = RunProgress.start(spark.sparkContext(), progress, RunProgress.defaultPeriod())) {
      return stages(new StageContext(spark, config, summary.runId, progress), summary);
    }
  }

  private RunSummary stages(StageContext ctx, RunSummary summary) throws IOException {
    long t = System.nanoTime();
    ExtractStage.Output extracted = ExtractStage.run(ctx);
    summary.extraction(extracted.report());
    summary.stage("extract", ms(t));
    long observations = extracted.report().observations();

    t = System.nanoTime();
    ctx.enter("gates", "quality gates");
    summary.gates(GateStage.run(ctx, extracted.tables()));
    summary.stage("gates", ms(t));
    GateStage.requirePassed(summary.gates());

    try (ConcurrentWrites<PublishStage.TableWrite> writes = new ConcurrentWrites<>(config.parallelWrites())) {
      t = System.nanoTime();
      ctx.enter("publish", "extraction tables");
      progress.accept("[3/8] publish Delta tables to " + config.resolve(config.lakehouse()) + " (database " + config.database() + ")");
      summary.written(PublishStage.run(ctx, writes, extracted.tables(), observations));
      summary.stage("publish", ms(t));

      t = System.nanoTime();
      ctx.enter("metrics", "models");
      summary.written(MetricsStage.run(ctx, writes, observations));
      summary.stage("metrics", ms(t));
    }
    // every table of this run is committed: point readers at this run's versions (table name → version)
    Map<String, Long> pointer = new LinkedHashMap<>();
    summary.tableVersions().forEach((qualified, v) -> pointer.put(qualified.substring(qualified.indexOf('.') + 1), v));
    new org.hrssplan.tables.CurrentRun(summary.runId, pointer).write(config);

    t = System.nanoTime();
    ctx.enter("csv", "normalized CSV");
    summary.exports(ExportStage.normalizedCsv(ctx, observations));
    summary.stage("csv", ms(t));

    t = System.nanoTime();
    ctx.enter("exports", "Parquet and CSV snapshots");
    summary.exports(ExportStage.snapshots(ctx, summary.tableRows()));
    summary.stage("exports", ms(t));

    t = System.nanoTime();
    ctx.enter("notebooks", "analyst notebooks");
    summary.notebooks(NotebookStage.run(ctx));
    summary.stage("notebooks", ms(t));
    if (summary.notebooks().containsValue("failed")) throw new PipelineFailure("a notebook failed: " + summary.notebooks());

    t = System.nanoTime();
    ctx.enter("summary", "run summary");
    summary.tally(RunTally.count(ctx));
    extracted.release().run();
    summary.stage("summary", ms(t));
    if (!summary.balanced()) throw new PipelineFailure("accounting is unbalanced: some cells are neither observations nor quarantined");
    return summary;
  }

  private static long ms(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
