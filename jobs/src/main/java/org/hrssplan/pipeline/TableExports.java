package org.hrssplan.pipeline;

import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.hrssplan.config.AppConfig;
import org.hrssplan.config.Location;
import org.hrssplan.tables.PublishedTable;

/**
 * Snapshots of every published table for tools without a Delta reader, rewritten on each run under
 * {@code <lakehouse>/exports/}: {@code parquet/<table>/} and {@code csv/<table>.csv} ({@link TableCsv}: UTF-8 with BOM,
 * formula-safe).
 *
 * <p>The Parquet snapshot is a copy of the data files of the table's current version: the tables have no partition
 * columns, no column mapping and no deletion vectors (see {@link DeltaPublisher}), so those files are exactly the
 * table's rows as plain Parquet — copying them costs file I/O only, no Spark job. The CSV snapshot is written for
 * tables up to {@link #CSV_MAX_ROWS} rows, the most a spreadsheet opens; larger tables (the observations of a
 * national dataset) are in Parquet and Delta only, and the summary says so.
 */
public final class TableExports {
  /** Excel's sheet holds 1,048,576 rows, one of them the header. */
  public static final long CSV_MAX_ROWS = 1_048_575;
  /** Above this many rows a CSV snapshot is written after the others, alone. */
  static final long CONCURRENT_CSV_MAX_ROWS = 100_000;

  private TableExports() {}

  /**
   * @param rows rows per table name as committed by this run (tables missing from it are counted)
   * @return the tables whose CSV snapshot was skipped because they are too large
   */
  public static List<String> write(SparkSession spark, AppConfig config, List<PublishedTable> tables, Map<String, Long> rows,
      int threads) throws IOException {
    Location exports = config.location(config.lakehouse()).resolve("exports");
    String root = exports.toString();
    boolean local = exports.isLocal();
    List<String> skipped = new ArrayList<>();
    List<Runnable> csvs = new ArrayList<>();
    try (ConcurrentWrites<String> writes = new ConcurrentWrites<>(threads)) {
      for (PublishedTable t : tables) {
        String name = t.name();
        String path = config.tablePath(name);
        writes.submit(() -> {
          DeltaTable table = DeltaTable.forPath(spark, path);
          String[] files = table.toDF().inputFiles();
          if (files.length > 0) {
            copyDataFiles(spark, files, root + "/parquet/" + name);
          } else {  // an empty table has no data file to copy: write one that carries the schema
            table.toDF().repartition(1).write().mode("overwrite").parquet(root + "/parquet/" + name);
          }
          Long n = rows.get(config.tableName(name));
          long count = n != null ? n : table.toDF().count();
          // the CSV snapshot is written through the driver's file system: local lakehouses only (a cluster keeps Parquet)
          if (!local) return null;
          if (count > CSV_MAX_ROWS) return name;
          Column[] order = t.sortBy().stream().map(functions::col).toArray(Column[]::new);
          Runnable csv = () -> {
            try {
              TableCsv.write(table.toDF().orderBy(order), Path.of(root, "csv", name + ".csv"));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          };
          if (count <= CONCURRENT_CSV_MAX_ROWS) {
            csv.run();
          } else {
            synchronized (csvs) {
              csvs.add(csv);
            }
          }
          return null;
        });
      }
      for (String s : writes.awaitAll()) if (s != null) skipped.add(s);
    }
    // large CSVs stream through the driver one at a time: several at once ran a 1 GiB heap out (1.8M observations)
    for (Runnable csv : csvs) csv.run();
    return skipped;
  }

  /** Replaces {@code target} with copies of {@code files}: copied beside it first, then swapped in. */
  static void copyDataFiles(SparkSession spark, String[] files, String target) {
    var hadoop = spark.sparkContext().hadoopConfiguration();
    org.apache.hadoop.fs.Path dest = new org.apache.hadoop.fs.Path(target);
    org.apache.hadoop.fs.Path staging = new org.apache.hadoop.fs.Path(target + ".staging");
    try {
      FileSystem fs = dest.getFileSystem(hadoop);
      fs.delete(staging, true);
      fs.mkdirs(staging);
      int i = 0;
      for (String f : files) {
        org.apache.hadoop.fs.Path src = new org.apache.hadoop.fs.Path(f);
        FileUtil.copy(src.getFileSystem(hadoop), src, fs, new org.apache.hadoop.fs.Path(staging, String.format("part-%05d.parquet", i++)),
            false, hadoop);
      }
      fs.delete(dest, true);
      if (!fs.rename(staging, dest)) throw new IOException("could not rename " + staging + " to " + dest);
    } catch (IOException e) {
      throw new UncheckedIOException("export of " + target + " failed: " + e.getMessage(), e);
    }
  }
}
