package org.hrssplan.bench;

import java.lang.management.ManagementFactory;
import org.apache.spark.sql.SparkSession;
import org.hrssplan.pipeline.SparkSessions;

/**
 * The stack's floor, for the benchmark: what any job on this stack pays before doing its own work — a JVM, a
 * SparkSession with Delta, and N trivial Delta tables (10 rows each) overwritten one after another, as many as the
 * nightly pipeline publishes. Started by jobs/bench/run.sh through jobs/bin/spark-java, the JVM command line of
 * {@code hrss run}, so both pay the same JVM, flags and Spark settings.
 *
 * <p>Usage: {@code StackFloor TABLES FOLDER}; prints {@code floor jvm_to_session_ms=… tables_ms=… total_ms=…}.
 */
public final class StackFloor {
  private StackFloor() {}

  public static void main(String[] args) {
    int tables = Integer.parseInt(args[0]);
    String folder = args[1];
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    SparkSession spark = SparkSessions.create("hrss-floor");
    long session = System.currentTimeMillis();
    for (int i = 0; i < tables; i++) {
      spark.range(10).selectExpr("id", "CAST(id AS STRING) AS label").repartition(1).write().format("delta").mode("overwrite")
          .save(folder + "/t" + i);
    }
    long done = System.currentTimeMillis();
    spark.stop();
    System.out.printf("floor jvm_to_session_ms=%d tables_ms=%d total_ms=%d tables=%d%n", session - jvmStart, done - session,
        done - jvmStart, tables);
  }
}
