package org.hrssplan.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.encode;
import static org.hrssplan.model.ObservationColumn.OBSERVATION_ID;
import static org.hrssplan.model.ObservationColumn.SOURCE_FILE;
import static org.hrssplan.model.ObservationColumn.SOURCE_LINE;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.hrssplan.model.Observation;
import org.hrssplan.extract.ObservationCsv;
import org.hrssplan.tables.PublishedTable;
import org.hrssplan.tables.Rows;

/** The export stages: the reviewed normalized CSV, then a Parquet and a CSV snapshot of every table. */
final class ExportStage {
  private ExportStage() {}

  /** What was exported: the files not written because they would hold more rows than a spreadsheet (Parquet and Delta only). */
  record Exports(List<String> csvSkipped) {}

  /** The silver table as the reviewed CSV ({@code normalized_csv}), unless it is off or too large for one. */
  static Exports normalizedCsv(StageContext ctx, long observations) throws IOException {
    var config = ctx.config;
    if (config.normalizedCsv().isEmpty()) {
      ctx.progress.accept("[5/8] normalized CSV off (normalized_csv is empty)");
      return new Exports(List.of());
    }
    String csv = config.resolve(config.normalizedCsv());
    if (observations > TableExports.CSV_MAX_ROWS) {
      // the reviewed CSV is for reading and diffing; a national dataset lives in the table and its Parquet export
      ctx.progress.accept("[5/8] normalized CSV skipped: " + observations + " observations, more than a spreadsheet holds ("
          + TableExports.CSV_MAX_ROWS + "); they are in " + config.tableName(PublishedTable.OBSERVATIONS.name()) + " and its Parquet export");
      return new Exports(List.of(csv));
    }
    ctx.progress.accept("[5/8] write " + csv);
    writeCsv(ctx.published(PublishedTable.OBSERVATIONS), Path.of(csv));
    return new Exports(List.of());
  }

  /** Parquet and CSV snapshots of every table under {@code <lakehouse>/exports}; {@code rows}: rows per table this run wrote. */
  static Exports snapshots(StageContext ctx, Map<String, Long> rows) throws IOException {
    ctx.progress.accept("[6/8] exports: Parquet and CSV snapshots under " + ctx.config.resolve(ctx.config.lakehouse()) + "/exports");
    List<PublishedTable> tables = new ArrayList<>(PublishedTable.EXTRACTION_TABLES);
    tables.addAll(PublishedTable.METRIC_TABLES);
    return new Exports(TableExports.write(ctx.spark, ctx.config, tables, rows, ctx.config.parallelWrites()));
  }

  /**
   * The silver table as the reviewed CSV: sorted by Spark in the CSV's own order ({@link ObservationCsv#ORDER}) and
   * streamed to the file a partition at a time. Never a list of all rows in the driver: that ran a 512 MiB heap out at
   * 313,500 observations ({@code SmallHeapRunIT}). Strings are sorted by their UTF-16 code units, as
   * {@link String#compareTo} does, not by Spark's UTF-8 bytes (the two differ where a character beyond U+FFFF meets
   * one from U+E000 to U+FFFF).
   */
  static void writeCsv(Dataset<Row> observations, Path out) throws IOException {
    Files.createDirectories(out.toAbsolutePath().getParent());
    Iterator<Row> it = observations.orderBy(encode(col(SOURCE_FILE.columnName()), "UTF-16BE"), col(SOURCE_LINE.columnName()),
        encode(col(OBSERVATION_ID.columnName()), "UTF-16BE")).toLocalIterator();
    Iterator<Observation> rows = new Iterator<>() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public Observation next() {
        return Rows.toObservation(it.next());
      }
    };
    Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
    try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      ObservationCsv.writeOrdered(rows, w);
    }
    Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }
}
