package org.hrssplan.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.clustering.KMeans;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.ml.feature.Imputer;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.functions;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.hrssplan.config.MetricParameters;

/**
 * spark-mllib: groups regions by their plan profile, so that an analyst can ask "which regions look alike?".
 *
 * <p>Features per region (from the scorecard): the share of 十三五 targets achieved, the share of indicators that
 * declined, the 十四五 median ambition (log of target_to_current) and the share of 十四五 targets set below the
 * current level. Missing features are imputed with the feature's mean (Imputer), features are standardized
 * (StandardScaler, mean 0, sd 1), and k-means (k and seed from conf, one partition, so the result is
 * deterministic) assigns clusters. With five regions this is a description, not a finding: clusters of one or
 * two regions; at national scale (2,850 counties) it separates plan profiles worth reading side by side.
 */
public final class RegionClustering {
  static final String[] FEATURES = {"achieved_share", "decline_share", "log_median_ambition", "below_current_share"};

  private RegionClustering() {}

  /** The clustering as the model of a published table, reading the scorecard table {@code scorecard}. */
  public static MetricModel model(String scorecard) {
    return new MetricModel() {
      @Override
      public java.util.Set<String> reads() {
        return java.util.Set.of(scorecard);
      }

      @Override
      public Dataset<Row> compute(SparkSession spark, MetricParameters params) {
        return cluster(spark, spark.table(scorecard), params);
      }

      @Override
      public String toString() {
        return "RegionClustering of " + scorecard;
      }
    };
  }

  public static Dataset<Row> cluster(SparkSession spark, Dataset<Row> scorecard, MetricParameters params) {
    scorecard.createOrReplaceTempView("scorecard_for_ml");
    Dataset<Row> features = spark.sql(
        "SELECT region_code, "
            + "max(achieved_share) AS achieved_share, "
            + "max(CASE WHEN indicators_assessed > 0 THEN declines / indicators_assessed END) AS decline_share, "
            + "max(ln(median_ambition)) AS log_median_ambition, "
            + "max(CASE WHEN targets_with_ambition > 0 THEN targets_below_current / targets_with_ambition END) AS below_current_share "
            + "FROM scorecard_for_ml GROUP BY region_code").repartition(1).orderBy("region_code");
    long n = features.count();
    int k = (int) Math.max(1, Math.min(params.clusters(), n));
    String[] imputed = new String[FEATURES.length];
    for (int i = 0; i < FEATURES.length; i++) imputed[i] = FEATURES[i] + "_imputed";
    Dataset<Row> filled = features;
    for (String f : FEATURES) filled = filled.withColumn(f, col(f).cast("double"));
    Imputer imputer = new Imputer().setInputCols(FEATURES).setOutputCols(imputed).setStrategy("mean");
    VectorAssembler assembler = new VectorAssembler().setInputCols(imputed).setOutputCol("raw_features").setHandleInvalid("keep");
    StandardScaler scaler = new StandardScaler().setInputCol("raw_features").setOutputCol("features").setWithMean(true).setWithStd(true);
    if (n < 2) {
      // one region (a county running its own plan) is a cluster of its own: k-means needs two
      return filled.select(col("region_code"), lit(0).as("cluster"), col("achieved_share"), col("decline_share"),
              col("log_median_ambition"), col("below_current_share"), lit(0.0).as("distance_to_center"))
          .withColumn("k", lit(1))
          .withColumn("seed", lit(params.seed()))
          .withColumn("method", lit("one region: no clustering"));
    }
    KMeans kmeans = new KMeans().setK(k).setSeed(params.seed()).setMaxIter(50).setFeaturesCol("features").setPredictionCol("cluster");
    PipelineModel model = new Pipeline().setStages(new PipelineStage[] {imputer, assembler, scaler, kmeans}).fit(filled);
    KMeansModel km = (KMeansModel) model.stages()[3];
    Dataset<Row> assigned = model.transform(filled);
    org.apache.spark.ml.linalg.Vector[] centers = km.clusterCenters();
    Dataset<Row> withDistance = assigned.withColumn("features_array", functions.vector_to_array(col("features"), "float64"));
    org.apache.spark.sql.api.java.UDF2<scala.collection.Seq<Double>, Integer, Double> distance = (arr, c) -> {
      double s = 0;
      double[] center = centers[c].toArray();
      for (int i = 0; i < center.length; i++) {
        double d = arr.apply(i) - center[i];
        s += d * d;
      }
      return Math.sqrt(s);
    };
    var distanceToCenter = org.apache.spark.sql.functions.udf(distance, org.apache.spark.sql.types.DataTypes.DoubleType);
    return withDistance.select(col("region_code"), col("cluster"), col("achieved_share"), col("decline_share"),
            col("log_median_ambition"), col("below_current_share"),
            distanceToCenter.apply(col("features_array"), col("cluster")).as("distance_to_center"))
        .withColumn("k", lit(k))
        .withColumn("seed", lit(params.seed()))
        .withColumn("method", lit("kmeans on standardized, mean-imputed features"));
  }
}
