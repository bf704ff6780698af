package org.hrssplan.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.hrssplan.testing.ObservationText;
import org.hrssplan.testing.TestFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bad-input corpus (fixtures/bad-input): each bad file is reported with its file and line, the good
 * files are extracted all the same, and every cell found lands in the observations or in quarantine.
 */
class BadInputTest {
  private static Map<String, ExtractionResult> byFile;

  @BeforeAll
  static void extractCorpus() throws Exception {
    List<ExtractionResult> results = new CorpusExtractor(TestFixtures.extractor())
        .extractAll(CorpusExtractor.listInputs(TestFixtures.resource("fixtures/bad-input")));
    byFile = results.stream().collect(Collectors.toMap(r -> r.account().sourceFile(), r -> r, (a, b) -> a, TreeMap::new));
  }

  @Test
  void eachFileGetsTheStatusItDeserves() {
    Map<String, String> status = new TreeMap<>();
    byFile.forEach((f, r) -> status.put(f, r.account().status()));
    Map<String, String> expected = new TreeMap<>();
    expected.put("a_good.txt", "extracted");
    expected.put("b_good_copy.txt", "duplicate_document");
    expected.put("c_gb18030.txt", "extracted");
    expected.put("d_undecodable.txt", "undecodable");
    expected.put("e_broken_rows.txt", "partially_extracted"); // its row 2 has 3 cells under a 4-column header
    expected.put("f_empty.txt", "empty_document");
    expected.put("g_no_region.txt", "region_not_identified");
    expected.put("h_notes.pdf", "unreadable");                // starts like a PDF, is not one
    expected.put("i_no_tables.txt", "no_tables");
    expected.put("j_utf16le_bom.txt", "extracted");
    expected.put("k_utf16_nobom.txt", "undecodable");          // NUL bytes: UTF-16 without a BOM is not guessed
    expected.put("l_truncated_table.txt", "partially_extracted"); // the last row lost its cells
    expected.put("m_fullwidth.txt", "extracted");
    expected.put("n_huge_line.txt", "extracted");              // a 1 MB line of prose after the table
    expected.put("o_binary.txt", "undecodable");
    expected.put("p_crlf_gb18030.txt", "extracted");
    expected.put("q_header_missing.txt", "no_table_read");  // titled as an indicator table, no header
    expected.put("r_no_period.txt", "no_table_read");      // no period in title, headers or document
    // a table read with some value cells quarantined: never extracted
    expected.put("s_unknown_column.txt", "cells_quarantined");
    expected.put("t_too_many_cells.txt", "no_table_read");  // its only row does not fit the header
    expected.put("u_conflicting_comparators.txt", "cells_quarantined");
    expected.put("v_unparseable.txt", "cells_quarantined");
    expected.put("w_plan_page.html", "extracted");
    expected.put("x_broken_html.html", "extracted");
    expected.put("y_two_regions.txt", "region_not_identified");
    expected.put("z_formula_cell.txt", "cells_quarantined");
    expected.put("za_prose_only.txt", "extracted");
    expected.put("zb_unknown_indicator.txt", "extracted");
    expected.put("zc_whitespace_only.txt", "no_tables");
    expected.put("zd_bom_only.txt", "no_tables");
    expected.put("ze_setup.exe", "unsupported_format");
    expected.put("zf_dataset_good.csv", "extracted");
    expected.put("zg_dataset_missing_column.csv", "dataset_missing_columns");
    expected.put("zh_dataset_extra_column.csv", "dataset_unexpected_columns");
    expected.put("zi_dataset_wrong_type.csv", "extracted");
    expected.put("zj_dataset_formula.csv", "extracted");
    assertEquals(expected, status);
    assertTrue(status.size() >= 30, "the corpus has at least 30 cases");
  }

  @Test
  void everyCaseLandsWhereItShould() {
    // file → observations, then quarantined cells as "line reason" (hand-derived from each fixture)
    Map<String, String> expected = new TreeMap<>();
    expected.put("j_utf16le_bom.txt", "4 obs; ");
    expected.put("l_truncated_table.txt", "4 obs; L6 row_too_few_cells");
    expected.put("m_fullwidth.txt", "4 obs; ");
    expected.put("n_huge_line.txt", "4 obs; ");
    expected.put("p_crlf_gb18030.txt", "4 obs; ");
    expected.put("q_header_missing.txt", "0 obs; L3 table_header_not_found, L3 table_header_not_found, L3 table_header_not_found");
    expected.put("r_no_period.txt", "0 obs; L4 plan_period_unknown, L4 plan_period_unknown");
    expected.put("s_unknown_column.txt", "2 obs; L4 unknown_column");
    expected.put("t_too_many_cells.txt", "0 obs; L4 row_too_many_cells, L4 row_too_many_cells, L4 row_too_many_cells, L4 row_too_many_cells");
    expected.put("u_conflicting_comparators.txt", "1 obs; L4 conflicting_comparators");
    expected.put("v_unparseable.txt", "1 obs; L4 unparseable_value");
    expected.put("w_plan_page.html", "2 obs; ");
    expected.put("x_broken_html.html", "2 obs; ");
    expected.put("y_two_regions.txt", "0 obs; L4 region_not_identified, L4 region_not_identified, L5 region_not_identified, L5 region_not_identified");
    expected.put("z_formula_cell.txt", "1 obs; L4 unparseable_value");
    expected.put("za_prose_only.txt", "2 obs; ");
    expected.put("zb_unknown_indicator.txt", "2 obs; ");
    expected.put("zf_dataset_good.csv", "2 obs; ");
    expected.put("zg_dataset_missing_column.csv", "0 obs; L1 dataset_missing_columns");
    expected.put("zh_dataset_extra_column.csv", "0 obs; L1 dataset_unexpected_columns");
    expected.put("zi_dataset_wrong_type.csv", "1 obs; L3 dataset_invalid_value, L4 dataset_invalid_value");
    expected.put("zj_dataset_formula.csv", "1 obs; L2 dataset_invalid_value");
    Map<String, String> actual = new TreeMap<>();
    for (String f : expected.keySet()) {
      ExtractionResult r = byFile.get(f);
      actual.put(f, r.observations().size() + " obs; " + String.join(", ",
          r.quarantined().stream().map(q -> "L" + q.sourceLine() + " " + q.reasonCode()).toList()));
    }
    assertEquals(expected, actual);
    assertEquals("UTF-16LE (BOM)", byFile.get("j_utf16le_bom.txt").account().encoding());
    assertEquals("GB18030", byFile.get("p_crlf_gb18030.txt").account().encoding());
    assertEquals(List.of("L4 urban_new_jobs base 2020 = 2.06 万人 cum anticipatory", "L4 urban_new_jobs target 2025 = 1.85 万人 cum anticipatory",
        "L5 surveyed_urban_unemployment_rate base 2020 = missing % anticipatory", "L5 surveyed_urban_unemployment_rate target 2025 < 6 % anticipatory"),
        ObservationText.of(byFile.get("m_fullwidth.txt").observations()), "full-width digits and brackets read as ASCII");
    assertTrue(byFile.get("k_utf16_nobom.txt").quarantined().get(0).reason().contains("NUL"), "names why");
    assertTrue(byFile.get("zg_dataset_missing_column.csv").quarantined().get(0).reason().contains("lacks [unit]"));
    assertTrue(byFile.get("zi_dataset_wrong_type.csv").quarantined().get(0).reason().contains("year '二〇二〇' is not a whole number"));
    assertEquals("=HYPERLINK(\"http://x\",\"y\")", byFile.get("zj_dataset_formula.csv").observations().get(0).indicatorNameRaw(),
        "text is kept as text; the CSV exports neutralize it");
  }

  @Test
  void goodDocumentsAreExtractedDespiteTheirNeighbours() {
    assertEquals(6, byFile.get("a_good.txt").observations().size());
    ExtractionResult gbk = byFile.get("c_gb18030.txt");
    assertEquals("GB18030", gbk.account().encoding());
    assertEquals(4, gbk.observations().size());
    assertEquals("L13 urban_new_jobs base 2020 = 8.49 万人 cum anticipatory [scope_note]", ObservationText.of(gbk.observations().get(0)));
  }

  @Test
  void documentLevelProblemsNameTheFileAndLine() {
    QuarantinedCell undecodable = byFile.get("d_undecodable.txt").quarantined().get(0);
    assertEquals("undecodable", undecodable.reasonCode());
    assertEquals(3, undecodable.sourceLine());
    assertTrue(undecodable.reason().startsWith("d_undecodable.txt: ") && undecodable.reason().contains("line 3"), undecodable.reason());
    QuarantinedCell dup = byFile.get("b_good_copy.txt").quarantined().get(0);
    assertEquals("duplicate_document", dup.reasonCode());
    assertTrue(dup.reason().contains("a_good.txt"), dup.reason());
    assertEquals("empty_document", byFile.get("f_empty.txt").quarantined().get(0).reasonCode());
    assertEquals("unreadable", byFile.get("h_notes.pdf").quarantined().get(0).reasonCode());
    assertTrue(byFile.get("h_notes.pdf").quarantined().get(0).reason().startsWith("h_notes.pdf: "));
  }

  @Test
  void brokenRowsAreQuarantinedCellByCellWithTheirLines() {
    ExtractionResult r = byFile.get("e_broken_rows.txt");
    List<String> q = r.quarantined().stream().map(c -> "L" + c.sourceLine() + " " + c.reasonCode() + " " + c.rawText()).toList();
    assertEquals(List.of(
        "L5 row_too_few_cells —", "L5 row_too_few_cells <6",
        "L6 non_numeric abc",
        "L7 unknown_unit 3.44", "L7 unknown_unit 4.14",
        "L9 duplicate_row 59.3", "L9 duplicate_row 64.8"), q);
    assertTrue(r.quarantined().get(0).reason().contains("line 5") && r.quarantined().get(0).reason().contains("has 3 cells"));
    assertTrue(r.quarantined().get(3).reason().contains("万台"), r.quarantined().get(3).reason());
    assertEquals(List.of(
        "L4 urban_new_jobs base 2020 = 2.06 万人 cum anticipatory",
        "L4 urban_new_jobs target 2025 = 1.85 万人 cum anticipatory",
        "L6 unemployment_insurance_insured target 2025 = 2.37 万人 binding",
        "L8 social_security_card_holders base 2020 = 59.3 万人 anticipatory",
        "L8 social_security_card_holders target 2025 = 64.8 万人 anticipatory",
        // an indicator outside the catalog in a unit the unit table lacks: data, its unit as printed, flagged
        "L10 ?电子社保卡发卡量 base 2020 = 10 万张 anticipatory [unit_not_in_table;unknown_indicator]",
        "L10 ?电子社保卡发卡量 target 2025 = 40 万张 anticipatory [unit_not_in_table;unknown_indicator]",
        "L11 ?博士后工作站 base 2020 = 0 个 anticipatory [unknown_indicator]",
        "L11 ?博士后工作站 target 2025 = 1 个 anticipatory [unknown_indicator]"), ObservationText.of(r.observations()));
  }

  @Test
  void aDocumentWithoutAnIdentifiableRegionKeepsItsCellsInQuarantine() {
    ExtractionResult r = byFile.get("g_no_region.txt");
    assertEquals(0, r.observations().size());
    assertEquals(6, r.quarantined().size());
    assertTrue(r.quarantined().stream().allMatch(q -> q.reasonCode().equals("region_not_identified")));
    assertTrue(r.findings().stream().anyMatch(f -> f.findingType().equals("region_not_identified")));
  }

  @Test
  void nothingIsLostCellsFoundEqualObservationsPlusQuarantined() {
    for (ExtractionResult r : byFile.values()) {
      DocumentAccount a = r.account();
      assertTrue(a.balanced(), a.toString());
      assertEquals(a.observations(), r.observations().size());
      assertEquals(a.quarantinedCells(), r.quarantined().stream().filter(q -> !q.stage().equals("document")).count());
    }
    DocumentAccount broken = byFile.get("e_broken_rows.txt").account();
    assertEquals(16, broken.valueCellsFound());
    assertEquals(9, broken.observations());
    assertEquals(7, broken.quarantinedCells());
  }
}
