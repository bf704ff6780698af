package org.hrssplan.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.sql.Row;
import org.hrssplan.testing.SeedMetrics;
import org.hrssplan.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.hrssplan.config.MetricParameters;

class RegionClusteringTest {
  @Test
  void everyRegionGetsAClusterAndTheSameOneOnEveryRun() throws Exception {
    var scorecard = SeedMetrics.get().get("agg_region_scorecard");
    List<Row> first = RegionClustering.cluster(SharedSpark.get(), scorecard, MetricParameters.DEFAULTS).orderBy("region_code").collectAsList();
    List<Row> second = RegionClustering.cluster(SharedSpark.get(), scorecard, MetricParameters.DEFAULTS).orderBy("region_code").collectAsList();
    assertEquals(5, first.size());
    assertEquals(first, second, "fixed seed, one partition: deterministic");
    for (Row r : first) {
      int c = r.getAs("cluster");
      assertTrue(c == 0 || c == 1, r.toString());
    }
    // the region with the lowest 十四五 median ambition, most targets below the current level (达川: 0.68, 9 of 14) is
    // apart from the one with the highest (叙永: 1.05, 4 of 20). (嘉定, 2 of 3 below with the tables alone, now has a
    // fourth target from its prose — 和谐劳动关系达标企业 保持在731家 — and sits with the others.)
    int dachuan = first.stream().filter(r -> r.getAs("region_code").equals("511703")).findFirst().orElseThrow().getAs("cluster");
    int xuyong = first.stream().filter(r -> r.getAs("region_code").equals("510524")).findFirst().orElseThrow().getAs("cluster");
    assertTrue(dachuan != xuyong);
  }
}
