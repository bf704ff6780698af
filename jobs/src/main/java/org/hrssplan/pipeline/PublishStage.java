package org.hrssplan.pipeline;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.hrssplan.tables.PublishedTable;

/**
 * Publishes tables, several at a time ({@code parallel_writes}): each an atomic overwrite commit stamped with the
 * run id, its Spark jobs named after the stage and the table, a line per table written.
 */
final class PublishStage {
  private PublishStage() {}

  /** One table's publication: its commit and how long it took. */
  record TableWrite(PublishedTable table, String qualifiedName, DeltaPublisher.Commit commit, long millis) {}

  /** Above this many observations a run writes its large tables as two files (see {@link PublishedTable#growsWithData}). */
  static final long LARGE_RUN_OBSERVATIONS = 1_000_000;

  /**
   * Writes {@code tables} (in the map's order, up to {@code writes}' threads at once) and returns what each commit
   * wrote; one file per table, two for the tables that grow with the data when the run is large, so both cores write.
   */
  static List<TableWrite> run(StageContext ctx, ConcurrentWrites<TableWrite> writes, Map<PublishedTable, Dataset<Row>> tables,
      long observations) {
    DeltaPublisher publisher = ctx.publisher();
    boolean large = observations > LARGE_RUN_OBSERVATIONS;
    for (var t : tables.entrySet()) writes.submit(() -> publish(ctx, publisher, t.getKey(), t.getValue(), large));
    return writes.awaitAll();
  }

  private static TableWrite publish(StageContext ctx, DeltaPublisher publisher, PublishedTable t, Dataset<Row> data, boolean large) {
    ctx.describe(t.name());
    long start = System.nanoTime();
    int files = large && t.growsWithData() ? 2 : 1;
    DeltaPublisher.Commit c = publisher.publish(t, ctx.config.tablePath(t.name()), data, t.schemaFor(data, ctx.config.metrics()),
        ctx.runId, files);
    long ms = (System.nanoTime() - start) / 1_000_000;
    String name = ctx.config.tableName(t.name());
    ctx.progress.accept(String.format("      %-36s %9d rows  v%-4d %d file%s  %.1f s", name, c.rows(), c.version(), c.files(),
        c.files() == 1 ? " " : "s", ms / 1000.0));
    return new TableWrite(t, name, c, ms);
  }
}
