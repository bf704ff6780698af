package org.hrssplan.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hrssplan.document.Block;
import org.hrssplan.document.Grid;
import org.hrssplan.document.GridCell;
import org.hrssplan.document.PlanDocument;
import org.hrssplan.testing.TestFixtures;
import org.junit.jupiter.api.Test;

/**
 * The same plans printed to PDF by four producers (fixtures/pdf/producers): LibreOffice (Writer's PDF export), Chromium
 * ({@code --headless --print-to-pdf}), wkhtmltopdf and WeasyPrint, each from the HTML original. Every producer draws its
 * tables its own way — stroked lines, filled rectangles, a cell's four borders, no rules at all (WeasyPrint ignores
 * {@code border="1"}, three_line has none between its columns) — and wraps narrow cells where it likes (Chromium's
 * 属性 column prints 约束性 over three lines). Each PDF must give exactly the rows of its HTML original.
 */
class PdfProducersTest {
  static final List<String> PRODUCERS = List.of("libreoffice", "chromium", "wkhtmltopdf", "weasyprint");
  /** Each source document, its HTML original. */
  static final Map<String, String> ORIGINALS = Map.of("cms_table", "shapes/cms_table.html", "attribute_first", "pdf/attribute_first.html",
      "three_line", "pdf/three_line.html", "narrow_attribute", "pdf/producers/narrow_attribute.html",
      "cms_noborder", "pdf/producers/cms_noborder.html", "cms_top_pad", "pdf/producers/cms_top_pad.html");
  /**
   * The CMS table without its border (cms_noborder: border="0", cellpadding="0") and top-aligned with padding
   * (cms_top_pad). LibreOffice sets cms_noborder's rows exactly one line-pitch apart, as close as the lines of a wrapped
   * cell, and centres nothing: which lines are rows cannot be told there (docs/known-limits.md), so it is not listed.
   */
  static final Map<String, List<String>> PRODUCERS_OF = Map.of("cms_noborder", List.of("chromium", "wkhtmltopdf", "weasyprint"));
  /** LibreOffice's PDFs already among the fixtures (printed from Word or the HTML original). */
  static final Map<String, String> LIBREOFFICE = Map.of("cms_table", "pdf/cms_table.pdf", "attribute_first", "pdf/attribute_first.pdf",
      "three_line", "pdf/three_line.pdf");

  private static byte[] bytes(String fixture) throws Exception {
    return Files.readAllBytes(TestFixtures.resource("fixtures/" + fixture));
  }

  static String pdfOf(String source, String producer) {
    return producer.equals("libreoffice") && LIBREOFFICE.containsKey(source) ? LIBREOFFICE.get(source)
        : "pdf/producers/" + source + "." + producer + ".pdf";
  }

  @Test
  void everyProducersPdfGivesExactlyTheRowsOfItsHtmlOriginal() throws Exception {
    List<String> report = new ArrayList<>();
    List<String> wrong = new ArrayList<>();
    for (String source : List.of("cms_table", "attribute_first", "three_line", "narrow_attribute", "cms_noborder", "cms_top_pad")) {
      ExtractionResult html = TestFixtures.shapesExtractor().extract(source + ".html", bytes(ORIGINALS.get(source)));
      List<String> expected = WordDocumentsTest.values(html);
      for (String producer : PRODUCERS_OF.getOrDefault(source, PRODUCERS)) {
        String fixture = pdfOf(source, producer);
        ExtractionResult pdf = TestFixtures.shapesExtractor().extract(source + ".pdf", bytes(fixture));
        List<String> got = WordDocumentsTest.values(pdf);
        Map<String, Integer> left = new HashMap<>();
        for (String g : got) left.merge(g, 1, Integer::sum);
        int exact = 0;
        for (String e : expected) if (left.merge(e, -1, Integer::sum) >= 0) exact++;
        report.add(String.format("%-18s %-12s %2d / %2d exact, %d extra, %s", source, producer, exact, expected.size(), got.size() - exact,
            pdf.account().status()));
        if (!expected.equals(got) || !"extracted".equals(pdf.account().status())) {
          wrong.add(fixture + ": " + pdf.account().status() + "\n  missing " + expected.stream().filter(e -> !got.contains(e)).toList()
              + "\n  extra " + got.stream().filter(g -> !expected.contains(g)).toList() + "\n" + grids(fixture));
        }
      }
    }
    System.out.println(String.join("\n", report));
    assertEquals("", String.join("\n", wrong), String.join("\n", report));
  }

  /** Chromium wraps the narrow columns' words over two or three lines; the cell's line is the word again, unspaced. */
  @Test
  void aWordWrappedInANarrowCellIsOneWordAgain() throws Exception {
    PlanDocument doc = PlanDocument.fromBytes("narrow_attribute.pdf", bytes("pdf/producers/narrow_attribute.chromium.pdf"));
    assertTrue(doc.lines().containsAll(List.of("2015年基数", "2020年目标", "属性", "约束性", "预期性")), doc.lines().toString());
  }

  /**
   * A whole seed plan (叙永, 001) from HTML — LibreOffice's XHTML export of its Word file, tables typed as pipe rows — printed
   * by wkhtmltopdf and WeasyPrint (Chromium's print of it embeds its CJK font as a 2.4 MB Type 3 font, too big to keep),
   * beside LibreOffice's print of the Word file: each gives the golden rows of the plan's text export, the source line
   * and file aside (each printer wraps the page's lines where it likes).
   */
  @Test
  void aSeedPlanPrintedByEachProducerGivesItsGoldenRows() throws Exception {
    String seed = "001_2751235d0c90732c";
    List<String> golden = GoldenObservationsTest.golden().stream().filter(g -> g.startsWith(seed + ".txt |")).map(PdfProducersTest::withoutPlace)
        .sorted().toList();
    assertEquals(97, golden.size());
    List<String> wrong = new ArrayList<>();
    for (String fixture : List.of("pdf/" + seed + ".pdf", "pdf/producers/" + seed + ".wkhtmltopdf.pdf", "pdf/producers/" + seed + ".weasyprint.pdf")) {
      ExtractionResult r = TestFixtures.extractor().extract(seed + ".pdf", bytes(fixture));
      List<String> got = r.observations().stream().filter(GoldenObservationsTest::inScope).map(GoldenObservationsTest::project).map(PdfProducersTest::withoutPlace).sorted().toList();
      if (!golden.equals(got) || !"extracted".equals(r.account().status())) {
        wrong.add(fixture + ": " + r.account().status() + " missing " + golden.stream().filter(g -> !got.contains(g)).toList() + " extra "
            + got.stream().filter(g -> !golden.contains(g)).toList());
      }
    }
    assertEquals("", String.join("\n", wrong));
  }

  /**
   * The table over two pages (page_break_table.docx, exported by LibreOffice as HTML, page_break_table.html) printed by
   * Chromium, wkhtmltopdf and WeasyPrint: one table, the rows of LibreOffice's print of the Word file (which
   * {@link PdfPagesTest} holds to the rows written by hand). Chromium cuts a row at the page break and draws no rule on
   * its cut side: the table goes on to where its column rules end. And the same page without borders
   * (page_break_noborder.html): a table read from its column bands goes on on the next page too, its header not repeated.
   */
  @Test
  void aTableOverTwoPagesPrintedByEachProducerIsOneTableWithTheSameRows() throws Exception {
    ExtractionResult libreOffice = TestFixtures.shapesExtractor().extract("page_break_table.pdf", bytes("pdf/page_break_table.pdf"));
    assertEquals(62, libreOffice.observations().size());
    for (String producer : List.of("table.chromium", "table.wkhtmltopdf", "table.weasyprint", "noborder.chromium", "noborder.wkhtmltopdf",
        "noborder.weasyprint")) {
      ExtractionResult r = TestFixtures.shapesExtractor().extract("page_break_table.pdf", bytes("pdf/producers/page_break_" + producer + ".pdf"));
      assertEquals("extracted", r.account().status(), producer);
      assertEquals(1, r.account().tables(), producer);
      assertEquals(WordDocumentsTest.values(libreOffice), WordDocumentsTest.values(r), producer);
    }
  }

  /** A projected row without its file, line and source kind. */
  private static String withoutPlace(String row) {
    String[] f = row.split(" \\| ", -1);
    return String.join(" | ", Arrays.asList(f).subList(3, f.length));
  }

  /** The grids the reader made of a PDF, one row a line, cells between pipes: what to look at when a producer fails. */
  static String grids(String fixture) throws Exception {
    return gridsOf(bytes(fixture));
  }

  static String gridsOf(byte[] pdf) throws Exception {
    StringBuilder s = new StringBuilder();
    PlanDocument doc = PlanDocument.fromBytes("x.pdf", pdf);
    for (Block b : doc.blocks()) {
      if (b instanceof Grid g) {
        s.append("  grid ").append(g.layout()).append('\n');
        for (List<GridCell> row : g.rows()) s.append("    | ").append(String.join(" | ", row.stream().map(c -> c.text().replace("\n", "⏎")).toList())).append('\n');
      }
    }
    s.append("  lines ").append(doc.lines()).append('\n');
    return s.toString();
  }
}
