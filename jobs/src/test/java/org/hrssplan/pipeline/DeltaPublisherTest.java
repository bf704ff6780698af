package org.hrssplan.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.hrssplan.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.hrssplan.tables.PublishedTable;

/** Delta keeps statistics only for the columns readers filter by, on new tables and on tables an older release made. */
class DeltaPublisherTest {
  private final SparkSession spark = SharedSpark.get();
  private static final StructType SCHEMA = StructType.fromDDL("region_code STRING, indicator_id STRING, note STRING, value DOUBLE");
  private static final PublishedTable TABLE = new PublishedTable("stats_probe", PublishedTable.Layer.GOLD, SCHEMA, false, "a test table", List.of("value"), false);

  private Dataset<Row> rows() {
    return spark.sql("SELECT '500101' AS region_code, 'jobs' AS indicator_id, 'n' AS note, 1.5D AS value");
  }

  private String property(String path) {
    scala.collection.Map<String, String> p = io.delta.tables.DeltaTable.forPath(spark, path).detail().select("properties").head().getMap(0);
    return p.contains(DeltaPublisher.STATS_COLUMNS) ? p.apply(DeltaPublisher.STATS_COLUMNS) : null;
  }

  @Test
  void aNewTableNamesItsFilterColumnsAndSortKeyAsStatisticsColumns(@TempDir Path tmp) {
    String path = tmp.resolve("t").toString();
    new DeltaPublisher(spark, "stats_new", tmp.toString()).publish(TABLE, path, rows(), TABLE.schema(), "run-1", 1);
    assertEquals("region_code,indicator_id,value", property(path));
  }

  @Test
  void aTableMadeWithoutThePropertyGetsItOnTheNextPublishAndKeepsItsRows(@TempDir Path tmp) {
    String path = tmp.resolve("t").toString();
    rows().write().format("delta").save(path);   // as an older release left it
    DeltaPublisher.Commit c = new DeltaPublisher(spark, "stats_old", tmp.toString()).publish(TABLE, path, rows(), TABLE.schema(), "run-2", 1);
    assertEquals("region_code,indicator_id,value", property(path));
    assertEquals(1, c.rows());
    assertEquals(1, spark.read().format("delta").load(path).count());
  }

  @Test
  void aTableWhoseColumnsChangeIsRewrittenWithTheNewColumns(@TempDir Path tmp) {
    String path = tmp.resolve("t").toString();
    DeltaPublisher publisher = new DeltaPublisher(spark, "stats_change", tmp.toString());
    PublishedTable older = new PublishedTable("stats_probe", PublishedTable.Layer.GOLD, StructType.fromDDL("region_code STRING, extra STRING"), false, "older",
        List.of("region_code"), false);
    publisher.publish(older, path, spark.sql("SELECT '500101' AS region_code, 'x' AS extra"), older.schema(), "run-1", 1);
    publisher.publish(TABLE, path, rows(), TABLE.schema(), "run-2", 1);
    StructType now = spark.read().format("delta").load(path).schema();
    assertEquals(List.of("region_code", "indicator_id", "note", "value"), List.of(now.fieldNames()));
    assertFalse(List.of(now.fieldNames()).contains("extra"));
    publisher.publish(TABLE, path, rows(), TABLE.schema(), "run-3", 1);
    assertEquals("region_code,indicator_id,value", property(path));
  }
}
