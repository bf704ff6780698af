package org.hrssplan.pipeline;

import io.delta.tables.DeltaTable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.hrssplan.config.AppConfig;

/**
 * Makes the published tables queryable as {@code hrss.<table>} in a new session: for every configured table whose
 * folder under the lakehouse is a Delta table, {@code CREATE TABLE IF NOT EXISTS … USING DELTA LOCATION}. The
 * lakehouse folder is the source of truth, so a later process sees the tables without re-running the job and
 * without a metastore service.
 */
public final class TableRegistry {
  private TableRegistry() {}

  public static List<String> registerAll(SparkSession spark, AppConfig config) {
    DeltaPublisher publisher = new DeltaPublisher(spark, config.database(), config.resolve(config.lakehouse()));
    List<String> registered = new ArrayList<>();
    for (String key : config.tables().keySet()) {
      String path = config.tablePath(key);
      if (DeltaTable.isDeltaTable(spark, path)) {
        publisher.register(config.tables().get(key), path);
        registered.add(config.tableName(key));
      }
    }
    return registered;
  }
}
