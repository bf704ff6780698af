package org.hrssplan.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.hrssplan.extract.CorpusExtractor;
import org.hrssplan.extract.ExtractionResult;
import org.hrssplan.extract.Finding;
import org.hrssplan.model.Observation;

import org.hrssplan.config.MetricParameters;
import org.hrssplan.tables.Rows;
import org.hrssplan.tables.Schemas;

/** The metric models run once on the five seeds' observations (extracted in-process, no Delta), shared by tests; and their inputs. */
public final class SeedMetrics {
  private static Map<String, Dataset<Row>> metrics;

  private SeedMetrics() {}

  private static MetricInputs inputs;

  public static synchronized Map<String, Dataset<Row>> get() throws Exception {
    if (metrics == null) metrics = inputs().compute(SharedSpark.get(), MetricParameters.DEFAULTS);
    return metrics;
  }

  /** The four tables the models read, from the five seeds (extracted in-process, once per test JVM). */
  public static synchronized MetricInputs inputs() throws Exception {
    if (inputs == null) {
      SparkSession spark = SharedSpark.get();
      List<Observation> obs = new ArrayList<>();
      List<Finding> findings = new ArrayList<>();
      for (ExtractionResult r : new CorpusExtractor(TestFixtures.extractor()).extractAll(CorpusExtractor.listInputs(TestFixtures.plansDir()))) {
        obs.addAll(r.observations());
        findings.addAll(r.findings());
      }
      inputs = new MetricInputs(
          spark.createDataFrame(obs.stream().map(Rows::observation).toList(), Schemas.OBSERVATION),
          spark.createDataFrame(TestFixtures.catalog().indicators().stream().map(Rows::indicator).toList(), Schemas.INDICATOR),
          spark.createDataFrame(TestFixtures.regions().regions().stream().map(Rows::region).toList(), Schemas.REGION),
          spark.createDataFrame(findings.stream().map(Rows::finding).toList(), Schemas.FINDING));
    }
    return inputs;
  }

  /** The single row of a model for region × indicator (× extra equality filters as SQL). */
  public static Row one(String model, String region, String indicator, String andWhere) throws Exception {
    List<Row> rows = get().get(model).where("region_code = '" + region + "' AND indicator_id = '" + indicator + "'"
        + (andWhere == null ? "" : " AND " + andWhere)).collectAsList();
    if (rows.size() != 1) throw new AssertionError(model + " " + region + " " + indicator + ": expected one row, got " + rows);
    return rows.get(0);
  }
}
