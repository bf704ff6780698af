package org.hrssplan.testing;

import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.Table;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.engine.FileReadResult;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;

/**
 * An independent Delta reader: Delta Kernel (the library the Trino, Flink and other connectors build on), public
 * API only. Reads a table's latest snapshot file by file and returns its rows rendered as strings, the same way
 * {@link #render(org.apache.spark.sql.Row)} renders Spark's rows, so the two can be compared.
 *
 * <p>The tables have no column mapping and no partitions, so the physical read schema is the snapshot's schema.
 */
public final class KernelReader {
  private KernelReader() {}

  public record Table2(StructType schema, List<String> rows) {}

  public static Table2 read(String tablePath) throws Exception {
    Engine engine = DefaultEngine.create(new Configuration());
    Snapshot snapshot = Table.forPath(engine, tablePath).getLatestSnapshot(engine);
    StructType schema = snapshot.getSchema();
    Scan scan = snapshot.getScanBuilder().build();
    Row scanState = scan.getScanState(engine);
    List<String> rows = new ArrayList<>();
    try (CloseableIterator<FilteredColumnarBatch> files = scan.getScanFiles(engine)) {
      while (files.hasNext()) {
        try (CloseableIterator<Row> fileRows = files.next().getRows()) {
          while (fileRows.hasNext()) {
            Row scanFile = fileRows.next();
            FileStatus status = fileStatus(scanFile);
            try (CloseableIterator<FileReadResult> parquet = engine.getParquetHandler()
                .readParquetFiles(single(status), schema, Optional.empty());
                CloseableIterator<FilteredColumnarBatch> data = Scan.transformPhysicalData(engine, scanState, scanFile,
                    map(parquet))) {
              while (data.hasNext()) {
                try (CloseableIterator<Row> it = data.next().getRows()) {
                  while (it.hasNext()) rows.add(render(it.next(), schema));
                }
              }
            }
          }
        }
      }
    }
    return new Table2(schema, rows);
  }

  private static FileStatus fileStatus(Row scanFile) {
    Row add = scanFile.getStruct(scanFile.getSchema().indexOf("add"));
    String root = scanFile.getString(scanFile.getSchema().indexOf("tableRoot"));
    String path = add.getString(add.getSchema().indexOf("path"));
    String full = URI.create(root.endsWith("/") ? root : root + "/").resolve(path).toString();
    return FileStatus.of(full, add.getLong(add.getSchema().indexOf("size")), add.getLong(add.getSchema().indexOf("modificationTime")));
  }

  private static CloseableIterator<FileStatus> single(FileStatus s) {
    return new CloseableIterator<>() {
      private boolean done;

      @Override
      public boolean hasNext() {
        return !done;
      }

      @Override
      public FileStatus next() {
        if (done) throw new java.util.NoSuchElementException();
        done = true;
        return s;
      }

      @Override
      public void close() {}
    };
  }

  private static CloseableIterator<ColumnarBatch> map(CloseableIterator<FileReadResult> it) {
    return it.map(FileReadResult::getData);
  }

  static String render(Row r, StructType schema) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < schema.length(); i++) {
      if (i > 0) sb.append(" | ");
      if (r.isNullAt(i)) {
        sb.append("NULL");
        continue;
      }
      DataType t = schema.at(i).getDataType();
      if (t instanceof StringType) sb.append(r.getString(i));
      else if (t instanceof IntegerType) sb.append(r.getInt(i));
      else if (t instanceof LongType) sb.append(r.getLong(i));
      else if (t instanceof DoubleType) sb.append(r.getDouble(i));
      else if (t instanceof BooleanType) sb.append(r.getBoolean(i));
      else if (t instanceof TimestampType) sb.append(r.getLong(i));
      else throw new IllegalArgumentException("type " + t + " not rendered");
    }
    return sb.toString();
  }

  /** Spark's row in the same rendering (timestamps as microseconds since the epoch, like Kernel). */
  public static String render(org.apache.spark.sql.Row r) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < r.size(); i++) {
      if (i > 0) sb.append(" | ");
      Object v = r.get(i);
      if (v == null) sb.append("NULL");
      else if (v instanceof java.sql.Timestamp ts) sb.append(ts.getTime() * 1000 + (ts.getNanos() / 1000) % 1000);
      else sb.append(v);
    }
    return sb.toString();
  }
}
