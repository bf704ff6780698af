package org.hrssplan.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.hrssplan.document.PlanDocument;
import org.hrssplan.testing.PdfMaker;
import org.hrssplan.testing.TestFixtures;
import org.junit.jupiter.api.Test;

/**
 * PDF plans (fixtures/pdf): the two seed plans' Word files printed to PDF by LibreOffice, which must give the golden
 * rows of those plans exactly; the CMS table with merged cells and a two-row header as a ruled PDF table, which must
 * give the rows of its HTML original; and the PDFs a bureau can get wrong.
 */
class PdfDocumentsTest {
  private static byte[] bytes(String name) throws Exception {
    return Files.readAllBytes(TestFixtures.resource("fixtures/pdf/" + name));
  }

  /**
   * A PDF has no text lines: its lines are printed lines in reading order, a paragraph wrapped by the page joined into
   * one. So each row is compared with its line number replaced by the text of the line it points to — the golden row's
   * line in the text export, the observation's line in the PDF — and must match in every other column exactly.
   */
  @Test
  void twoSeedPlansAsPdfGiveTheirGoldenRowsExactly() throws Exception {
    for (String seed : List.of("000_7ce0061591be9752", "001_2751235d0c90732c")) {
      String fixture = seed + ".pdf";
      ExtractionResult r = TestFixtures.extractor().extract(fixture, bytes(fixture));
      assertEquals("pdf", r.account().format());
      assertEquals("extracted", r.account().status(), r.findings().toString());
      PlanDocument text = PlanDocument.fromBytes(seed + ".txt", Files.readAllBytes(TestFixtures.plansDir().resolve(seed + ".txt")));
      PlanDocument pdf = PlanDocument.fromBytes(fixture, bytes(fixture));
      List<String> golden = GoldenObservationsTest.golden().stream().filter(g -> g.startsWith(seed + ".txt |"))
          .map(g -> withLineText(g, text)).sorted().toList();
      List<String> got = r.observations().stream().filter(GoldenObservationsTest::inScope).map(GoldenObservationsTest::project)
          .map(p -> withLineText(p.replaceFirst("^" + Pattern.quote(fixture), seed + ".txt"), pdf)).sorted().toList();
      assertEquals(golden, got, fixture);
      assertTrue(r.observations().stream().allMatch(o -> o.sourceLocator().matches("p\\d+:L\\d+")), "located by page and printed line");
    }
  }

  /** The row with its source line replaced by that line's text, spaces and TABs left out. */
  private static String withLineText(String row, PlanDocument doc) {
    String[] f = row.split(" \\| ", -1);
    f[1] = doc.line(Integer.parseInt(f[1]) - 1).replaceAll("\\s+", "");
    return String.join(" | ", f);
  }

  @Test
  void aRuledTableWithMergedCellsGivesTheRowsOfItsHtmlOriginal() throws Exception {
    PlanExtractor extractor = TestFixtures.shapesExtractor();
    ExtractionResult html = extractor.extract("cms_table.html",
        Files.readAllBytes(TestFixtures.resource("fixtures/shapes/cms_table.html")));
    ExtractionResult pdf = extractor.extract("cms_table.pdf", bytes("cms_table.pdf"));
    assertEquals(21, html.observations().size());
    assertEquals(WordDocumentsTest.values(html), WordDocumentsTest.values(pdf));
    assertEquals("extracted", pdf.account().status());
  }

  @Test
  void aPdfThatNeedsAPasswordToOpenIsAnsweredEncrypted() throws Exception {
    ExtractionResult r = TestFixtures.extractor().extract("protected.pdf", PdfMaker.protect(bytes("cms_table.pdf"), "user-secret"));
    assertEquals("encrypted", r.account().status());
    assertEquals(0, r.observations().size());
    String reason = r.quarantined().get(0).reason();
    assertTrue(reason.startsWith("protected.pdf: ") && reason.contains("password"), reason);
  }

  /**
   * A PDF encrypted with an owner password only opens without one (PDF readers show it to anyone); its restrictions —
   * no copying, no printing — are the publisher's to set, and the plan is read as if it had none.
   */
  @Test
  void aPdfWithOnlyOwnerRestrictionsIsReadLikeAnyOther() throws Exception {
    PlanExtractor extractor = TestFixtures.shapesExtractor();
    ExtractionResult plain = extractor.extract("cms_table.pdf", bytes("cms_table.pdf"));
    ExtractionResult restricted = extractor.extract("restricted.pdf", PdfMaker.protect(bytes("cms_table.pdf"), ""));
    assertEquals("extracted", restricted.account().status());
    assertEquals(WordDocumentsTest.values(plain), WordDocumentsTest.values(restricted));
  }

  @Test
  void aScannedPdfIsNoTextLayerAndSaysOcrIsNotDone() throws Exception {
    ExtractionResult r = TestFixtures.extractor().extract("scan.pdf", PdfMaker.scan(bytes("cms_table.pdf"), 100));
    assertEquals("no_text_layer", r.account().status());
    String reason = r.quarantined().get(0).reason();
    assertTrue(reason.startsWith("scan.pdf: ") && reason.contains("OCR is not done") && reason.contains("scan"), reason);
  }

  @Test
  void aScanWithItsPageNumbersStampedOnAsTextIsStillNoTextLayer() throws Exception {
    byte[] stamped = PdfMaker.stampPageNumbers(PdfMaker.scan(bytes("001_2751235d0c90732c.pdf"), 72));
    ExtractionResult r = TestFixtures.extractor().extract("stamped_scan.pdf", stamped);
    assertEquals("no_text_layer", r.account().status(), "its only text, - 1 - … - 10 -, is the page numbers");
    assertTrue(r.quarantined().get(0).reason().contains("OCR is not done"), r.quarantined().get(0).reason());
  }

  /**
   * cms_table.pdf re-distilled by Ghostscript through PostScript ({@code gs -sDEVICE=ps2write -o cms.ps cms_table.pdf},
   * then {@code gs -sDEVICE=pdfwrite -o cms_table.ghostscript.pdf cms.ps}): its fonts lose their ToUnicode maps, so its
   * text is character codes that mean nothing (PDFBox reads "!\"#$%…"). It is refused saying so, not "no tables".
   */
  @Test
  void aPdfWhoseTextHasNoUnicodeMapIsRefusedAsNotDecodable() throws Exception {
    ExtractionResult r = TestFixtures.shapesExtractor().extract("redistilled.pdf", bytes("producers/cms_table.ghostscript.pdf"));
    assertEquals("text_not_decodable", r.account().status(), r.findings().toString());
    assertEquals(0, r.observations().size());
    assertEquals("text_not_decodable", r.quarantined().get(0).reasonCode());
    String reason = r.quarantined().get(0).reason();
    assertTrue(reason.startsWith("redistilled.pdf: ") && reason.contains("Unicode map") && reason.contains("Word or web"), reason);
  }

  @Test
  void aTruncatedPdfIsUnreadableNamingTheFile() throws Exception {
    byte[] all = bytes("cms_table.pdf");
    ExtractionResult r = TestFixtures.extractor().extract("cut.pdf", Arrays.copyOf(all, all.length / 3));
    assertEquals("unreadable", r.account().status());
    assertEquals(0, r.observations().size());
    assertTrue(r.quarantined().get(0).reason().startsWith("cut.pdf: "), r.quarantined().get(0).reason());
  }

  /**
   * A three-line table (rules above and below the header and at the end, none between columns), printed by LibreOffice
   * from three_line.html: its columns are read from where its text stands over the rows, and it gives the rows of its
   * HTML original (the same table printed by other producers: {@link PdfProducersTest}); the short page's lines stay
   * apart (a paragraph is not joined to the table title under it, nor one table row to the next).
   */
  @Test
  void aTableWithoutColumnRulesIsReadFromItsColumnBands() throws Exception {
    ExtractionResult r = TestFixtures.shapesExtractor().extract("three_line.pdf", bytes("three_line.pdf"));
    ExtractionResult html = TestFixtures.shapesExtractor().extract("three_line.html", bytes("three_line.html"));
    assertEquals("extracted", r.account().status(), r.findings().toString());
    assertEquals(8, html.observations().size());
    assertEquals(WordDocumentsTest.values(html), WordDocumentsTest.values(r));
    PlanDocument doc = PlanDocument.fromBytes("three_line.pdf", bytes("three_line.pdf"));
    assertTrue(doc.lines().contains("“十三五”期间,柳河县就业形势总体稳定,社会保障水平稳步提高。"), doc.lines().toString());
    assertTrue(doc.lines().stream().anyMatch(l -> l.startsWith("表1")), doc.lines().toString());
    assertEquals(1, doc.lines().stream().filter(l -> l.contains("城镇调查失业率")).count());
    assertTrue(doc.lines().stream().noneMatch(l -> l.contains("城镇新增就业人数") && l.contains("城镇调查失业率")), "rows apart");
  }

  /**
   * A shape written after the readers (attribute_first.html, saved as Word and printed to PDF by LibreOffice): 属性 as
   * the first column merged down two rows, a 序号 column, the 2025 target before the 2020 base, section rows spanning
   * the whole table, a person count in 人, a title without 专栏. The rows, written by hand from the page, in all three.
   */
  @Test
  void aTableInAnUnseenShapeGivesTheSameHandWrittenRowsAsHtmlWordAndPdf() throws Exception {
    List<String> expected = List.of(
        "basic_pension_coverage_rate base 2020 91.2 null binding", "basic_pension_coverage_rate target 2025 95 null binding",
        "surveyed_urban_unemployment_rate base 2020 null null anticipatory",
        "surveyed_urban_unemployment_rate target 2025 5.5 < anticipatory",
        "unemployment_insurance_insured base 2020 1.2 null anticipatory", "unemployment_insurance_insured target 2025 1.4 null anticipatory",
        "urban_new_jobs base 2020 1.35 null anticipatory", "urban_new_jobs target 2025 1.5 > anticipatory");
    for (String fixture : List.of("pdf/attribute_first.html", "word/attribute_first.docx", "pdf/attribute_first.pdf")) {
      ExtractionResult r = TestFixtures.shapesExtractor().extract(fixture.substring(fixture.indexOf('/') + 1),
          Files.readAllBytes(TestFixtures.resource("fixtures/" + fixture)));
      assertEquals("extracted", r.account().status(), fixture);
      assertEquals(expected, r.observations().stream().map(o -> o.indicatorId() + " " + o.role() + " " + o.year() + " "
          + (o.value() == null ? "null" : new java.math.BigDecimal(String.valueOf(o.value())).stripTrailingZeros().toPlainString()) + " " + o.comparator() + " " + o.attribute())
          .sorted().toList(), fixture);
    }
  }
}
