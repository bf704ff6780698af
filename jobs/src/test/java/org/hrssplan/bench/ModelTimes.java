package org.hrssplan.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.hrssplan.metrics.MetricModel;
import org.hrssplan.metrics.MetricModels;
import org.hrssplan.config.MetricParameters;
import org.hrssplan.tables.PublishedTable;
import org.hrssplan.pipeline.SparkSessions;

/**
 * The SQL metric models alone, timed per model, over the input tables of a lakehouse a run has written: for measuring
 * a change to one model before and after, without the rest of the run. {@code ModelTimes LAKEHOUSE REPS} prints one
 * line per repetition (the first includes the JIT's warm-up). Launched through {@code jobs/bin/spark-java} like
 * {@link StackFloor}.
 */
public final class ModelTimes {
  private ModelTimes() {}

  public static void main(String[] args) {
    SparkSession spark = SparkSessions.create("hrss-model-times");
    Map<String, Dataset<Row>> inputs = new LinkedHashMap<>();
    for (PublishedTable t : PublishedTable.METRIC_INPUTS) {
      inputs.put(t.name(), spark.read().format("delta").load(args[0] + "/" + t.name()));
    }
    Map<String, MetricModel> models = new LinkedHashMap<>();
    for (PublishedTable t : PublishedTable.METRIC_TABLES) if (t.sqlModel()) models.put(t.name(), org.hrssplan.metrics.SqlModel.of(t.name()));
    for (int rep = 1; rep <= Integer.parseInt(args[1]); rep++) {
      StringBuilder line = new StringBuilder("model_ms rep=" + rep);
      MetricModels.compute(spark, inputs, models, MetricParameters.DEFAULTS, (table, ms) -> line.append(' ').append(table).append('=').append(ms));
      System.out.println(line);
    }
    spark.stop();
  }
}
