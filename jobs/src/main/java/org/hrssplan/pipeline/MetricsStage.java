package org.hrssplan.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.hrssplan.metrics.MetricModels;
import org.hrssplan.metrics.MetricParameters;

/** The metrics stage: every metric table computed by its model from the published extraction tables. */
public final class MetricsStage {
  private MetricsStage() {}

  /** The metric tables by name, in the order their models run, from the four tables the models read. */
  public static Map<String, Dataset<Row>> compute(SparkSession spark, Dataset<Row> observations, Dataset<Row> indicators,
      Dataset<Row> regions, Dataset<Row> findings, MetricParameters params) {
    Map<String, Dataset<Row>> inputs = new LinkedHashMap<>();
    inputs.put(PublishedTable.OBSERVATIONS.name(), observations);
    inputs.put(PublishedTable.INDICATORS.name(), indicators);
    inputs.put(PublishedTable.REGIONS.name(), regions);
    inputs.put(PublishedTable.FINDINGS.name(), findings);
    return MetricModels.compute(spark, inputs, PublishedTable.metricModels(), params);
  }
}
