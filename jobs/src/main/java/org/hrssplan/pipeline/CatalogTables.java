package org.hrssplan.pipeline;

import io.delta.tables.DeltaTable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.hrssplan.config.AppConfig;
import org.hrssplan.tables.PublishedTable;

/**
 * Makes the published tables queryable as {@code hrss.<table>} in a new session: for every published table whose
 * folder under the lakehouse is a Delta table, {@code CREATE TABLE IF NOT EXISTS … USING DELTA LOCATION}. The
 * lakehouse folder is the source of truth, so a later process sees the tables without re-running the job and
 * without a metastore service.
 *
 * <p>Consistency across tables: when the tables' latest versions are not the ones the "current run" pointer names
 * (a run is writing, or died half-way), each table is registered instead as a view pinned {@code VERSION AS OF} the
 * pointer, so a reader sees the last complete run, never a mix of two.
 */
public final class CatalogTables {
  private CatalogTables() {}

  public static List<String> registerAll(SparkSession spark, AppConfig config) {
    DeltaPublisher publisher = new DeltaPublisher(spark, config.database(), config.resolve(config.lakehouse()));
    org.hrssplan.tables.CurrentRun current;
    try {
      current = org.hrssplan.tables.CurrentRun.read(config);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    boolean pin = current != null && !atPointer(spark, config, current);
    if (pin) {
      System.err.println("hrss: tables are newer than the last complete run " + current.runId()
          + " (a run is in progress or was interrupted); showing that run's versions");
    }
    List<String> registered = new ArrayList<>();
    for (PublishedTable t : PublishedTable.ALL) {
      String name = t.name();
      String path = config.tablePath(name);
      if (!DeltaTable.isDeltaTable(spark, path)) continue;
      Long version = current == null ? null : current.versions().get(name);
      if (pin && version != null) {
        spark.sql("CREATE OR REPLACE VIEW " + DeltaPublisher.ident(config.database()) + "." + DeltaPublisher.ident(name)
            + " AS SELECT * FROM delta.`" + path.replace("`", "``") + "` VERSION AS OF " + version);
      } else {
        publisher.register(name, path);
      }
      registered.add(config.tableName(name));
    }
    return registered;
  }

  /** Do the tables' latest versions equal the pointer's? (The run log is appended after the pointer; it is not pinned.) */
  static boolean atPointer(SparkSession spark, AppConfig config, org.hrssplan.tables.CurrentRun current) {
    for (var e : current.versions().entrySet()) {
      String path = config.tablePath(e.getKey());
      if (PublishedTable.named(e.getKey()).isEmpty() || !DeltaTable.isDeltaTable(spark, path)) continue;
      long latest = DeltaTable.forPath(spark, path).history(1).head().getLong(0);
      if (latest != e.getValue()) return false;
    }
    return true;
  }
}
