package org.hrssplan.pipeline;

import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.hrssplan.config.AppConfig;
import org.hrssplan.tables.PublishedTable;

/**
 * What every stage of a run shares: the session, the configuration, the run id, where progress lines go, and the
 * stage running now — named on the Spark jobs of every table written in it (job group = the stage, description =
 * {@code stage: what}), so the Spark UI, the event log and the progress lines say which stage and table they serve.
 */
final class StageContext {
  final SparkSession spark;
  final AppConfig config;
  final String runId;
  final Consumer<String> progress;
  private volatile String stage = "load";

  StageContext(SparkSession spark, AppConfig config, String runId, Consumer<String> progress) {
    this.spark = spark;
    this.config = config;
    this.runId = runId;
    this.progress = progress;
  }

  /** Names the Spark jobs that follow (on this thread) as {@code stage: what}. */
  void enter(String stage, String what) {
    this.stage = stage;
    describe(what);
  }

  /** Names the Spark jobs that follow on this thread (a writer thread too) as work of the current stage. */
  void describe(String what) {
    spark.sparkContext().setJobGroup(stage, stage + ": " + what, false);
  }

  /** The table as last published. */
  Dataset<Row> published(PublishedTable table) {
    return spark.read().format("delta").load(config.tablePath(table.name()));
  }

  DeltaPublisher publisher() {
    return new DeltaPublisher(spark, config.database(), config.resolve(config.lakehouse()));
  }
}
