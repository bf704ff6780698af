package org.hrssplan.pipeline;

import io.delta.tables.DeltaTable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;
import org.hrssplan.tables.PublishedTable;

/**
 * Writes a table as a BI-readable Delta table and registers it in the catalog database.
 *
 * <p>First write: {@code CREATE TABLE … USING DELTA LOCATION} with column and table COMMENTs and
 * {@code delta.enableDeletionVectors=false}, reader 1 / writer 2 (Power BI, DuckDB, older delta-rs read that), and
 * statistics kept only for the columns readers filter by ({@link PublishedTable#statsColumns}).
 * Every write: one sorted data file (two for a large table, see {@link #layout}), an overwrite commit — atomic, so
 * readers see the previous or the new content, never half — with the run id as the commit's {@code userMetadata}. A table
 * whose columns no longer match the code's schema is overwritten with the new schema. Delta skips the commit
 * when an empty table is overwritten with nothing, so an empty table keeps its creating commit.
 */
public final class DeltaPublisher {
  static final String TBLPROPERTIES = "'delta.enableDeletionVectors'='false', 'delta.minReaderVersion'='1', 'delta.minWriterVersion'='2'";

  /** Table property naming the columns Delta keeps min/max statistics for. */
  static final String STATS_COLUMNS = "delta.dataSkippingStatsColumns";

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

  /** What one commit wrote, read from the commit itself (no second pass over the data). */
  public record Commit(long version, long rows, long files) {}

  /**
   * Overwrites the table with {@code data} ({@code schema}: the table's, see {@link PublishedTable#schemaFor}) in one atomic commit stamped with the run id. Safe to call from several
   * threads at once for different tables: the run id travels as a writer option, not as session state.
   */
  public Commit publish(PublishedTable table, String path, Dataset<Row> data, StructType schema, String runId, int files) {
    String name = table.name();
    StructType existing = ensureTable(name, ident(database) + "." + ident(name), path, schema, table.comment(), runId,
        table.statsColumns(schema));
    Dataset<Row> laidOut = layout(data.selectExpr(schema.fieldNames()), table, files);
    if (sameColumns(existing, schema)) {
      laidOut.write().format("delta").mode("overwrite").option("userMetadata", runId).save(path);
    } else {
      spark.createDataFrame(laidOut.javaRDD(), schema).write().format("delta").mode("overwrite")
          .option("overwriteSchema", "true").option("userMetadata", runId).save(path);
    }
    return lastCommit(path);
  }

  /**
   * One data file sorted by the table's key — or, for a large run ({@code files} = 2), two files in the order the
   * rows come, one per core: sorting millions of rows on a small machine costs more than the whole write, and the
   * readers (BI tools, DuckDB, notebooks) filter and aggregate rather than rely on file order. Never more files than
   * that: BI tools and DuckDB read few files fastest.
   */
  private static Dataset<Row> layout(Dataset<Row> data, PublishedTable table, int files) {
    if (files > 1) return data.coalesce(files);
    Column[] order = table.sortBy().stream().map(functions::col).toArray(Column[]::new);
    return data.repartition(1).sortWithinPartitions(order);
  }

  /** Version, rows and files of the table's latest commit, from its commit info. */
  public Commit lastCommit(String path) {
    Row h = DeltaTable.forPath(spark, path).history(1).selectExpr("version", "operationMetrics").head();
    scala.collection.Map<String, String> m = h.getMap(1);
    long rows = m == null ? 0 : Long.parseLong(m.getOrElse("numOutputRows", () -> "0"));
    long files = m == null ? 0 : Long.parseLong(m.getOrElse("numFiles", () -> "0"));
    return new Commit(h.getLong(0), rows, files);
  }

  /** Appends rows (the run log): same table set-up, an append commit stamped with the run id. */
  public void append(PublishedTable table, String path, Dataset<Row> rows, String runId) {
    String name = table.name();
    StructType existing = ensureTable(name, ident(database) + "." + ident(name), path, table.schema(), table.comment(), runId,
        table.statsColumns(table.schema()));
    Dataset<Row> data = rows.selectExpr(table.schema().fieldNames()).repartition(1);
    if (sameColumns(existing, table.schema())) {
      data.write().format("delta").mode("append").option("userMetadata", runId).save(path);
    } else {
      // the log gained a column in a newer release: older rows keep NULL in it
      spark.createDataFrame(data.javaRDD(), table.schema()).write().format("delta").mode("append")
          .option("mergeSchema", "true").option("userMetadata", runId).save(path);
    }
  }

  /** Creates or registers the table and returns its columns as they are before this write (one read of its log). */
  private StructType ensureTable(String name, String qualified, String path, StructType schema, String comment, String runId,
      String statsColumns) {
    // the creating commit carries the run id too; SQL has no writer option, so a session of its own (same catalog)
    // holds it, leaving the shared session's settings alone while other tables are written at the same time
    SparkSession stamped = spark.newSession();
    stamped.conf().set("spark.databricks.delta.commitInfo.userMetadata", runId);
    if (!DeltaTable.isDeltaTable(spark, path)) {
      stamped.sql("DROP TABLE IF EXISTS " + qualified);
      stamped.sql("CREATE TABLE " + qualified + " (" + schema.toDDL() + ") USING DELTA LOCATION '" + sqlString(path)
          + "' COMMENT '" + sqlString(comment) + "' TBLPROPERTIES (" + TBLPROPERTIES + ", '" + STATS_COLUMNS + "'='"
          + sqlString(statsColumns) + "')");
      return schema;
    }
    register(name, path);
    // a table made by an older release: bring its statistics columns in line (one commit, once). Delta checks the
    // list against the current columns, so when the columns are about to change the list is dropped instead and
    // set again by the next run.
    DeltaTable table = DeltaTable.forPath(spark, path);
    StructType existing = table.toDF().schema();
    scala.collection.Map<String, String> props = table.detail().select("properties").head().getMap(0);
    String current = props.contains(STATS_COLUMNS) ? props.apply(STATS_COLUMNS) : null;
    String target = "delta.`" + path.replace("`", "``") + "`";
    if (sameColumns(existing, schema)) {
      if (!statsColumns.equals(current)) {
        stamped.sql("ALTER TABLE " + target + " SET TBLPROPERTIES ('" + STATS_COLUMNS + "'='" + sqlString(statsColumns) + "')");
      }
    } else if (current != null) {
      stamped.sql("ALTER TABLE " + target + " UNSET TBLPROPERTIES ('" + STATS_COLUMNS + "')");
    }
    return existing;
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
