package org.hrssplan.pipeline;

import org.apache.spark.sql.SparkSession;

/**
 * The job's SparkSession: Delta's SQL extension and catalog, nothing else. Master, memory and cores come
 * from spark-submit or from jobs/bin/hrss (conf/spark-defaults.conf → -Dspark.* properties), never from code.
 */
public final class SparkSessions {
  private SparkSessions() {}

  public static SparkSession create(String appName) {
    return SparkSession.builder()
        .appName(appName)
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .getOrCreate();
  }
}
