package org.hrssplan.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;
import org.hrssplan.config.AppConfig;
import org.hrssplan.tables.PublishedTable;

/**
 * One nightly run with an honest outcome: the pipeline, its summary, and the run's record appended to
 * {@code ops_job_runs} whether it succeeded or not. Returns the exit code: 0 success, 1 handled failure,
 * 2 unexpected error (including a run record that could not be written).
 */
public final class NightlyJob {
  public static final int OK = 0;
  public static final int HANDLED_FAILURE = 1;
  public static final int UNEXPECTED = 2;

  static final String MEMORY_HINT = "hrss run: Spark ran out of memory with a heap of " + heap() + ". Give the JVM more:"
      + " HRSS_JAVA_OPTS=-Xmx4g jobs/bin/hrss run … (the launcher takes an eighth of the machine's memory, 1 to 4 GiB;"
      + " 20M observations need 2 GiB, docs/known-limits.md), or --driver-memory / --executor-memory with spark-submit.";

  /** The JVM's maximum heap, as a person reads it: {@code 3.0 GiB}. */
  static String heap() {
    return String.format(java.util.Locale.ROOT, "%.1f GiB", Runtime.getRuntime().maxMemory() / (1024.0 * 1024 * 1024));
  }

  private NightlyJob() {}

  /** Whether a failure comes from memory: a JVM or Spark out-of-memory error anywhere in its causes or messages. */
  static boolean outOfMemory(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof OutOfMemoryError) return true;
      String m = String.valueOf(t.getMessage());
      if (m.contains("OutOfMemoryError") || m.contains("UNABLE_TO_ACQUIRE_MEMORY")) return true;
    }
    return false;
  }

  public static int run(SparkSession spark, AppConfig config, String runId, Consumer<String> out, Consumer<String> err) {
    return run(spark, config, new RunSummary(runId), out, err);
  }

  /** {@link #run(SparkSession, AppConfig, String, Consumer, Consumer)} filling {@code summary}, for a caller that keeps it (tests). */
  public static int run(SparkSession spark, AppConfig config, RunSummary summary, Consumer<String> out, Consumer<String> err) {
    String runId = summary.runId;
    Instant started = Instant.now();
    int code;
    Throwable error = null;
    out.accept("JVM: heap " + heap() + ", " + Runtime.getRuntime().availableProcessors() + " cores (HRSS_JAVA_OPTS=-Xmx… changes the heap)");
    try {
      new NightlyPipeline(spark, config, out).run(summary);
      out.accept(summary.render());
      code = OK;
    } catch (NightlyPipeline.PipelineFailure e) {
      err.accept("hrss run failed: " + e.getMessage());
      code = HANDLED_FAILURE;
      error = e;
    } catch (Exception | Error e) {
      // out of memory is answered with the memory advice; the tables are not looked at (Spark may have stopped, and a
      // stopped session would make every table look unreadable)
      List<LakehouseHealth.Damage> damaged = outOfMemory(e) ? List.of() : damaged(spark, config);
      if (!damaged.isEmpty()) {
        // the cause is known and has a remedy: one line per table; the stack trace goes to a file, not the terminal
        for (LakehouseHealth.Damage d : damaged) err.accept("hrss run: " + d.explain());
        String trace = keepTrace(config, runId, e);
        err.accept("hrss run: the error was " + LakehouseHealth.rootMessage(e) + (trace == null ? "" : " (stack trace: " + trace + ")"));
        code = HANDLED_FAILURE;
      } else {
        err.accept("hrss run: unexpected error: " + e);
        e.printStackTrace();
        if (outOfMemory(e)) err.accept(MEMORY_HINT);
        code = UNEXPECTED;
      }
      error = e;
    }
    try {
      OpsRunLog.append(spark, config, summary, started, code, error);
    } catch (Exception e) {
      String why = damaged(spark, config).stream().filter(d -> !d.rebuildable())
          .map(LakehouseHealth.Damage::explain).findFirst().orElse(String.valueOf(e));
      err.accept("hrss run: could not append the run record to " + config.tableName(PublishedTable.RUNS.name()) + ": " + why);
      if (code == OK) code = UNEXPECTED;
    }
    return code;
  }

  /** The damaged tables, or none when they cannot even be looked at (the failure is then reported as it is). */
  private static List<LakehouseHealth.Damage> damaged(SparkSession spark, AppConfig config) {
    if (spark.sparkContext().isStopped()) return List.of();
    try {
      return LakehouseHealth.check(spark, config);
    } catch (Exception | Error e) {
      return List.of();
    }
  }

  /** Writes the stack trace to {@code <lakehouse>/_state/logs/<run id>.log} (a local lakehouse) and returns its path. */
  private static String keepTrace(AppConfig config, String runId, Throwable e) {
    org.hrssplan.config.Location lakehouse = config.location(config.lakehouse());
    if (!lakehouse.isLocal()) {
      e.printStackTrace();
      return null;
    }
    try {
      java.nio.file.Path f = lakehouse.path().resolve("_state").resolve("logs").resolve(runId + ".log");
      java.nio.file.Files.createDirectories(f.getParent());
      java.io.StringWriter w = new java.io.StringWriter();
      e.printStackTrace(new java.io.PrintWriter(w));
      java.nio.file.Files.writeString(f, w.toString(), java.nio.charset.StandardCharsets.UTF_8);
      return f.toString();
    } catch (java.io.IOException io) {
      e.printStackTrace();
      return null;
    }
  }
}
