package org.hrssplan.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hrssplan.config.AppConfig;
import org.hrssplan.metrics.MetricModel;
import org.hrssplan.metrics.MetricModels;
import org.hrssplan.testing.TestConfig;
import org.hrssplan.testing.TestFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One registry of the published tables, and what is derived from it. */
class PublishedTableTest {
  private static final Set<String> INPUTS = Set.of("fct_observation", "dim_indicator", "dim_region", "dq_findings");

  @Test
  void theDocumentedTableListIsTheRegistryInItsOrderAndLayers() throws Exception {
    String page = Files.readString(TestFixtures.repoRoot().resolve("docs/tables-and-metrics.md"));
    int start = page.indexOf("\n## Tables\n");
    assertTrue(start >= 0, "docs/tables-and-metrics.md has a section \"## Tables\"");
    String section = page.substring(start, page.indexOf("\n## ", start + 3));
    List<String> listed = new ArrayList<>();
    Matcher m = Pattern.compile("(?m)^\\| `([a-z_]+)` \\| ([a-z]+) \\|").matcher(section);
    while (m.find()) listed.add(m.group(1) + " " + m.group(2));
    assertEquals(PublishedTable.ALL.stream().map(t -> t.name() + " " + t.layer()).toList(), listed);
  }

  @Test
  void theModelsRunAfterTheTablesTheyReadWhateverOrderTheyAreListedIn() {
    Map<String, MetricModel> models = org.hrssplan.metrics.MetricModels.ofPublishedTables();
    assertEquals(Set.of("fct_observation", "dim_indicator", "dq_findings"), models.get("fct_growth").reads());
    assertEquals(Set.of("fct_growth"), models.get("fct_ambition").reads());
    assertEquals(Set.of("fct_target_attainment", "fct_ambition", "dim_region"), models.get("agg_region_scorecard").reads());
    List<String> order = MetricModels.order(INPUTS, models);
    var reversed = new java.util.LinkedHashMap<String, MetricModel>();
    List<String> names = new ArrayList<>(models.keySet());
    java.util.Collections.reverse(names);
    names.forEach(k -> reversed.put(k, models.get(k)));
    for (List<String> o : List.of(order, MetricModels.order(INPUTS, reversed))) {
      for (String table : o) {
        for (String read : models.get(table).reads()) {
          if (models.containsKey(read)) assertTrue(o.indexOf(read) < o.indexOf(table), table + " runs after " + read + ": " + o);
        }
      }
      assertEquals(Set.copyOf(models.keySet()), Set.copyOf(o));
    }
  }

  @Test
  void aModelReadingATableThatIsNeitherAnInputNorAModelIsRefused() {
    var models = new java.util.LinkedHashMap<>(org.hrssplan.metrics.MetricModels.ofPublishedTables());
    models.remove("fct_growth");
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> MetricModels.order(INPUTS, models));
    assertTrue(e.getMessage().contains("fct_ambition.sql reads fct_growth"), e.getMessage());
  }

  @Test
  void aTableIsFoundByItsNameWithOrWithoutTheDatabase() {
    assertEquals(PublishedTable.TARGET_ATTAINMENT, PublishedTable.named("hrss.fct_target_attainment").orElseThrow());
    assertEquals(PublishedTable.RUNS, PublishedTable.named("ops_job_runs").orElseThrow());
    assertTrue(PublishedTable.named("attainment").isEmpty());
  }

  @Test
  void aConfigThatStillNamesTablesIsRefusedWithTheReason(@TempDir Path tmp) throws Exception {
    Path yaml = TestConfig.base().adding("tables.attainment", "fct_target_attainment").write(tmp.resolve("old.yaml"));
    java.io.IOException e = assertThrows(java.io.IOException.class, () -> AppConfig.load(yaml));
    assertTrue(e.getMessage().contains("`tables:` is not a setting"), e.getMessage());
  }

  @Test
  void metricColumnCommentsCarryTheConfiguredThresholds() {
    var params = new org.hrssplan.config.MetricParameters(0.05, 0.9, 0.5, 3.0, 2, 42L);
    var commented = ColumnComments.apply("agg_indicator_cross_region",
        org.apache.spark.sql.types.StructType.fromDDL("is_outlier BOOLEAN"), params);
    assertEquals("|robust_z| > 3.0 (Iglewicz & Hoaglin); NULL when mad = 0", commented.apply("is_outlier").getComment().get());
    String status = ColumnComments.apply("fct_target_attainment", org.apache.spark.sql.types.StructType.fromDDL("status STRING"), params)
        .apply("status").getComment().get();
    assertTrue(status.contains("on_track (R ≥ 0.9) | acceleration_needed (0.5–0.9)"), status);
  }
}
