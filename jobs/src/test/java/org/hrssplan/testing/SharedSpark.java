package org.hrssplan.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The one SparkSession of a test run (local[2], 2 shuffle partitions, UI off, UTC, loopback, Delta), created on
 * first use and stopped when the JVM exits, its temporary warehouse deleted then. Every Spark test takes it from
 * here: a session costs seconds.
 */
public final class SharedSpark {
  private static SparkSession spark;

  private SharedSpark() {}

  public static synchronized SparkSession get() {
    if (spark == null) {
      Path warehouse;
      try {
        warehouse = Files.createTempDirectory("hrss-test-warehouse");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      spark = SparkSession.builder()
          .master("local[2]")
          .appName("hrss-tests")
          .config("spark.sql.shuffle.partitions", "2")
          .config("spark.ui.enabled", "false")
          .config("spark.sql.session.timeZone", "UTC")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.databricks.delta.snapshotPartitions", "1")
          .config("spark.sql.warehouse.dir", warehouse.toString())
          .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
          .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
          .getOrCreate();
      Path made = warehouse;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        spark.stop();
        deleteTree(made);
      }));
    }
    return spark;
  }

  private static void deleteTree(Path root) {
    try (var paths = Files.walk(root)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a leftover temporary folder is not worth failing a test run for
    }
  }
}
