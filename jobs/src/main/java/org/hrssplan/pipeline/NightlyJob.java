package org.hrssplan.pipeline;

import java.time.Instant;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;
import org.hrssplan.config.AppConfig;

/**
 * One nightly run with an honest outcome: the pipeline, its summary, and the run's record appended to
 * {@code ops_job_runs} whether it succeeded or not. Returns the exit code: 0 success, 1 handled failure,
 * 2 unexpected error (including a run record that could not be written).
 */
public final class NightlyJob {
  public static final int OK = 0;
  public static final int HANDLED_FAILURE = 1;
  public static final int UNEXPECTED = 2;

  static final String MEMORY_HINT = "hrss run: Spark ran out of memory. Give the JVM more heap: HRSS_JAVA_OPTS=-Xmx2g jobs/bin/hrss run …"
      + " (20M observations need 2 GiB; README \"Known limits\"), or --driver-memory / --executor-memory with spark-submit.";

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
    Instant started = Instant.now();
    RunSummary summary = new RunSummary(runId);
    int code;
    Throwable error = null;
    try {
      new NightlyPipeline(spark, config, out).run(summary);
      out.accept(summary.render());
      code = OK;
    } catch (NightlyPipeline.PipelineFailure e) {
      err.accept("hrss run failed: " + e.getMessage());
      code = HANDLED_FAILURE;
      error = e;
    } catch (Exception | Error e) {
      err.accept("hrss run: unexpected error: " + e);
      e.printStackTrace();
      if (outOfMemory(e)) err.accept(MEMORY_HINT);
      code = UNEXPECTED;
      error = e;
    }
    try {
      OpsRunLog.append(spark, config, summary, started, code, error);
    } catch (Exception e) {
      err.accept("hrss run: could not append the run record to " + config.tableName("runs") + ": " + e);
      if (code == OK) code = UNEXPECTED;
    }
    return code;
  }
}
