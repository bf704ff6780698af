package org.hrssplan.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.hrssplan.catalog.Indicator;
import org.hrssplan.catalog.Polarity;
import org.hrssplan.document.RegionDirectory;
import org.hrssplan.extract.PlanExtractor;
import org.hrssplan.extract.QualityThresholds;
import org.hrssplan.testing.TestFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The synthetic corpus: read exactly by the extractor, deterministic, varied, and checked by a verifier that can fail. */
class SyntheticCorpusTest {
  private static final int DOCUMENTS = 30;
  private static final long SEED = 42L;

  @TempDir static Path tmp;
  private static Path corpus;
  private static SyntheticCorpus.Summary summary;
  private static List<Map<String, String>> expected;

  @BeforeAll
  static void writeCorpus() throws IOException {
    corpus = tmp.resolve("corpus");
    summary = new SyntheticCorpus(TestFixtures.catalog()).write(DOCUMENTS, SEED, corpus);
    expected = rows(Files.readString(corpus.resolve(SyntheticCorpus.EXPECTED)));
  }

  @Test
  void thirtyDocumentsExtractExactlyToTheExpectedRowsWithNothingQuarantined() throws IOException {
    CorpusVerifier.Report r = verify(corpus.resolve(SyntheticCorpus.EXPECTED));
    assertEquals(DOCUMENTS, r.documents());
    assertEquals(0, r.quarantined(), "quarantined: " + r.problems());
    assertEquals(0, r.documentsNotExtracted(), r.problems().toString());
    assertTrue(r.missing().isEmpty() && r.unexpected().isEmpty(),
        "missing " + r.missing().size() + ": " + r.missing().stream().limit(10).toList() + "\nunexpected " + r.unexpected().size() + ": "
            + r.unexpected().stream().limit(10).toList());
    assertEquals(expected.size(), r.observations());
    assertTrue(r.exact());
  }

  @Test
  void sameSeedGivesIdenticalBytesAndAnotherSeedDifferentOnes() throws IOException {
    Path again = tmp.resolve("again");
    Path other = tmp.resolve("other");
    new SyntheticCorpus(TestFixtures.catalog()).write(DOCUMENTS, SEED, again);
    new SyntheticCorpus(TestFixtures.catalog()).write(DOCUMENTS, SEED + 1, other);
    List<Path> files = files(corpus);
    assertEquals(files.stream().map(corpus::relativize).toList(), files(again).stream().map(again::relativize).toList());
    for (Path f : files) assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(again.resolve(corpus.relativize(f))), f.toString());
    assertFalse(Files.readString(corpus.resolve(SyntheticCorpus.EXPECTED)).equals(Files.readString(other.resolve(SyntheticCorpus.EXPECTED))));
    assertFalse(Files.readString(corpus.resolve(SyntheticCorpus.REGIONS)).equals(Files.readString(other.resolve(SyntheticCorpus.REGIONS))));
  }

  @Test
  void aSmallCorpusIsAPrefixOfALargerOne() throws IOException {
    Path small = tmp.resolve("small");
    new SyntheticCorpus(TestFixtures.catalog()).write(5, SEED, small);
    for (Path f : files(small.resolve(SyntheticCorpus.PLANS))) {
      assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(corpus.resolve(SyntheticCorpus.PLANS).resolve(f.getFileName())));
    }
  }

  @Test
  void thirtyDocumentsCoverEveryLayoutAndValueForm() throws IOException {
    Set<String> layouts = new HashSet<>();
    Map<String, List<String>> lines = new HashMap<>();
    for (Map<String, String> r : expected) {
      if (!r.get("source_kind").equals("table")) continue;
      SynthLayout layout = layoutOf(r.get("source_file"));
      List<String> doc = lines.computeIfAbsent(r.get("source_file"), f -> read(corpus.resolve(SyntheticCorpus.PLANS).resolve(f)));
      String line = doc.get(Integer.parseInt(r.get("source_line")) - 1);
      boolean shaped = switch (layout) {
        case PIPE_ROWS, TWO_LEVEL -> line.contains("|");
        case TAB_CELLS -> line.startsWith("\t") || doc.get(Integer.parseInt(r.get("source_line")) - 2).equals("\t");
        case BARE_LINES, BLANK_CELLS -> !line.contains("|") && !line.contains("\t");
        case HTML -> line.startsWith("<tr>") && line.contains("<td");
        case RULED -> false; // Word and PDF: not in a text and HTML corpus
      };
      assertTrue(shaped, layout + " value line " + r.get("source_file") + ":" + r.get("source_line") + ": " + line);
      layouts.add(layout.name().toLowerCase(java.util.Locale.ROOT));
    }
    assertEquals(summary.documentsPerLayout().keySet(), layouts, "every shape has table rows");
    assertTrue(count(r -> r.get("source_kind").equals("prose")) >= DOCUMENTS * 3, "prose targets in every document");
    assertTrue(count(r -> r.get("source_kind").equals("table") && r.get("is_cumulative").equals("true")) > 0, "five-year sums in tables");
    assertTrue(count(r -> r.get("value_raw").startsWith("[")) > 0 && count(r -> r.get("value_raw").startsWith("【")) > 0);
    assertTrue(count(r -> r.get("is_annual").equals("true")) > 0, "per-year values");
    for (String c : List.of("<=", "<", ">=", ">", "~")) assertTrue(count(r -> r.get("comparator").equals(c)) > 0, "comparator " + c);
    for (String k : List.of("number", "missing", "qualitative", "ratio")) assertTrue(count(r -> r.get("value_kind").equals(k)) > 0, k);
    for (String f : List.of("unit_assumed", "indicator_marked")) assertTrue(count(r -> r.get("flags").contains(f)) > 0, f);
    assertTrue(count(r -> r.get("attribute").equals("binding")) > 0 && count(r -> r.get("attribute").equals("anticipatory")) > 0);
    assertTrue(missedTargets() > 0, "some 十三五 targets missed");
    assertTrue(declines() > 0, "some figures decline against their base");
    Set<String> regions = new HashSet<>();
    expected.forEach(r -> regions.add(r.get("region_code")));
    assertEquals(DOCUMENTS, regions.size(), "every document recognized as its own region");
  }

  @Test
  void verifyReportsADifferenceWhenOneExpectedValueIsAltered() throws IOException {
    String csv = Files.readString(corpus.resolve(SyntheticCorpus.EXPECTED));
    List<Map<String, String>> rows = rows(csv);
    String[] lines = csv.split("\n", -1);
    int victim = -1; // a number row without quoted cells, so that its 13th cell (value) can be changed alone
    for (int i = 0; i < rows.size() && victim < 0; i++) if (!rows.get(i).get("value").isEmpty() && !lines[i + 1].contains("\"")) victim = i;
    String[] cells = lines[victim + 1].split(",", -1);
    int valueColumn = ExpectedObservation.COLUMNS.indexOf("value");
    cells[valueColumn] = new java.math.BigDecimal(cells[valueColumn]).add(java.math.BigDecimal.ONE).toPlainString();
    String altered = String.join(",", cells);
    assertFalse(altered.equals(lines[victim + 1]), "the row was altered");
    lines[victim + 1] = altered;
    Path changed = tmp.resolve("altered.csv");
    Files.writeString(changed, String.join("\n", lines), StandardCharsets.UTF_8);
    CorpusVerifier.Report r = verify(changed);
    assertFalse(r.exact());
    assertEquals(1, r.missing().size(), r.missing().toString());
    assertEquals(1, r.unexpected().size(), r.unexpected().toString());
  }

  @Test
  void theDocumentsTakeTheSixShapesInTurn() {
    Map<String, Integer> perShape = new java.util.LinkedHashMap<>();
    for (SynthLayout l : SynthLayout.IN_TURN) perShape.put(l.name().toLowerCase(java.util.Locale.ROOT), DOCUMENTS / 6);
    assertEquals(perShape, summary.documentsPerLayout());
    for (Path f : plans()) assertEquals(layoutOf(f.getFileName().toString()).extension(),
        f.getFileName().toString().substring(f.getFileName().toString().lastIndexOf('.')), f.toString());
  }

  @Test
  void blankCellsShapePrintsUnitAndAttributeColumnsBeforeTheValuesWithoutTabsPipesOrColumnLabels() {
    int docs = 0;
    for (Path f : plans(SynthLayout.BLANK_CELLS)) {
      docs++;
      List<String> doc = read(f);
      assertTrue(doc.stream().noneMatch(l -> l.contains("\t") || l.contains("|")), f + ": no TAB, no pipe");
      assertTrue(doc.stream().noneMatch(l -> l.matches("^\\s*(专栏|附表|表)\\d.*指标.*")), f + ": titles carry no 专栏N / 表N");
      List<String> cells = doc.stream().filter(l -> !l.isBlank()).toList();
      int header = cells.indexOf("单位");
      assertTrue(header > 0 && cells.get(header - 1).startsWith("指标") && cells.get(header + 1).contains("属性")
          && cells.get(header + 2).startsWith("20"), f + ": header 指标 / 单位 / 属性 / values");
      int at = doc.indexOf("单位");
      for (int i = at - 2; i <= at + 20; i += 2) assertTrue(!doc.get(i).isBlank() && doc.get(i + 1).isBlank(), f + ": one cell a line, blank between: " + (i + 1));
    }
    assertTrue(docs > 0);
    // a 单位 cell other than the catalog's unit: 人 for a 万人 indicator, the expected value converted exactly
    assertTrue(count(r -> layoutOf(r.get("source_file")) == SynthLayout.BLANK_CELLS && r.get("value_kind").equals("number")
        && r.get("value_raw").matches("\\d+(\\.\\d+)?")
        && new java.math.BigDecimal(r.get("value_raw")).compareTo(new java.math.BigDecimal(r.get("value"))) != 0) > 0);
    java.util.function.Predicate<Map<String, String>> blankCellsTable =
        r -> layoutOf(r.get("source_file")) == SynthLayout.BLANK_CELLS && r.get("source_kind").equals("table");
    assertTrue(count(blankCellsTable) > 0);
    assertEquals(0, count(r -> blankCellsTable.test(r) && !r.get("table_ref").matches("T[12]")), "no 专栏N: T + the table's position");
    assertEquals(0, count(r -> blankCellsTable.test(r) && r.get("attribute").isEmpty()), "every row has its 属性");
  }

  @Test
  void twoLevelShapePrintsTheFirstLevelCellOncePerGroup() {
    int shorter = 0;
    int docs = 0;
    for (Path f : plans(SynthLayout.TWO_LEVEL)) {
      docs++;
      List<String> doc = read(f);
      int width = -1;
      for (String l : doc) {
        if (l.startsWith("一级指标 | 二级指标 | 单位 | ")) width = l.split("\\|", -1).length;
        else if (width > 0 && l.contains("|") && !l.startsWith("注") && !l.startsWith("专栏")) {
          int w = l.split("\\|", -1).length;
          assertTrue(w == width || w == width - 1, f + ": " + l);
          if (w == width - 1) shorter++;
        } else if (!l.contains("|")) width = -1;
      }
    }
    assertTrue(docs > 0 && shorter > 0, "rows under a merged 一级指标 cell");
  }

  @Test
  void htmlShapeHasARowspanCategoryColumnATwoRowColspanHeaderAndLineBreaksInLabels() throws IOException {
    int docs = 0;
    for (Path f : plans(SynthLayout.HTML)) {
      docs++;
      String html = Files.readString(f);
      assertTrue(html.contains("<th colspan=\"2\">“十三五”时期</th>") && html.contains("<th colspan=\"2\">“十四五”时期</th>"), f.toString());
      assertTrue(html.contains("<th rowspan=\"2\">类别</th>") && html.matches("(?s).*<td rowspan=\"\\d+\">.*"), f.toString());
      for (String l : read(f)) if (l.contains("<tr>")) assertTrue(l.startsWith("<tr>") && l.endsWith("</tr>"), f + ": one line per row: " + l);
    }
    assertTrue(docs > 0);
    assertTrue(plans(SynthLayout.HTML).stream().anyMatch(f -> read(f).stream().anyMatch(l -> l.contains("<br>("))), "<br> in labels");
  }

  @Test
  void missingValuesPrintAsDashesAndBlankCellsAndComparatorsFullWidthNowAndThen() {
    for (String m : List.of("—", "-", "")) {
      assertTrue(count(r -> r.get("value_kind").equals("missing") && r.get("value_raw").equals(m)) > 0, "missing as '" + m + "'");
    }
    assertTrue(plans().stream().filter(f -> layoutOf(f.getFileName().toString()) != SynthLayout.TAB_CELLS)
        .anyMatch(f -> read(f).stream().anyMatch(l -> l.contains("＞"))), "full-width ＞ outside the TAB layout too");
  }

  // ------------------------------------------------------------------ helpers
  private static SynthLayout layoutOf(String fileName) {
    return SynthLayout.forDocument(Integer.parseInt(fileName.substring(1, 5)));
  }

  private static List<Path> plans() {
    try {
      return files(corpus.resolve(SyntheticCorpus.PLANS));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<Path> plans(SynthLayout layout) {
    return plans().stream().filter(f -> layoutOf(f.getFileName().toString()) == layout).toList();
  }

  private static CorpusVerifier.Report verify(Path expectedCsv) throws IOException {
    RegionDirectory regions;
    try (Reader r = Files.newBufferedReader(corpus.resolve(SyntheticCorpus.REGIONS))) {
      regions = RegionDirectory.read(r, "regions.csv");
    }
    assertTrue(regions.problems().isEmpty(), regions.problems().toString());
    PlanExtractor extractor = new PlanExtractor(TestFixtures.catalog(), regions, QualityThresholds.DEFAULTS);
    try (Reader r = Files.newBufferedReader(expectedCsv)) {
      return new CorpusVerifier(extractor).verify(r, expectedCsv.toString(), corpus.resolve(SyntheticCorpus.PLANS));
    }
  }

  /** 十三五 rows whose 2020 actual falls short of the target in the indicator's direction. */
  private static long missedTargets() {
    Map<String, Map<String, Double>> byRow = figures("13th");
    return byRow.entrySet().stream().filter(e -> {
      Double t = e.getValue().get("target");
      Double a = e.getValue().get("actual");
      if (t == null || a == null) return false;
      return polarity(e.getKey()) == Polarity.LOWER ? a > t : a < t;
    }).count();
  }

  /** Rows whose target (十四五) or actual (十三五) is worse than the base. */
  private static long declines() {
    long n = 0;
    for (String period : List.of("13th", "14th")) {
      for (var e : figures(period).entrySet()) {
        Double b = e.getValue().get("base");
        Double later = e.getValue().get(period.equals("13th") ? "actual" : "target");
        if (b != null && later != null && polarity(e.getKey()) == Polarity.HIGHER && later < b) n++;
      }
    }
    return n;
  }

  /** file|indicator → role → value, for the numbers of one period's tables. */
  private static Map<String, Map<String, Double>> figures(String period) {
    Map<String, Map<String, Double>> out = new HashMap<>();
    for (Map<String, String> r : expected) {
      if (!r.get("source_kind").equals("table") || !r.get("plan_period").equals(period) || r.get("value").isEmpty()) continue;
      out.computeIfAbsent(r.get("source_file") + "|" + r.get("indicator_id"), k -> new HashMap<>())
          .put(r.get("role"), Double.valueOf(r.get("value")));
    }
    return out;
  }

  private static Polarity polarity(String fileAndIndicator) {
    String id = fileAndIndicator.substring(fileAndIndicator.indexOf('|') + 1);
    return TestFixtures.catalog().byId(id).map(Indicator::polarity).orElseThrow();
  }

  private static long count(java.util.function.Predicate<Map<String, String>> p) {
    return expected.stream().filter(p).count();
  }

  private static List<Map<String, String>> rows(String csv) throws IOException {
    List<Map<String, String>> out = new ArrayList<>();
    try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
        .with(CsvSchema.emptySchema().withHeader()).readValues(new StringReader(csv))) {
      while (it.hasNext()) out.add(it.next());
    }
    return out;
  }

  private static List<String> read(Path p) {
    try {
      return Files.readAllLines(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
