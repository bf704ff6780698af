package org.hrssplan.testing;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.hrssplan.config.MetricParameters;
import org.hrssplan.pipeline.MetricsStage;

/** The four tables the metric models read, as a test builds them (the seeds, the attainment edge cases). */
public record MetricInputs(Dataset<Row> observations, Dataset<Row> indicators, Dataset<Row> regions, Dataset<Row> findings) {

  /** Every metric table computed from these inputs by Spark, by table name (MetricsStage.compute). */
  public Map<String, Dataset<Row>> compute(SparkSession spark, MetricParameters params) {
    return MetricsStage.compute(spark, observations, indicators, regions, findings, params);
  }

  /** The inputs by their table names. */
  public Map<String, Dataset<Row>> byName() {
    return MetricsStage.inputs(observations, indicators, regions, findings);
  }

  /**
   * Writes each input as plain Parquet (one file) to {@code dir/<table>/}, as the exports do; returns the glob of
   * each table's files, by table name.
   */
  public Map<String, String> writeParquet(Path dir) {
    Map<String, String> globs = new LinkedHashMap<>();
    byName().forEach((name, data) -> {
      Path out = dir.resolve(name);
      data.coalesce(1).write().mode("overwrite").parquet(out.toString());
      globs.put(name, out.resolve("*.parquet").toString());
    });
    return globs;
  }
}
