package org.hrssplan.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hrssplan.model.Observation;
import org.hrssplan.model.SourceKind;
import org.hrssplan.testing.TestFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The extractor against the hand-written golden rows (src/test/resources/golden/observations.golden.csv,
 * see its README): every table cell and prose target of the five seed documents, compared exactly.
 */
class GoldenObservationsTest {
  private static final List<String> COLUMNS = List.of("source_file", "source_line", "source_kind", "region_code", "plan_period",
      "table_ref", "indicator_name_raw", "indicator_id", "role", "year", "value_kind", "value_raw", "value", "unit", "comparator",
      "is_cumulative", "is_annual", "attribute", "flags");

  private static List<Observation> extracted;
  private static final java.util.regex.Pattern GOAL_HEADING = java.util.regex.Pattern.compile("^.{0,12}(主要目标|发展目标).{0,3}$");

  @BeforeAll
  static void extractSeeds() throws IOException {
    extracted = new ArrayList<>();
    for (ExtractionResult r : new CorpusExtractor(TestFixtures.extractor()).extractAll(CorpusExtractor.listInputs(TestFixtures.plansDir()))) {
      // the golden rows are the tables' cells and the 主要目标 section's targets; prose figures elsewhere are measured
      // against their own hand-written rows (ProseFiguresTest)
      r.observations().stream().filter(GoldenObservationsTest::inScope).forEach(extracted::add);
    }
  }

  @Test
  void extractedObservationsEqualTheGoldenRowsExactly() throws IOException {
    Map<String, Integer> expected = count(golden());
    Map<String, Integer> actual = count(extracted.stream().map(GoldenObservationsTest::project).toList());
    List<String> missing = new ArrayList<>();
    List<String> unexpected = new ArrayList<>();
    for (var e : expected.entrySet()) {
      int diff = e.getValue() - actual.getOrDefault(e.getKey(), 0);
      for (int i = 0; i < diff; i++) missing.add(e.getKey());
    }
    for (var e : actual.entrySet()) {
      int diff = e.getValue() - expected.getOrDefault(e.getKey(), 0);
      for (int i = 0; i < diff; i++) unexpected.add(e.getKey());
    }
    if (!missing.isEmpty() || !unexpected.isEmpty()) {
      fail("columns " + COLUMNS + "\nexpected but not extracted (" + missing.size() + "):\n  " + String.join("\n  ", missing)
          + "\nextracted but not expected (" + unexpected.size() + "):\n  " + String.join("\n  ", unexpected));
    }
  }

  @Test
  void everySeedDocumentContributesTableAndProseRows() throws IOException {
    Map<String, Integer> perFile = new TreeMap<>();
    for (Observation o : extracted) perFile.merge(o.sourceFile() + " " + o.sourceKind(), 1, Integer::sum);
    assertEquals(10, perFile.size(), "five documents × {table, prose}: " + perFile);
    assertTrue(extracted.size() >= 373, "all golden rows present");
  }

  /**
   * Whether the golden rows cover an observation: every table cell and the 主要目标 section's targets. Figures stated in
   * the rest of the prose are measured against their own hand-written rows ({@link ProseFiguresTest}).
   */
  static boolean inScope(Observation o) {
    return !SourceKind.PROSE.code().equals(o.sourceKind()) || GOAL_HEADING.matcher(s(o.sourceColumn())).matches();
  }

  static List<String> golden() throws IOException {
    CsvMapper mapper = new CsvMapper();
    List<String> rows = new ArrayList<>();
    try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
        .with(CsvSchema.emptySchema().withHeader())
        .readValues(Files.newBufferedReader(TestFixtures.resource("golden/observations.golden.csv")))) {
      while (it.hasNext()) {
        Map<String, String> r = it.next();
        List<String> cells = new ArrayList<>();
        for (String c : COLUMNS) cells.add(c.equals("value") ? num(r.get(c)) : r.get(c));
        rows.add(String.join(" | ", cells));
      }
    }
    return rows;
  }

  static String project(Observation o) {
    return String.join(" | ", List.of(o.sourceFile(), String.valueOf(o.sourceLine()), o.sourceKind(), s(o.regionCode()), o.planPeriod(),
        s(o.sourceTable()), s(o.indicatorNameRaw()), s(o.indicatorId()), o.role(), String.valueOf(o.year()), o.valueKind(),
        s(o.valueRaw()), o.value() == null ? "" : num(ObservationCsv.plain(o.value())), s(o.unit()), s(o.comparator()),
        String.valueOf(o.cumulative()), String.valueOf(o.annual()), s(o.attribute()), s(o.qualityFlags())));
  }

  private static String num(String v) {
    return v == null || v.isEmpty() ? "" : new BigDecimal(v).stripTrailingZeros().toPlainString();
  }

  private static String s(String v) {
    return v == null ? "" : v;
  }

  private static Map<String, Integer> count(List<String> rows) {
    Map<String, Integer> m = new TreeMap<>();
    for (String r : rows) m.merge(r, 1, Integer::sum);
    return m;
  }
}
