package org.hrssplan.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.hrssplan.config.AppConfig;
import org.hrssplan.notebooks.NotebookRun;
import org.hrssplan.notebooks.NotebookRunner;
import org.hrssplan.pipeline.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hrss notebooks}: execute the analyst notebooks against the published tables and write their HTML pages. */
@Command(name = "notebooks", mixinStandardHelpOptions = true,
    description = "Execute notebooks-export/*.sql against the published tables; write <lakehouse>/exports/notebooks/*.html.")
public final class NotebooksCommand implements Callable<Integer> {
  @Mixin
  ConfigOption config = new ConfigOption();

  @Option(names = "--out", description = "output folder (default: <lakehouse>/exports/notebooks)")
  Path out;

  @Override
  public Integer call() throws Exception {
    AppConfig cfg = config.load();
    Path dir = Path.of(cfg.resolve(cfg.notebooks()));
    Path target = out != null ? out : Path.of(cfg.resolve(cfg.lakehouse()), "exports", "notebooks");
    SparkSession spark = SparkSessions.create("hrss-notebooks");
    try {
      boolean failed = false;
      for (NotebookRun run : new NotebookRunner(spark).runAll(dir, target, Map.of("lakehouse", cfg.resolve(cfg.lakehouse()),
          "run_date", java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString()))) {
        System.out.println((run.failed() ? "FAILED " : "ok     ") + target.resolve(run.notebook().name() + ".html") + "  " + run.notebook().title());
        failed |= run.failed();
      }
      return failed ? Hrss.HANDLED_FAILURE : Hrss.OK;
    } finally {
      spark.stop();
    }
  }
}
