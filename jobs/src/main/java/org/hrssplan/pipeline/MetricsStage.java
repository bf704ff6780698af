package org.hrssplan.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.hrssplan.metrics.MetricModels;
import org.hrssplan.config.MetricParameters;
import org.hrssplan.tables.PublishedTable;

/** The metrics stage: every metric table computed by its model from the published extraction tables, and published. */
public final class MetricsStage {
  private MetricsStage() {}

  static List<PublishStage.TableWrite> run(StageContext ctx, ConcurrentWrites<PublishStage.TableWrite> writes, long observations) {
    ctx.progress.accept("[4/8] metrics: " + String.join(", ", PublishedTable.METRIC_TABLES.stream().map(PublishedTable::name).toList()));
    // each model's Spark jobs carry its table's name; its time is printed when it is done
    MetricModels.ModelListener listener = new MetricModels.ModelListener() {
      @Override
      public void starting(String table) {
        ctx.describe("compute " + table);
      }

      @Override
      public void done(String table, long millis) {
        ctx.progress.accept(String.format("      %-36s computed in %.1f s", table, millis / 1000.0));
      }
    };
    Map<String, Dataset<Row>> inputs = new LinkedHashMap<>();
    for (PublishedTable t : PublishedTable.METRIC_INPUTS) inputs.put(t.name(), ctx.published(t));
    Map<String, Dataset<Row>> computed = MetricModels.compute(ctx.spark, inputs, MetricModels.ofPublishedTables(), ctx.config.metrics(),
        listener);
    Map<PublishedTable, Dataset<Row>> tables = new LinkedHashMap<>();
    computed.forEach((name, data) -> tables.put(PublishedTable.named(name).orElseThrow(), data));
    return PublishStage.run(ctx, writes, tables, observations);
  }

  /** The metric tables by name, in the order their models run, from the four tables the models read. */
  public static Map<String, Dataset<Row>> compute(SparkSession spark, Dataset<Row> observations, Dataset<Row> indicators,
      Dataset<Row> regions, Dataset<Row> findings, MetricParameters params) {
    return MetricModels.compute(spark, inputs(observations, indicators, regions, findings), MetricModels.ofPublishedTables(), params);
  }

  /** The models' inputs by table name ({@link PublishedTable#METRIC_INPUTS}, in its order). */
  public static Map<String, Dataset<Row>> inputs(Dataset<Row> observations, Dataset<Row> indicators, Dataset<Row> regions,
      Dataset<Row> findings) {
    List<Dataset<Row>> given = List.of(observations, indicators, regions, findings);
    Map<String, Dataset<Row>> inputs = new LinkedHashMap<>();
    for (int i = 0; i < given.size(); i++) inputs.put(PublishedTable.METRIC_INPUTS.get(i).name(), given.get(i));
    return inputs;
  }
}
