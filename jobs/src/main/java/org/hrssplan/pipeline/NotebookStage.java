package org.hrssplan.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hrssplan.notebooks.NotebookRunner;

/** The notebooks stage: the analyst notebooks executed against the tables just published, as HTML pages. */
final class NotebookStage {
  private NotebookStage() {}

  /** Notebook name → ok | failed; empty when there is no notebooks folder. A failed notebook fails the run. */
  static Map<String, String> run(StageContext ctx) throws java.io.IOException {
    var config = ctx.config;
    Path notebooks = Path.of(config.resolve(config.notebooks()));
    Map<String, String> status = new LinkedHashMap<>();
    if (!Files.isDirectory(notebooks)) {
      ctx.progress.accept("[7/8] notebooks: no folder " + notebooks + "; skipped");
      return status;
    }
    Path out = Path.of(config.resolve(config.lakehouse()), "exports", "notebooks");
    ctx.progress.accept("[7/8] notebooks: " + notebooks + " → " + out);
    for (var run : new NotebookRunner(ctx.spark).runAll(notebooks, out, Map.of("lakehouse", config.resolve(config.lakehouse()),
        "run_date", java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString()))) {
      status.put(run.notebook().name(), run.failed() ? "failed" : "ok");
      ctx.progress.accept(String.format("      %-36s %s", run.notebook().name() + ".html", run.failed() ? "FAILED (see the page)" : "ok"));
    }
    return status;
  }
}
