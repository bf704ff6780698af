package org.hrssplan.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.hrssplan.config.AppConfig;
import org.hrssplan.tables.PublishedTable;
import org.hrssplan.tables.Schemas;

/** Appends the run's record to {@code ops_job_runs}, whatever the outcome, so a scheduler's view can be checked. */
public final class OpsRunLog {
  private static final ObjectMapper JSON = new ObjectMapper();

  private OpsRunLog() {}

  public static void append(SparkSession spark, AppConfig config, RunSummary summary, Instant started, int exitCode, Throwable error)
      throws Exception {
    Long observations = summary.tableRows().get(config.tableName(PublishedTable.OBSERVATIONS.name()));
    Long quarantined = summary.tableRows().get(config.tableName(PublishedTable.QUARANTINE.name()));
    var row = RowFactory.create(summary.runId, Timestamp.from(started), Timestamp.from(Instant.now()),
        exitCode == 0 ? "succeeded" : "failed", exitCode,
        error == null ? null : error.getClass().getName(), error == null ? null : String.valueOf(error.getMessage()),
        config.source(), json(summary.inputChecksums()), json(rowsIn(summary)), json(summary.tableRows()), json(summary.tableVersions()), json(summary.stageMillis()),
        json(summary.gates().stream().collect(java.util.stream.Collectors.toMap(g -> g.rule().name(), g -> g.toString(), (a, b) -> a,
            java.util.LinkedHashMap::new))),
        summary.documents().size(), observations, quarantined);
    new DeltaPublisher(spark, config.database(), config.resolve(config.lakehouse()))
        .append(PublishedTable.RUNS, config.tablePath(PublishedTable.RUNS.name()),
            spark.createDataFrame(List.of(row), Schemas.RUN), summary.runId);
  }

  private static Map<String, Long> rowsIn(RunSummary summary) {
    long cells = 0;
    long prose = 0;
    for (var d : summary.documents()) {
      cells += d.valueCellsFound();
      prose += d.proseTargetsFound();
    }
    Map<String, Long> m = new java.util.LinkedHashMap<>();
    m.put("documents", (long) summary.documents().size());
    m.put("value_cells", cells);
    m.put("prose_targets", prose);
    return m;
  }

  private static String json(Map<String, ?> m) throws Exception {
    return JSON.writeValueAsString(m);
  }
}
