package org.hrssplan.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.hrssplan.document.ReadingLimits;
import org.hrssplan.testing.TestFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One document never stops the others: whatever a file does to its reader — nests deeper than any stack, is larger
 * than the memory, cannot be opened, declares XML entities, carries control characters in its name — it becomes its
 * own quarantine row with a reason and its name, and every other document of the folder is read as before.
 */
class DocumentBulkheadTest {
  @TempDir
  Path tmp;

  /** The folder: the first seed plan under its own name, then {@code bad}, then the second seed plan. */
  private Map<String, ExtractionResult> extractBeside(Map<String, byte[]> bad, PlanExtractor extractor) throws Exception {
    List<Path> seeds = CorpusExtractor.listInputs(TestFixtures.plansDir());
    Files.copy(seeds.get(0), tmp.resolve("a_" + seeds.get(0).getFileName()));
    Files.copy(seeds.get(1), tmp.resolve("z_" + seeds.get(1).getFileName()));
    for (var e : bad.entrySet()) Files.write(tmp.resolve(e.getKey()), e.getValue());
    List<ExtractionResult> results = new CorpusExtractor(extractor, 2).extractAll(CorpusExtractor.listInputs(tmp));
    Map<String, ExtractionResult> byFile = results.stream().collect(Collectors.toMap(r -> r.account().sourceFile(), r -> r));
    assertEquals("extracted", byFile.get("a_" + seeds.get(0).getFileName()).account().status(), "the document before the bad one");
    assertEquals("extracted", byFile.get("z_" + seeds.get(1).getFileName()).account().status(), "the document after the bad one");
    return byFile;
  }

  private static String reason(ExtractionResult r) {
    assertEquals(1, r.quarantined().size(), "one quarantine row for the document");
    return r.quarantined().get(0).reason();
  }

  private static byte[] nestedTables(int depth) {
    StringBuilder html = new StringBuilder("<html><body><p>叙永县人力资源和社会保障事业发展“十四五”规划</p>");
    html.append("<table><tr><td>".repeat(depth)).append("x").append("</td></tr></table>".repeat(depth)).append("</body></html>");
    return html.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void anHtmlPageNested5000DeepIsRefusedByTheLimitAndTheOthersAreRead() throws Exception {
    var results = extractBeside(Map.of("m_nested.html", nestedTables(5000)), TestFixtures.extractor());
    ExtractionResult nested = results.get("m_nested.html");
    assertEquals("nested_too_deeply", nested.account().status());
    assertTrue(reason(nested).startsWith("m_nested.html: its HTML elements nest "), reason(nested));
    assertTrue(reason(nested).contains("limits.nesting_depth"), reason(nested));
  }

  @Test
  void aStackOverflowInsideAReaderIsTheDocumentsResultNotTheRunsEnd() throws Exception {
    // a nesting limit too high to protect the reader: the stack overflows in it, and the bulkhead still holds
    PlanExtractor unguarded = new PlanExtractor(TestFixtures.catalog(), TestFixtures.regions(), org.hrssplan.extract.QualityThresholds.DEFAULTS,
        new ReadingLimits(ReadingLimits.DEFAULTS.documentBytes(), ReadingLimits.DEFAULTS.tableRows(), Integer.MAX_VALUE));
    var results = extractBeside(Map.of("m_nested.html", nestedTables(6_000)), unguarded);
    ExtractionResult nested = results.get("m_nested.html");
    assertEquals("nested_too_deeply", nested.account().status());
    assertTrue(reason(nested).contains("stack overflow in document.HtmlPlanReader"), reason(nested));
  }

  @Test
  void aFileOverTheSizeLimitIsRefusedBeforeItsBytesAreRead() throws Exception {
    Path huge = tmp.resolve("m_huge.txt");
    try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
      f.setLength(150L << 20); // 150 MB, sparse: nothing is written, and reading it would take the heap
    }
    var results = extractBeside(Map.of(), TestFixtures.extractor());
    ExtractionResult r = results.get("m_huge.txt");
    assertEquals("too_large", r.account().status());
    assertEquals("m_huge.txt: the file has 150.0 MB, more than the limit of 64.0 MB per document (limits.document_megabytes in"
        + " conf/hrss.yaml)", reason(r));
  }

  @Test
  void aDocumentWithMoreTableRowsThanTheLimitIsRefusedBeforeItsCellsAreInterpreted() throws Exception {
    StringBuilder text = new StringBuilder("叙永县人力资源和社会保障事业发展“十四五”规划\n\n指标 | 单位 | 2020年 | 2025年 | 属性\n");
    for (int i = 0; i < 25_000; i++) text.append("指标").append(i).append(" | 万人 | 1 | 2 | 预期性\n");
    var results = extractBeside(Map.of("m_rows.txt", text.toString().getBytes(StandardCharsets.UTF_8)), TestFixtures.extractor());
    ExtractionResult r = results.get("m_rows.txt");
    assertEquals("too_large", r.account().status());
    assertTrue(reason(r).matches("m_rows.txt: its tables have 2500\\d rows together, more than the limit of 20000 per document"
        + " \\(limits.table_rows in conf/hrss.yaml\\)"), reason(r));
  }

  @Test
  void aBrokenLinkInTheFolderIsReportedAsAFileThatCannotBeRead() throws Exception {
    Files.createSymbolicLink(tmp.resolve("m_link.txt"), tmp.resolve("nowhere.txt"));
    var results = extractBeside(Map.of(), TestFixtures.extractor());
    ExtractionResult r = results.get("m_link.txt");
    assertEquals("unreadable_file", r.account().status());
    assertTrue(reason(r).startsWith("m_link.txt: the file cannot be read (a link to "), reason(r));
  }

  @Test
  void aNewlineInAFileNameIsEscapedInEveryMessageAndKeptInTheTable() throws Exception {
    String name = "m_forged\nquarantined  undecodable  everything.txt";
    var results = extractBeside(Map.of(name, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 0x41, 0x42}), TestFixtures.extractor());
    ExtractionResult r = results.get(name);
    assertFalse(reason(r).contains("\n"), reason(r));
    assertTrue(reason(r).startsWith("m_forged\\nquarantined  undecodable  everything.txt: "), reason(r));
    assertEquals(name, r.quarantined().get(0).sourceFile(), "the table keeps the true name");
  }

  @Test
  void aWordDocumentDeclaringEntitiesIsRefusedSayingSo() throws Exception {
    byte[] docx = Files.readAllBytes(TestFixtures.repoRoot().resolve("jobs/src/test/resources/fixtures/word/cms_table.docx"));
    var results = extractBeside(Map.of("m_xxe.docx", withEntity(docx)), TestFixtures.extractor());
    ExtractionResult r = results.get("m_xxe.docx");
    assertEquals("declares_entities", r.account().status());
    assertTrue(reason(r).startsWith("m_xxe.docx: its document part declares a DOCTYPE"), reason(r));
  }

  /** The .docx with an external entity declared in its main part and used in its first text run. */
  private static byte[] withEntity(byte[] docx) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(docx)); ZipOutputStream zip = new ZipOutputStream(out)) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        byte[] bytes = in.readAllBytes();
        if (e.getName().equals("word/document.xml")) {
          String xml = new String(bytes, StandardCharsets.UTF_8);
          int root = xml.indexOf("<w:document");
          xml = xml.substring(0, root) + "<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>" + xml.substring(root);
          xml = xml.replaceFirst("<w:t>", "<w:t>&xxe;");
          bytes = xml.getBytes(StandardCharsets.UTF_8);
        }
        zip.putNextEntry(new ZipEntry(e.getName()));
        zip.write(bytes);
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }
}
