package org.hrssplan.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.hrssplan.config.AppConfig;

/**
 * Snapshots of every published table for tools without a Delta reader, rewritten on each run under
 * {@code <lakehouse>/exports/}: {@code parquet/<table>/} (plain Parquet, one file) and {@code csv/<table>.csv}
 * ({@link TableCsv}: UTF-8 with BOM, formula-safe).
 */
public final class TableExports {
  private TableExports() {}

  public static void write(SparkSession spark, AppConfig config, List<PublishedTable> tables) throws IOException {
    String root = config.resolve(config.lakehouse()) + "/exports";
    for (PublishedTable t : tables) {
      String name = config.tables().get(t.key());
      Column[] order = t.sortBy().stream().map(functions::col).toArray(Column[]::new);
      Dataset<Row> data = spark.read().format("delta").load(config.tablePath(t.key()));
      data.repartition(1).sortWithinPartitions(order).write().mode("overwrite").parquet(root + "/parquet/" + name);
      // the CSV snapshot is written through the driver's file system: local lakehouses only (a cluster keeps Parquet)
      if (!root.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:/.*")) TableCsv.write(data.orderBy(order), Path.of(root, "csv", name + ".csv"));
    }
  }
}
