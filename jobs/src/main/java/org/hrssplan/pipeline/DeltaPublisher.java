package org.hrssplan.pipeline;

import io.delta.tables.DeltaTable;
import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

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

  public DeltaPublisher(SparkSession spark, String database, String databaseLocation) {
    this.spark = spark;
    this.database = database;
    spark.sql("CREATE DATABASE IF NOT EXISTS " + ident(database) + " LOCATION '" + sqlString(databaseLocation) + "'");
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
    boolean exists = DeltaTable.isDeltaTable(spark, path);
    if (!exists) {
      spark.sql("DROP TABLE IF EXISTS " + qualified);
      spark.sql("CREATE TABLE " + qualified + " (" + table.schema().toDDL() + ") USING DELTA LOCATION '" + sqlString(path)
          + "' COMMENT '" + sqlString(table.comment()) + "' TBLPROPERTIES (" + TBLPROPERTIES + ")");
    } else {
      register(name, path);
    }
    Column[] order = table.sortBy().stream().map(functions::col).toArray(Column[]::new);
    Dataset<Row> ordered = data.selectExpr(table.schema().fieldNames()).repartition(1).sortWithinPartitions(order);
    String[] existing = spark.read().format("delta").load(path).schema().fieldNames();
    if (Arrays.equals(existing, table.schema().fieldNames())) {
      String view = "_hrss_publish_" + name;
      ordered.createOrReplaceTempView(view);
      spark.sql("INSERT OVERWRITE " + qualified + " SELECT * FROM " + ident(view));
      spark.catalog().dropTempView(view);
    } else {
      spark.createDataFrame(ordered.javaRDD(), table.schema()).write().format("delta").mode("overwrite")
          .option("overwriteSchema", "true").save(path);
    }
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
