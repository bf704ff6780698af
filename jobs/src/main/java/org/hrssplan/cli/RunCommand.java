package org.hrssplan.cli;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.hrssplan.config.AppConfig;
import org.hrssplan.ops.NightlyRun;
import org.hrssplan.pipeline.SparkSessions;
import org.hrssplan.pipeline.TableRebuild;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hrss run}: the whole nightly pipeline. Under spark-submit: {@code --class org.hrssplan.cli.RunJob}. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run the nightly pipeline: extract every plan document, publish the Delta tables, write the normalized CSV.")
public final class RunCommand implements Callable<Integer> {
  @Mixin
  ConfigOption config = new ConfigOption();

  @Option(names = "--run-id", description = "run id stamped on every Delta commit (default: UTC time + random suffix)")
  String runId;

  @Option(names = "--force", description = "recompute and republish even when inputs, config and code are unchanged")
  boolean force;

  @Option(names = "--rebuild", paramLabel = "TABLE", split = ",",
      description = {"recreate these tables from scratch from the inputs (table names such as fct_target_attainment, comma-",
          "separated, or all), e.g. a table a failed run named as damaged; implies --force. The run log is never rebuilt"})
  List<String> rebuild = List.of();

  @Override
  public Integer call() throws Exception {
    AppConfig cfg = AppConfig.load(config.file);
    if (!rebuild.isEmpty()) {
      List<org.hrssplan.tables.PublishedTable> tables;
      try {
        tables = TableRebuild.tables(rebuild);
      } catch (IllegalArgumentException e) {
        System.err.println("hrss run --rebuild: " + e.getMessage());
        return Hrss.USAGE;
      }
      for (String removed : TableRebuild.remove(cfg, tables)) System.err.println("rebuild: removed " + removed);
    }
    return runPipeline(cfg, runId, force || !rebuild.isEmpty());
  }

  static int runPipeline(Path configFile, String runId, boolean force) throws Exception {
    return runPipeline(AppConfig.load(configFile), runId, force);
  }

  static int runPipeline(AppConfig cfg, String runId, boolean force) throws Exception {
    long start = System.nanoTime();
    String id = runId != null ? runId : newRunId();
    System.err.println("hrss run " + id + "\n" + cfg.describe());
    int code = NightlyRun.run(cfg, id, force, () -> SparkSessions.create("hrss-nightly"), SparkSession::stop,
        System.out::println, System.err::println);
    System.out.printf("%s in %.1f s (exit %d)%n", code == Hrss.OK ? "Done" : "Failed", (System.nanoTime() - start) / 1e9, code);
    return code;
  }

  static String newRunId() {
    return DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").format(ZonedDateTime.now(ZoneOffset.UTC)) + "-"
        + UUID.randomUUID().toString().substring(0, 6);
  }
}
