package org.hrssplan.pipeline;

import io.delta.tables.DeltaTable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;

/**
 * Writes a table as a BI-readable Delta table and registers it in the catalog database.
 *
 * <p>First write: {@code CREATE TABLE … USING DELTA LOCATION} with column and table COMMENTs and
 * {@code delta.enableDeletionVectors=false}, reader 1 / writer 2 (Power BI, DuckDB, older delta-rs read that).
 * Every write: one data file (repartition 1, sorted), {@code INSERT OVERWRITE} — atomic, so readers see the
 * previous or the new content, never half — with the run id as the commit's {@code userMetadata}. A table
 * whose columns no longer match the code's schema is overwritten with the new schema. Delta skips the commit
 * when an empty table is overwritten with nothing, so an empty table keeps its creating commit.
 */
public final class DeltaPublisher {
  static final String TBLPROPERTIES = "'delta.enableDeletionVectors'='false', 'delta.minReaderVersion'='1', 'delta.minWriterVersion'='2'";

  private final SparkSession spark;
  private final String database;

  /**
   * @param lakehouse the lakehouse folder; the database's own location is an empty folder inside it
   *     ({@code _catalog/<database>.db}), never the lakehouse itself: {@code DROP DATABASE … CASCADE} deletes the
   *     database location, and the tables (external, by LOCATION) must survive that.
   */
  public DeltaPublisher(SparkSession spark, String database, String lakehouse) {
    this.spark = spark;
    this.database = database;
    String location = lakehouse + "/_catalog/" + database + ".db";
    spark.sql("CREATE DATABASE IF NOT EXISTS " + ident(database) + " LOCATION '" + sqlString(location) + "'");
  }

  public void publish(PublishedTable table, String name, String path, Dataset<Row> data, String runId) {
    String qualified = ident(database) + "." + ident(name);
    spark.conf().set("spark.databricks.delta.commitInfo.userMetadata", runId);
    try {
      write(table, name, qualified, path, data);
    } finally {
      spark.conf().unset("spark.databricks.delta.commitInfo.userMetadata");
    }
  }

  private void write(PublishedTable table, String name, String qualified, String path, Dataset<Row> data) {
    StructType schema = table.schemaFor(data);
    ensureTable(name, qualified, path, schema, table.comment());
    Column[] order = table.sortBy().stream().map(functions::col).toArray(Column[]::new);
    Dataset<Row> ordered = data.selectExpr(schema.fieldNames()).repartition(1).sortWithinPartitions(order);
    StructType existing = spark.read().format("delta").load(path).schema();
    if (sameColumns(existing, schema)) {
      String view = "_hrss_publish_" + name;
      ordered.createOrReplaceTempView(view);
      spark.sql("INSERT OVERWRITE " + qualified + " SELECT * FROM " + ident(view));
      spark.catalog().dropTempView(view);
    } else {
      spark.createDataFrame(ordered.javaRDD(), schema).write().format("delta").mode("overwrite")
          .option("overwriteSchema", "true").save(path);
    }
  }

  /** Appends rows (the run log): same table set-up, {@code INSERT INTO}. */
  public void append(PublishedTable table, String name, String path, Dataset<Row> rows, String runId) {
    String qualified = ident(database) + "." + ident(name);
    spark.conf().set("spark.databricks.delta.commitInfo.userMetadata", runId);
    try {
      ensureTable(name, qualified, path, table.schema(), table.comment());
      if (sameColumns(spark.read().format("delta").load(path).schema(), table.schema())) {
        String view = "_hrss_append_" + name;
        rows.selectExpr(table.schema().fieldNames()).repartition(1).createOrReplaceTempView(view);
        spark.sql("INSERT INTO " + qualified + " SELECT * FROM " + ident(view));
        spark.catalog().dropTempView(view);
      } else {
        // the log gained a column in a newer release: older rows keep NULL in it
        spark.createDataFrame(rows.selectExpr(table.schema().fieldNames()).javaRDD(), table.schema()).repartition(1).write()
            .format("delta").mode("append").option("mergeSchema", "true").save(path);
      }
    } finally {
      spark.conf().unset("spark.databricks.delta.commitInfo.userMetadata");
    }
  }

  private void ensureTable(String name, String qualified, String path, StructType schema, String comment) {
    if (!DeltaTable.isDeltaTable(spark, path)) {
      spark.sql("DROP TABLE IF EXISTS " + qualified);
      spark.sql("CREATE TABLE " + qualified + " (" + schema.toDDL() + ") USING DELTA LOCATION '" + sqlString(path)
          + "' COMMENT '" + sqlString(comment) + "' TBLPROPERTIES (" + TBLPROPERTIES + ")");
    } else {
      register(name, path);
    }
  }

  private static boolean sameColumns(StructType a, StructType b) {
    if (a.fields().length != b.fields().length) return false;
    for (int i = 0; i < a.fields().length; i++) {
      if (!a.fields()[i].name().equals(b.fields()[i].name()) || !a.fields()[i].dataType().equals(b.fields()[i].dataType())) return false;
    }
    return true;
  }

  /** Makes an existing Delta folder queryable as database.name in this session's catalog. */
  public void register(String name, String path) {
    spark.sql("CREATE TABLE IF NOT EXISTS " + ident(database) + "." + ident(name) + " USING DELTA LOCATION '" + sqlString(path) + "'");
  }

  static String ident(String s) {
    if (!s.matches("[A-Za-z_][A-Za-z0-9_]*")) throw new IllegalArgumentException("not a plain SQL identifier: " + s);
    return "`" + s + "`";
  }

  static String sqlString(String s) {
    return s.replace("\\", "\\\\").replace("'", "\\'");
  }
}
