package org.hrssplan.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.hrssplan.document.Region;
import org.hrssplan.document.RegionDirectory;
import org.hrssplan.extract.CorpusExtractor;
import org.hrssplan.extract.ExtractionResult;
import org.hrssplan.extract.Finding;
import org.hrssplan.model.Observation;
import org.hrssplan.extract.PlanExtractor;
import org.hrssplan.tables.Rows;
import org.hrssplan.tables.Schemas;
import org.hrssplan.extract.QualityThresholds;
import org.hrssplan.testing.SharedSpark;
import org.hrssplan.testing.TestFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.hrssplan.config.MetricParameters;

/**
 * A sixth plan (合川区, fixtures/sixth) added to the five seeds: the five regions' rows stay identical in every
 * per-region table; only the new region's rows appear, and the cross-region aggregates of the indicators it reports
 * change.
 */
class SixthDocumentTest {
  @TempDir Path tmp;

  private Map<String, Dataset<Row>> metrics(Path plans, RegionDirectory regions) throws Exception {
    SparkSession spark = SharedSpark.get();
    PlanExtractor extractor = new PlanExtractor(TestFixtures.catalog(), regions, QualityThresholds.DEFAULTS);
    List<Observation> obs = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    for (ExtractionResult r : new CorpusExtractor(extractor).extractAll(CorpusExtractor.listInputs(plans))) {
      obs.addAll(r.observations());
      findings.addAll(r.findings());
    }
    var m = new java.util.LinkedHashMap<>(org.hrssplan.pipeline.MetricsStage.compute(spark,
        spark.createDataFrame(obs.stream().map(Rows::observation).toList(), Schemas.OBSERVATION),
        spark.createDataFrame(TestFixtures.catalog().indicators().stream().map(Rows::indicator).toList(), Schemas.INDICATOR),
        spark.createDataFrame(regions.regions().stream().map(Rows::region).toList(), Schemas.REGION),
        spark.createDataFrame(findings.stream().map(Rows::finding).toList(), Schemas.FINDING), MetricParameters.DEFAULTS));
    m.put("fct_observation", spark.createDataFrame(obs.stream().map(Rows::observation).toList(), Schemas.OBSERVATION).localCheckpoint());
    return m;
  }

  private static List<String> rows(Dataset<Row> d, String where) {
    return d.where(where).collectAsList().stream().map(Row::toString).sorted().toList();
  }

  @Test
  void onlyTheNewRegionsRowsAndTheCrossRegionAggregatesChange() throws Exception {
    Map<String, Dataset<Row>> five = metrics(TestFixtures.plansDir(), TestFixtures.regions());
    List<String> before = new ArrayList<>();
    for (String t : List.of("fct_observation", "fct_target_attainment", "fct_growth", "fct_ambition", "agg_region_scorecard")) before.addAll(rows(five.get(t), "true"));
    List<String> crossBefore = rows(five.get("agg_indicator_cross_region"), "indicator_id = 'unemployment_insurance_insured'");

    Path plans = tmp.resolve("plans");
    Files.createDirectories(plans);
    for (Path p : Files.list(TestFixtures.plansDir()).toList()) Files.copy(p, plans.resolve(p.getFileName()));
    Files.copy(TestFixtures.resource("fixtures/sixth/005_hechuan.txt"), plans.resolve("005_hechuan.txt"));
    List<Region> regions = new ArrayList<>(TestFixtures.regions().regions());
    regions.add(new Region("500117", "合川区", "district", "", "重庆市", "005_hechuan.txt"));
    Map<String, Dataset<Row>> six = metrics(plans, RegionDirectory.of(regions));

    List<String> after = new ArrayList<>();
    for (String t : List.of("fct_observation", "fct_target_attainment", "fct_growth", "fct_ambition", "agg_region_scorecard")) {
      after.addAll(rows(six.get(t), "region_code <> '500117'"));
      assertTrue(six.get(t).where("region_code = '500117'").count() > 0, t + " has the new region");
    }
    assertEquals(before, after, "the five regions' rows are identical");
    assertEquals(10L, six.get("fct_observation").where("region_code = '500117'").count());   // 2 rows × 3 (十三五) + 2 rows × 2 (十四五)
    List<String> crossAfter = rows(six.get("agg_indicator_cross_region"), "indicator_id = 'unemployment_insurance_insured'");
    assertNotEquals(crossBefore, crossAfter, "cross-region aggregates include the new region");
    assertEquals(5L, six.get("agg_indicator_cross_region").where("indicator_id = 'unemployment_insurance_insured' AND metric = 'target_to_current'")
        .select("n_regions").first().getLong(0));
  }
}
