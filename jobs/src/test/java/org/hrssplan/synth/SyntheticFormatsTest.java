package org.hrssplan.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipFile;
import org.hrssplan.document.RegionDirectory;
import org.hrssplan.extract.PlanExtractor;
import org.hrssplan.extract.QualityThresholds;
import org.hrssplan.testing.TestFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same synthetic plans printed as Word and PDF: ruled tables with a merged 类别 cell, a two-row header and a 单位
 * column; PDF with running heads, page numbers and tables that go on to the next page. Each is read back exactly, each
 * value at the paragraph, cell or printed line the writer put it.
 */
class SyntheticFormatsTest {
  private static final int DOCUMENTS = 16;

  @TempDir static Path tmp;
  private static Path corpus;
  private static SyntheticCorpus.Summary summary;

  @BeforeAll
  static void writeCorpus() throws IOException {
    corpus = tmp.resolve("formats");
    summary = new SyntheticCorpus(TestFixtures.catalog()).write(DOCUMENTS, 7L, corpus, "docx,pdf");
  }

  @Test
  void wordAndPdfPlansExtractExactlyToTheRowsTheWriterPrinted() throws IOException {
    assertEquals(Map.of("docx_ruled", DOCUMENTS / 2, "pdf_ruled", DOCUMENTS / 2), summary.documentsPerLayout());
    RegionDirectory regions;
    try (Reader r = Files.newBufferedReader(corpus.resolve(SyntheticCorpus.REGIONS))) {
      regions = RegionDirectory.read(r, "regions.csv");
    }
    PlanExtractor extractor = new PlanExtractor(TestFixtures.catalog(), regions, QualityThresholds.DEFAULTS);
    CorpusVerifier.Report report;
    try (Reader r = Files.newBufferedReader(corpus.resolve(SyntheticCorpus.EXPECTED))) {
      report = new CorpusVerifier(extractor).verify(r, "expected", corpus.resolve(SyntheticCorpus.PLANS));
    }
    assertTrue(report.exact(), "missing " + report.missing().stream().limit(5).toList() + "\nunexpected "
        + report.unexpected().stream().limit(5).toList() + "\nproblems " + report.problems().stream().limit(5).toList());
    assertEquals(summary.expectedRows(), report.observations());
  }

  @Test
  void valuesAreLocatedByWordCellAndByPdfPageAndPrintedLine() throws IOException {
    List<Map<String, String>> rows = expected();
    for (Map<String, String> r : rows) {
      String locator = r.get("source_locator");
      boolean table = r.get("source_kind").equals("table");
      if (r.get("source_file").endsWith(".docx")) {
        assertTrue(table ? locator.matches("T[12]:R\\d+:C\\d+") : locator.matches("P\\d+"), locator);
      } else {
        assertTrue(locator.matches("p\\d+:L\\d+"), locator);
      }
    }
    // some table goes on to a second page: rows of one table of one PDF on two pages
    Map<String, Set<String>> pagesOfTable = new HashMap<>();
    for (Map<String, String> r : rows) {
      if (!r.get("source_file").endsWith(".pdf") || !r.get("source_kind").equals("table")) continue;
      pagesOfTable.computeIfAbsent(r.get("source_file") + " " + r.get("table_ref"), k -> new HashSet<>())
          .add(r.get("source_locator").replaceAll(":.*", ""));
    }
    assertTrue(pagesOfTable.values().stream().anyMatch(p -> p.size() > 1), "a table continued on the next page: " + pagesOfTable);
  }

  @Test
  void wordTablesUseWordsOwnMergedCells() throws IOException {
    Path docx;
    try (var files = Files.list(corpus.resolve(SyntheticCorpus.PLANS))) {
      docx = files.filter(f -> f.toString().endsWith(".docx")).sorted().findFirst().orElseThrow();
    }
    try (ZipFile zip = new ZipFile(docx.toFile())) {
      String xml = new String(zip.getInputStream(zip.getEntry("word/document.xml")).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertTrue(xml.contains("<w:gridSpan w:val=\"2\"/>"), "the period header spans the value columns");
      assertTrue(xml.contains("<w:vMerge w:val=\"restart\"/>") && xml.contains("<w:vMerge w:val=\"continue\"/>"), "类别 merged down");
      assertTrue(xml.contains(">单位<"), "a 单位 column");
    }
  }

  @Test
  void anUnknownFormatIsRefusedNamingTheKnownOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new SyntheticCorpus(TestFixtures.catalog()).write(2, 1L, tmp.resolve("odt"), "docx,odt"));
    assertTrue(e.getMessage().contains("'odt'") && e.getMessage().contains("txt, html, docx, pdf"), e.getMessage());
  }

  private static List<Map<String, String>> expected() throws IOException {
    try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
        .with(CsvSchema.emptySchema().withHeader()).readValues(corpus.resolve(SyntheticCorpus.EXPECTED).toFile())) {
      return it.readAll();
    }
  }
}
