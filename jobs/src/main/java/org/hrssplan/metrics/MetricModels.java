package org.hrssplan.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The metric models in dependency order, as one transform: the published observations, indicators, regions and
 * findings in; attainment, growth, ambition, cross-region aggregates and the region scorecard out. Each model
 * reads the views the earlier ones registered (observation, indicator, region, finding → attainment, growth →
 * ambition → cross_region, scorecard).
 */
public final class MetricModels {
  private MetricModels() {}

  public static Map<String, Dataset<Row>> compute(SparkSession spark, Dataset<Row> observation, Dataset<Row> indicator,
      Dataset<Row> region, Dataset<Row> finding, MetricParameters params) {
    observation.createOrReplaceTempView("observation");
    indicator.createOrReplaceTempView("indicator");
    region.createOrReplaceTempView("region");
    finding.createOrReplaceTempView("finding");
    Map<String, String> p = params.sqlParameters();
    Map<String, Dataset<Row>> out = new LinkedHashMap<>();
    out.put("attainment", view(SqlModel.run(spark, "target_attainment", p), "attainment"));
    out.put("growth", view(SqlModel.run(spark, "growth", p), "growth"));
    out.put("ambition", view(SqlModel.run(spark, "ambition", p), "ambition"));
    out.put("cross_region", view(SqlModel.run(spark, "indicator_cross_region", p), "cross_region"));
    out.put("scorecard", view(SqlModel.run(spark, "region_scorecard", p), "scorecard"));
    return out;
  }

  /**
   * Materializes a model once (eager local checkpoint) and registers it for the models that read it, so that no model
   * is recomputed by the ones downstream of it or by its own publication. On disk, not in memory: at 20M
   * observations the models hold millions of rows, and blocks cached in memory left the window sorts of the
   * cross-region model without execution memory (a 1 GiB heap failed there).
   */
  private static Dataset<Row> view(Dataset<Row> d, String name) {
    Dataset<Row> done = d.localCheckpoint(true, org.apache.spark.storage.StorageLevel.DISK_ONLY());
    done.createOrReplaceTempView(name);
    return done;
  }
}
