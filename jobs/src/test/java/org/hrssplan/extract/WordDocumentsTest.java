package org.hrssplan.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.hrssplan.catalog.IndicatorCatalog;
import org.hrssplan.testing.TestFixtures;
import org.junit.jupiter.api.Test;

/**
 * Word plans (fixtures/word): two seed plans saved as .docx by LibreOffice from their text exports, which must give
 * the golden rows of those plans exactly; the hand-written CMS table of fixtures/shapes saved as .docx (a real Word
 * table with gridSpan and vMerge), which must give the rows of its HTML original; and the Word files a bureau can get
 * wrong: encrypted, truncated, a zip bomb, renamed, .docm, Word 97.
 */
class WordDocumentsTest {
  private static byte[] bytes(String name) throws Exception {
    return Files.readAllBytes(TestFixtures.resource("fixtures/word/" + name));
  }

  @Test
  void twoSeedPlansAsDocxGiveTheirGoldenRowsExactly() throws Exception {
    for (String seed : List.of("000_7ce0061591be9752", "001_2751235d0c90732c")) {
      assertGoldenRows(seed, seed + ".docx", "docx");
    }
  }

  @Test
  void aSeedPlanAsWord97GivesItsGoldenRowsExactly() throws Exception {
    assertGoldenRows("001_2751235d0c90732c", "word97_plan.doc", "doc");
  }

  /** The observations the golden rows cover (tables and 主要目标 targets). */
  private static long goldenScope(ExtractionResult r) {
    return r.observations().stream().filter(GoldenObservationsTest::inScope).count();
  }

  private static void assertGoldenRows(String seed, String fixture, String format) throws Exception {
    ExtractionResult r = TestFixtures.extractor().extract(fixture, bytes(fixture));
    assertEquals(format, r.account().format());
    assertEquals("extracted", r.account().status());
    List<String> golden = GoldenObservationsTest.golden().stream().filter(g -> g.startsWith(seed + ".txt |")).sorted().toList();
    List<String> got = r.observations().stream().filter(GoldenObservationsTest::inScope).map(GoldenObservationsTest::project)
        .map(p -> p.replaceFirst("^" + java.util.regex.Pattern.quote(fixture), seed + ".txt")).sorted().toList();
    assertEquals(golden, got, fixture + ": the Word file gives the golden rows (LibreOffice keeps one paragraph per line)");
    assertTrue(r.observations().stream().allMatch(o -> o.sourceLocator().equals("P" + o.sourceLine())),
        "a value in a paragraph is located by its paragraph");
  }

  @Test
  void aWordTableWithMergedCellsGivesTheRowsOfItsHtmlOriginal() throws Exception {
    PlanExtractor extractor = TestFixtures.shapesExtractor();
    ExtractionResult html = extractor.extract("cms_table.html",
        Files.readAllBytes(TestFixtures.resource("fixtures/shapes/cms_table.html")));
    ExtractionResult docx = extractor.extract("cms_table.docx", bytes("cms_table.docx"));
    ExtractionResult doc = extractor.extract("cms_table.doc", bytes("cms_table.doc"));
    assertEquals(21, html.observations().size());
    assertEquals(values(html), values(docx), "rowspan 类别, colspan “十三五”时期 and the <br> label survive as vMerge / gridSpan");
    assertEquals(values(html), values(doc), "… and in Word 97, as vertical merges and wider cells");
    assertTrue(doc.observations().stream().allMatch(o -> o.sourceLocator().matches("T1:R\\d+:C\\d+")));
    assertEquals("extracted", docx.account().status());
    assertTrue(docx.observations().stream().allMatch(o -> o.sourceLocator().matches("T1:R\\d+:C\\d+")),
        docx.observations().get(0).sourceLocator());
    assertEquals("“十三五”时期 / 规划目标", docx.observations().stream().filter(o -> o.role().equals("target")).findFirst()
        .orElseThrow().sourceColumn());
  }

  static List<String> values(ExtractionResult r) {
    return r.observations().stream().map(o -> String.join(" ", o.regionCode(), String.valueOf(o.indicatorId()), o.indicatorNameRaw(),
        o.role(), String.valueOf(o.year()), o.valueKind(), String.valueOf(o.value()), String.valueOf(o.unit()), String.valueOf(o.comparator()),
        String.valueOf(o.cumulative()), String.valueOf(o.attribute()), o.sourceColumn())).sorted().toList();
  }

  @Test
  void aPasswordProtectedWordFileIsAnsweredEncrypted() throws Exception {
    POIFSFileSystem fs = new POIFSFileSystem();
    Encryptor enc = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
    enc.confirmPassword("secret");
    try (OutputStream os = enc.getDataStream(fs)) {
      os.write(bytes("cms_table.docx"));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    fs.writeFilesystem(out);
    fs.close();
    ExtractionResult r = TestFixtures.extractor().extract("protected.docx", out.toByteArray());
    assertEquals("encrypted", r.account().status());
    assertTrue(r.quarantined().get(0).reason().startsWith("protected.docx: ") && r.quarantined().get(0).reason().contains("password"),
        r.quarantined().get(0).reason());
  }

  @Test
  void aTruncatedWordFileIsUnreadableNamingTheFile() throws Exception {
    byte[] all = bytes("001_2751235d0c90732c.docx");
    ExtractionResult r = TestFixtures.extractor().extract("cut.docx", Arrays.copyOf(all, all.length / 3));
    assertEquals("unreadable", r.account().status());
    assertTrue(r.quarantined().get(0).reason().startsWith("cut.docx: "), r.quarantined().get(0).reason());
  }

  @Test
  void aZipBombNamedDocxIsRefusedNotInflated() throws Exception {
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(zip)) {
      z.putNextEntry(new ZipEntry("[Content_Types].xml"));
      z.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".getBytes());
      z.putNextEntry(new ZipEntry("word/document.xml"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 200; i++) z.write(zeros); // 200 MiB of zeros, ~200 KiB compressed
    }
    assertTrue(zip.size() < 1 << 20, "the bomb itself is small: " + zip.size());
    ExtractionResult r = TestFixtures.extractor().extract("bomb.docx", zip.toByteArray());
    assertEquals("unreadable", r.account().status());
  }

  @Test
  void officeFormatsNotReadAreNamedWithWhatToSaveThemAs() {
    for (String name : List.of("plan.odt", "plan.wps", "plan.ofd")) {
      ExtractionResult r = TestFixtures.extractor().extract(name, "PK not really".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      assertEquals("unsupported_format", r.account().status(), name);
      String reason = r.quarantined().get(0).reason();
      assertTrue(reason.startsWith(name + ": ") && (reason.contains(".docx") || reason.contains("PDF")), reason);
    }
  }

  @Test
  void wordFilesAreReadByContentNotByTheirName() throws Exception {
    byte[] docx = bytes("001_2751235d0c90732c.docx");
    assertEquals(97, goldenScope(TestFixtures.extractor().extract("001_2751235d0c90732c.docm", docx)), ".docm: macros never run");
    assertEquals(97, goldenScope(TestFixtures.extractor().extract("001_2751235d0c90732c.doc", docx)), "a .docx named .doc");
    ExtractionResult word97 = TestFixtures.extractor().extract("word97_plan.docx", bytes("word97_plan.doc"));
    assertEquals("doc", word97.account().format(), "a Word 97 file named .docx is read as Word 97");
    assertEquals(97, goldenScope(word97));
  }

  @Test
  void trackedChangesAreReadAsAccepted() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (org.apache.poi.xwpf.usermodel.XWPFDocument d = new org.apache.poi.xwpf.usermodel.XWPFDocument()) {
      var p = d.createParagraph();
      p.createRun().setText("城镇新增就业人数目标");
      trackedChange(p.getCTP(), "2.5", "1.9");
      var t = d.createTable(1, 2);
      t.getRow(0).getCell(0).setText("城镇登记失业率");
      trackedChange(t.getRow(0).getCell(1).getParagraphs().get(0).getCTP(), "3.3", "9.9");
      d.write(out);
    }
    org.hrssplan.document.PlanDocument doc = org.hrssplan.document.PlanDocument.fromBytes("revised.docx", out.toByteArray());
    assertEquals(List.of("城镇新增就业人数目标2.5", "城镇登记失业率", "3.3"), doc.lines(), "inserted text kept, deleted text gone");
  }

  /** A paragraph's tracked insertion of {@code inserted} and deletion of {@code deleted}, as Word records a revision. */
  private static void trackedChange(org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP p, String inserted, String deleted) {
    var ins = p.addNewIns();
    ins.setId(java.math.BigInteger.ONE);
    ins.setAuthor("reviewer");
    ins.addNewR().addNewT().setStringValue(inserted);
    var del = p.addNewDel();
    del.setId(java.math.BigInteger.TWO);
    del.setAuthor("reviewer");
    del.addNewR().addNewDelText().setStringValue(deleted);
  }
}
