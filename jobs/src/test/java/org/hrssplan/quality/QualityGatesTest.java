package org.hrssplan.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.hrssplan.extract.CorpusExtractor;
import org.hrssplan.extract.ExtractionResult;
import org.hrssplan.model.Observation;
import org.hrssplan.tables.Schemas;
import org.hrssplan.testing.SharedSpark;
import org.hrssplan.testing.TestFixtures;
import org.junit.jupiter.api.Test;

class QualityGatesTest {
  private static final Map<String, GateRule> RULES = Map.of(
      "quarantine_share", new GateRule("quarantine_share", 0.05, "fail"),
      "rejected_documents", new GateRule("rejected_documents", 0, "warn"),
      "unknown_indicators", new GateRule("unknown_indicators", 0, "warn"),
      "region_lost_indicator", new GateRule("region_lost_indicator", 0, "fail"),
      "value_changed_same_document", new GateRule("value_changed_same_document", 0, "fail"),
      "tables_not_read", new GateRule("tables_not_read", 0, "fail"));

  private record Frames(Dataset<Row> observations, Dataset<Row> accounting) {}

  private static Frames frames(List<ExtractionResult> results, java.util.function.UnaryOperator<Observation> edit) {
    SparkSession spark = SharedSpark.get();
    List<Row> obs = new ArrayList<>();
    List<Row> acc = new ArrayList<>();
    for (ExtractionResult r : results) {
      for (Observation o : r.observations()) obs.add(org.hrssplan.tables.Rows.observation(edit.apply(o)));
      acc.add(accountRow(r));
    }
    return new Frames(spark.createDataFrame(obs, Schemas.OBSERVATION), spark.createDataFrame(acc, Schemas.ACCOUNT));
  }

  private static Row accountRow(ExtractionResult r) {
    var a = r.account();
    return org.apache.spark.sql.RowFactory.create(a.sourceFile(), a.sha256(), a.encoding(), a.format(), a.regionCode(), a.regionName(),
        a.status(), a.tables(), a.indicatorRows(), a.valueCellsFound(), a.proseTargetsFound(), a.observations(), a.quarantinedCells(),
        a.findings());
  }

  private static Map<String, GateResult> byName(List<GateResult> results) {
    Map<String, GateResult> m = new java.util.HashMap<>();
    results.forEach(g -> m.put(g.rule().name(), g));
    return m;
  }

  @Test
  void theSeedsPassEveryGateAgainstThemselves() throws Exception {
    var seeds = new CorpusExtractor(TestFixtures.extractor()).extractAll(CorpusExtractor.listInputs(TestFixtures.plansDir()));
    Frames f = frames(seeds, o -> o);
    List<GateResult> r = QualityGates.evaluate(RULES, f.observations(), f.accounting(), f.observations(), f.accounting());
    assertEquals(6, r.size());
    assertTrue(r.stream().allMatch(GateResult::passed), r.toString());
  }

  @Test
  void theBadInputCorpusBreachesTheQuarantineAndRejectionGates() throws Exception {
    var bad = new CorpusExtractor(TestFixtures.extractor()).extractAll(CorpusExtractor.listInputs(TestFixtures.resource("fixtures/bad-input")));
    Frames f = frames(bad, o -> o);
    Map<String, GateResult> r = byName(QualityGates.evaluate(RULES, f.observations(), f.accounting(), null, null));
    assertFalse(r.get("quarantine_share").passed());
    assertTrue(r.get("quarantine_share").blocks(), "fail action blocks publishing");
    // found: a 6 + c 4 + e 16 + g 6 + j 4 + l 5 + m 4 + n 4 + p 4 + q 3 + r 2 + s 3 + t 4 + u 2 + v 2 + w 2 + x 2 + y 4 + z 2
    //        + za 2 + zb 2 + datasets zf 2 + zi 3 + zj 2 = 90;
    // quarantined: e 9 + g 6 + l 1 + q 3 + r 2 + s 1 + t 4 + u 1 + v 1 + y 4 + z 1 + zi 2 + zj 1 = 36
    assertTrue(r.get("quarantine_share").measured().startsWith("34 of 90 cells quarantined"), r.get("quarantine_share").measured());
    assertFalse(r.get("rejected_documents").passed());
    assertFalse(r.get("rejected_documents").blocks(), "warn only");
    assertFalse(r.get("unknown_indicators").passed());
    // e (a row of 3 cells under 4 headers), l (a truncated last row): partially read; q (no header), r (no period),
    // t (its only row does not fit): no table read
    assertFalse(r.get("tables_not_read").passed());
    assertTrue(r.get("tables_not_read").blocks(), "a table found and not read stops publication by default");
    assertTrue(r.get("tables_not_read").measured().startsWith("5 document(s)"), r.get("tables_not_read").measured());
    assertTrue(r.get("tables_not_read").measured().contains("q_header_missing.txt (no_table_read)"), r.get("tables_not_read").measured());
    assertEquals(4, r.size(), "no previous tables: the two comparison gates are not evaluated");
  }

  @Test
  void aLostIndicatorAndAMovedValueOfAnUnchangedDocumentAreCaught() throws Exception {
    var seeds = new CorpusExtractor(TestFixtures.extractor()).extractAll(CorpusExtractor.listInputs(TestFixtures.plansDir()));
    Frames yesterday = frames(seeds, o -> o);
    // tonight: 达川's 失业保险参保人数 rows are gone, and one 叙永 value changed although its file did not
    Frames tonight = frames(seeds, o -> o.observationId().equals("001_2751235d0c90732c.txt:L16:专栏1:c3")
        ? new Observation(o.observationId(), o.regionCode(), o.regionName(), o.planPeriod(), o.indicatorId(), o.indicatorNameRaw(), o.role(),
            o.year(), o.valueKind(), 2.5, null, null, o.unit(), o.valueRaw(), o.unitRaw(), o.comparator(), o.cumulative(), o.annual(), o.attribute(),
            o.note(), o.sourceKind(), o.sourceFile(), o.sourceLine(), o.sourceLocator(), o.sourceTable(), o.sourceColumn(), o.qualityFlags())
        : o);
    Dataset<Row> tonightObs = tonight.observations()
        .where("NOT (region_code = '511703' AND indicator_id = 'unemployment_insurance_insured')");
    Map<String, GateResult> r = byName(QualityGates.evaluate(RULES, tonightObs, tonight.accounting(), yesterday.observations(),
        yesterday.accounting()));
    assertFalse(r.get("region_lost_indicator").passed());
    assertTrue(r.get("region_lost_indicator").measured().contains("511703"), r.get("region_lost_indicator").measured());
    assertFalse(r.get("value_changed_same_document").passed());
    assertTrue(r.get("value_changed_same_document").measured().startsWith("1 value(s)"), r.get("value_changed_same_document").measured());
  }
}
