package org.hrssplan.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import org.hrssplan.config.AppConfig;
import org.hrssplan.pipeline.NightlyJob;

/**
 * What the scheduler starts each night, in order: (1) the input fingerprint — unchanged since the last successful
 * run and not forced: exit 0 at once, no Spark, no table version; (2) the run lock — another run active: exit 1 at
 * once; (3) the job ({@link NightlyJob}, which records itself in ops_job_runs); (4) on success, the fingerprint is
 * recorded. Every invocation, no-ops included, also appends one JSON line to {@code <lakehouse>/_state/runs.log}.
 */
public final class NightlyRun {
  private NightlyRun() {}

  public static int run(AppConfig config, String runId, boolean force, Supplier<SparkSession> session, Consumer<SparkSession> stop,
      Consumer<String> out, Consumer<String> err) throws IOException {
    InputFingerprint fp = InputFingerprint.of(config);
    Map<String, Object> last = fp == null ? null : InputFingerprint.lastSuccess(config);
    if (!force && fp != null && fp.sameAs(last)) {
      out.accept("hrss run " + runId + ": inputs, config and code unchanged since run " + last.get("run_id") + " ("
          + fp.checksums().size() + " checksums); nothing to publish. --force recomputes.");
      log(config, runId, "unchanged", 0);
      return NightlyJob.OK;
    }
    boolean localLakehouse = config.location(config.lakehouse()).isLocal();
    RunLock lock = null;
    try {
      if (localLakehouse) lock = RunLock.acquire(stateDir(config), runId);
    } catch (RunLock.Busy e) {
      err.accept("hrss run " + runId + ": " + e.getMessage());
      log(config, runId, "busy", NightlyJob.HANDLED_FAILURE);
      return NightlyJob.HANDLED_FAILURE;
    }
    try {
      SparkSession spark = session.get();
      int code;
      try {
        code = NightlyJob.run(spark, config, runId, out, err);
      } finally {
        stop.accept(spark);
      }
      if (code == NightlyJob.OK && fp != null) fp.recordSuccess(config, runId);
      if (localLakehouse) log(config, runId, code == NightlyJob.OK ? "succeeded" : "failed", code);
      return code;
    } finally {
      if (lock != null) lock.close();
    }
  }

  /** {@code <lakehouse>/_state}: the run lock, the run log, the current-run pointer (a local lakehouse only). */
  static Path stateDir(AppConfig config) {
    return config.location(config.lakehouse()).path().resolve("_state");
  }

  private static void log(AppConfig config, String runId, String outcome, int code) throws IOException {
    if (!config.location(config.lakehouse()).isLocal()) return;
    Path f = stateDir(config).resolve("runs.log");
    Files.createDirectories(f.getParent());
    Files.writeString(f, String.format("{\"run_id\":\"%s\",\"at\":\"%s\",\"outcome\":\"%s\",\"exit_code\":%d}%n", runId, Instant.now(),
        outcome, code), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }
}
