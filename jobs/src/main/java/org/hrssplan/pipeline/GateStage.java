package org.hrssplan.pipeline;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.hrssplan.quality.GateResult;
import org.hrssplan.quality.QualityGates;
import org.hrssplan.tables.PublishedTable;

/** The gates stage: the quality gates on tonight's extraction, against the tables as last published. */
final class GateStage {
  private GateStage() {}

  static List<GateResult> run(StageContext ctx, Map<PublishedTable, Dataset<Row>> extracted) {
    boolean published = io.delta.tables.DeltaTable.isDeltaTable(ctx.spark, ctx.config.tablePath(PublishedTable.OBSERVATIONS.name()))
        && io.delta.tables.DeltaTable.isDeltaTable(ctx.spark, ctx.config.tablePath(PublishedTable.ACCOUNTING.name()));
    List<GateResult> gates = QualityGates.evaluate(ctx.config.gates(), extracted.get(PublishedTable.OBSERVATIONS),
        extracted.get(PublishedTable.ACCOUNTING), published ? ctx.published(PublishedTable.OBSERVATIONS) : null,
        published ? ctx.published(PublishedTable.ACCOUNTING) : null);
    for (GateResult g : gates) ctx.progress.accept("      gate " + g);
    return List.copyOf(gates);
  }

  /** Stops the run, nothing published, when a gate set to fail failed. */
  static void requirePassed(List<GateResult> gates) {
    if (gates.stream().anyMatch(GateResult::blocks)) {
      throw new NightlyPipeline.PipelineFailure("quality gate failed, nothing published: " + gates.stream().filter(GateResult::blocks).toList());
    }
  }
}
