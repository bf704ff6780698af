package org.hrssplan.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.hrssplan.document.PlanDocument;
import org.hrssplan.model.Observation;
import org.hrssplan.testing.PdfMaker;
import org.hrssplan.testing.TestFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A PDF plan over more than one page (fixtures/pdf/page_break_table.pdf, printed by LibreOffice from the .docx beside
 * it, which {@code org.hrssplan.testing.PageBreakTablePlan} writes): the plan's title as a page header on every page, a
 * {@code - n -} PAGE-field footer, and a bordered indicator table (专栏1, 31 indicators, 类别 merged vertically) that
 * ends page 1 and goes on at the top of page 2 under its repeated header row. The rows it must give were written by
 * hand from the document into page_break_table.expected.csv, with the page each row is printed on. And a long PDF: a
 * plan's pages over and over (the 500-page figures are jobs/bench/pdf-pages.sh's; a test only checks a 100-page one
 * is read through).
 */
class PdfPagesTest {
  private static final String FIXTURE = "page_break_table.pdf";
  private static final String TITLE = "柳河县人力资源和社会保障事业发展“十四五”规划";
  private static ExtractionResult result;

  @BeforeAll
  static void extract() throws Exception {
    result = TestFixtures.shapesExtractor().extract(FIXTURE, bytes(FIXTURE));
  }

  private static byte[] bytes(String name) throws Exception {
    return Files.readAllBytes(TestFixtures.resource("fixtures/pdf/" + name));
  }

  @Test
  void aTableThatContinuesOnTheNextPageGivesTheHandWrittenRowsExactly() throws Exception {
    assertEquals("pdf", result.account().format());
    assertEquals("extracted", result.account().status(), result.findings().toString());
    assertEquals("990222", result.account().regionCode(), "柳河县, named in the title");
    List<String> expected = expected().stream().map(r -> row(r.get("table_ref"), r.get("plan_period"), r.get("indicator_name_raw"),
        r.get("indicator_id"), r.get("role"), r.get("year"), r.get("value_kind"), r.get("value_raw"), r.get("value"), r.get("unit"),
        r.get("comparator"), r.get("is_cumulative"), r.get("attribute"))).sorted().toList();
    List<String> got = result.observations().stream().map(o -> row(o.sourceTable(), o.planPeriod(), o.indicatorNameRaw(),
        o.indicatorId(), o.role(), String.valueOf(o.year()), o.valueKind(), o.valueRaw(), o.value() == null ? "" : ObservationCsv.plain(o.value()),
        o.unit(), o.comparator(), String.valueOf(o.cumulative()), o.attribute())).sorted().toList();
    assertEquals(String.join("\n", expected), String.join("\n", got));
    assertTrue(result.observations().stream().allMatch(o -> "990222".equals(o.regionCode()) && (o.qualityFlags() == null || o.qualityFlags().isEmpty())),
        "no flags: every label prints its unit and maps to the catalog");
  }

  @Test
  void aTableThatContinuesOnTheNextPageIsOneTable() {
    assertEquals(1, result.account().tables(), "the two pages' parts are one table");
    assertEquals(Set.of("专栏1"), result.observations().stream().map(Observation::sourceTable).collect(Collectors.toSet()));
    assertEquals(62, result.observations().size(), "31 indicators × (2020 base, 2025 target); the repeated header row is no row");
    assertEquals(31, result.observations().stream().map(Observation::indicatorNameRaw).distinct().count());
  }

  @Test
  void rowsPrintedOnPageTwoAreLocatedOnPageTwo() throws Exception {
    Map<String, String> pageOf = expected().stream()
        .collect(Collectors.toMap(r -> r.get("indicator_id") + " " + r.get("role"), r -> r.get("page")));
    List<String> wrong = new ArrayList<>();
    for (Observation o : result.observations()) {
      String page = pageOf.get(o.indicatorId() + " " + o.role());
      if (!o.sourceLocator().matches("p" + page + ":L\\d+")) wrong.add(o.indicatorNameRaw() + " " + o.role() + " @" + o.sourceLocator());
    }
    assertEquals(List.of(), wrong, "printed on page 2 → p2:L…, on page 1 → p1:L…");
    assertEquals(14, result.observations().stream().filter(o -> o.sourceLocator().startsWith("p2:")).count());
  }

  @Test
  void pageHeadersAndFootersGiveNoLineAndNoObservation() throws Exception {
    PlanDocument doc = PlanDocument.fromBytes(FIXTURE, bytes(FIXTURE));
    List<String> lines = doc.lines().stream().map(String::strip).toList();
    assertEquals(1, lines.stream().filter(TITLE::equals).count(), "the title once (page 1's body), not the header of each page: " + lines);
    assertFalse(lines.stream().anyMatch(l -> l.matches("-\\s*\\d+\\s*-")), "no page number line: " + lines);
    // the header is printed line 1 of each page and the footer the last: no observation points there
    Set<String> edges = new TreeSet<>(List.of("p1:L1", "p2:L1"));
    assertTrue(result.observations().stream().noneMatch(o -> edges.contains(o.sourceLocator())));
    assertTrue(result.observations().stream().noneMatch(o -> o.indicatorNameRaw().contains("规划") || o.valueRaw().matches("-\\s*\\d+\\s*-")));
  }

  @Test
  void aHundredPagePdfIsReadToItsLastPage() throws Exception {
    byte[] seed = bytes("001_2751235d0c90732c.pdf"); // 10 pages, 2 tables, 97 rows
    ExtractionResult r = TestFixtures.extractor().extract("long.pdf", PdfMaker.repeatPages(seed, 100));
    assertEquals("extracted", r.account().status());
    assertEquals(20, r.account().tables());
    assertEquals(10 * 97, r.observations().stream().filter(GoldenObservationsTest::inScope).count(), "each copy's golden rows");
    assertTrue(r.observations().stream().anyMatch(o -> o.sourceLocator().matches("p9\\d:L\\d+")), "rows of the last copy, pages 91–100");
  }

  private static String row(String... cells) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < cells.length; i++) {
      String c = cells[i] == null ? "" : cells[i];
      out.add(i == 8 && !c.isEmpty() ? new BigDecimal(c).stripTrailingZeros().toPlainString() : c);
    }
    return String.join(" | ", out);
  }

  private static List<Map<String, String>> expected() throws Exception {
    List<Map<String, String>> rows = new ArrayList<>();
    try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
        .with(CsvSchema.emptySchema().withHeader())
        .readValues(Files.newBufferedReader(TestFixtures.resource("fixtures/pdf/page_break_table.expected.csv")))) {
      while (it.hasNext()) rows.add(it.next());
    }
    return rows;
  }
}
