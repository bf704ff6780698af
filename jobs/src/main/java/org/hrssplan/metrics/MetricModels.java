package org.hrssplan.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.hrssplan.config.MetricParameters;
import org.hrssplan.tables.PublishedTable;

/**
 * The metric models as one transform: the input tables in (registered as views under their table names), every
 * model's table out, in dependency order. The order is derived from what each model reads, not written down: a
 * model runs once every model it reads has run, models otherwise in the order given.
 */
public final class MetricModels {
  private MetricModels() {}

  /**
   * The model of every metric table of the registry, in its order: the table's SQL file, or the Java model of a table
   * not computed by SQL.
   */
  public static Map<String, MetricModel> ofPublishedTables() {
    Map<String, MetricModel> java = Map.of(PublishedTable.CLUSTERS.name(), RegionClustering.model(PublishedTable.SCORECARD.name()));
    Map<String, MetricModel> models = new LinkedHashMap<>();
    for (PublishedTable t : PublishedTable.METRIC_TABLES) {
      MetricModel m = t.sqlModel() ? SqlModel.of(t.name()) : java.get(t.name());
      if (m == null) throw new IllegalStateException("the metric table " + t.name() + " has no model");
      models.put(t.name(), m);
    }
    return models;
  }

  public static Map<String, Dataset<Row>> compute(SparkSession spark, Map<String, Dataset<Row>> inputs, Map<String, MetricModel> models,
      MetricParameters params) {
    return compute(spark, inputs, models, params, (table, millis) -> {});
  }

  /** Done with one model: its table and the milliseconds it took. */
  public interface ModelListener {
    default void starting(String table) {}

    void done(String table, long millis);
  }

  /** The same, telling {@code listener} when each model starts and how long it took (each is computed when it runs). */
  public static Map<String, Dataset<Row>> compute(SparkSession spark, Map<String, Dataset<Row>> inputs, Map<String, MetricModel> models,
      MetricParameters params, ModelListener listener) {
    inputs.forEach((name, data) -> data.createOrReplaceTempView(name));
    Map<String, Dataset<Row>> out = new LinkedHashMap<>();
    for (String table : order(inputs.keySet(), models)) {
      listener.starting(table);
      long start = System.nanoTime();
      out.put(table, view(models.get(table).compute(spark, params), table));
      listener.done(table, (System.nanoTime() - start) / 1_000_000);
    }
    return out;
  }

  /** The models' tables in an order where each comes after the models it reads; an unknown or circular read fails. */
  public static List<String> order(java.util.Set<String> inputs, Map<String, MetricModel> models) {
    List<String> done = new ArrayList<>();
    while (done.size() < models.size()) {
      String next = models.entrySet().stream()
          .filter(m -> !done.contains(m.getKey()))
          .filter(m -> m.getValue().reads().stream().filter(models::containsKey).allMatch(done::contains))
          .map(Map.Entry::getKey).findFirst()
          .orElseThrow(() -> new IllegalStateException("metric models read each other in a circle: " + models.keySet()));
      done.add(next);
    }
    for (String table : done) {
      for (String read : models.get(table).reads()) {
        if (!inputs.contains(read) && !models.containsKey(read)) {
          throw new IllegalStateException(models.get(table) + " reads " + read + ", which is neither an input nor a model");
        }
      }
    }
    return done;
  }

  /**
   * Materializes a model once (eager local checkpoint) and registers it for the models that read it, so that no model
   * is recomputed by the ones downstream of it or by its own publication. On disk, not in memory: at 20M
   * observations the models hold millions of rows, and blocks cached in memory left the window sorts of the
   * cross-region model without execution memory (a 1 GiB heap failed there).
   */
  private static Dataset<Row> view(Dataset<Row> d, String name) {
    Dataset<Row> done = d.localCheckpoint(true, org.apache.spark.storage.StorageLevel.DISK_ONLY());
    done.createOrReplaceTempView(name);
    return done;
  }
}
