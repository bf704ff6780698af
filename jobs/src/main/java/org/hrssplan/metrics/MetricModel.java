package org.hrssplan.metrics;

import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.hrssplan.config.MetricParameters;

/**
 * How one published metric table is computed: from the tables it reads, each registered in the session as a view
 * named after the table ({@code fct_observation}, {@code fct_growth}, …). A SQL file ({@link SqlModel}) or Java
 * ({@link RegionClustering}).
 */
public interface MetricModel {
  /** The tables it reads; {@link MetricModels} runs a model after every model it reads. */
  Set<String> reads();

  Dataset<Row> compute(SparkSession spark, MetricParameters params);
}
