package org.hrssplan.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.util.List;
import org.hrssplan.model.Observation;
import org.hrssplan.testing.ObservationText;
import org.hrssplan.testing.TestFixtures;
import org.junit.jupiter.api.Test;

/**
 * Shapes written after the extractor, to see whether it reads plans it was not built on (fixtures/unseen, regions of
 * data/raw/regions.csv). Expected rows read off each fixture by hand, line by line.
 */
class UnseenShapesTest {
  private static ExtractionResult extract(String name) throws Exception {
    return TestFixtures.extractor().extract(name, Files.readAllBytes(TestFixtures.resource("fixtures/unseen/" + name)));
  }

  @Test
  void blankSeparatedCellsWithASerialAndACategoryPrintedOncePerGroup() throws Exception {
    ExtractionResult r = extract("blank_cells_serial_category.txt");
    assertEquals(List.of(
        "L23 urban_new_jobs base 2020 = 3.1 万人 cum anticipatory",
        "L25 urban_new_jobs target 2025 = 3.5 万人 cum anticipatory",
        "L33 surveyed_urban_unemployment_rate base 2020 = 5.4 % anticipatory",
        "L35 surveyed_urban_unemployment_rate target 2025 < 5.5 % anticipatory",
        "L45 unemployment_insurance_insured base 2020 = 8.5 万人 binding",
        "L47 unemployment_insurance_insured target 2025 = 9.2 万人 binding"), ObservationText.of(r.observations()));
    assertEquals("extracted", r.account().status());
  }

  @Test
  void aHeaderOfTwoTextRowsGivesEachColumnItsPath() throws Exception {
    ExtractionResult r = extract("two_row_text_header.txt");
    assertEquals(List.of(
        "L6 registered_urban_unemployment_rate base 2015 = 3.9 % anticipatory",
        "L6 registered_urban_unemployment_rate target 2020 <= 4.5 % anticipatory",
        "L6 registered_urban_unemployment_rate actual 2020 = 3.7 % anticipatory",
        "L7 unemployment_insurance_insured base 2015 = 6.1 万人 binding",
        "L7 unemployment_insurance_insured target 2020 = 7 万人 binding",
        "L7 unemployment_insurance_insured actual 2020 = 7.8 万人 binding"), ObservationText.of(r.observations()));
    assertEquals("“十三五”时期 / 规划目标", r.observations().get(1).sourceColumn());
  }

  @Test
  void aTitleRowSpanningTheTableIsItsTitleNotARow() throws Exception {
    ExtractionResult r = extract("title_row_in_table.html");
    assertEquals(List.of(
        "L7 surveyed_urban_unemployment_rate base 2020 = 5.4 % anticipatory",
        "L7 surveyed_urban_unemployment_rate target 2025 < 5.5 % anticipatory",
        "L8 unemployment_insurance_insured base 2020 = 8.5 万人 binding",
        "L8 unemployment_insurance_insured target 2025 = 9.2 万人 binding"), ObservationText.of(r.observations()));
    assertEquals("专栏2", r.observations().get(0).sourceTable());
  }

  @Test
  void aUnitLineAboveTheTableIsTheUnitOfEveryRowThatPrintsNone() throws Exception {
    ExtractionResult r = extract("table_unit_line.txt");
    assertEquals(List.of(
        "L6 urban_new_jobs base 2020 = 3.1 万人 cum anticipatory",
        "L6 urban_new_jobs target 2025 = 3.5 万人 cum anticipatory",
        "L7 surveyed_urban_unemployment_rate base 2020 = 5.4 % anticipatory",
        "L7 surveyed_urban_unemployment_rate target 2025 < 5.5 % anticipatory",
        "L8 unemployment_insurance_insured base 2020 = 8.5 万人 binding",
        "L8 unemployment_insurance_insured target 2025 = 9.2 万人 binding"), ObservationText.of(r.observations()));
    assertEquals("人", r.observations().get(0).unitRaw());
  }

  @Test
  void headingsThatNameIndicatorsAreNotATableNotRead() throws Exception {
    ExtractionResult r = extract("headings_that_name_indicators.txt");
    assertEquals(List.of(
        "L9 unemployment_insurance_insured base 2020 = 5.05 万人 binding",
        "L9 unemployment_insurance_insured target 2025 = 6.02 万人 binding"), ObservationText.of(r.observations()));
    assertEquals("extracted", r.account().status(), r.findings().toString());
  }

  @Test
  void aTargetForTheYearBeforeThePeriodIsThePreviousPeriodsTargetNotASecondBase() throws Exception {
    ExtractionResult r = extract("previous_period_target_column.html");
    assertEquals(List.of(
        "L7 surveyed_urban_unemployment_rate target 2020 = 6 % anticipatory",
        "L7 surveyed_urban_unemployment_rate base 2020 = 5.6 % anticipatory",
        "L7 surveyed_urban_unemployment_rate target 2025 ~ 5.5 % anticipatory",
        "L8 unemployment_insurance_insured target 2020 = 4.8 万人 anticipatory",
        "L8 unemployment_insurance_insured base 2020 = 5.05 万人 anticipatory",
        "L8 unemployment_insurance_insured target 2025 = 6.02 万人 anticipatory",
        "L9 basic_pension_coverage_rate target 2020 = missing % binding",
        "L9 basic_pension_coverage_rate base 2020 = 95 % binding",
        "L9 basic_pension_coverage_rate target 2025 > 96 % binding"), ObservationText.of(r.observations()));
    assertEquals(List.of("13th", "14th", "14th"), r.observations().subList(0, 3).stream().map(Observation::planPeriod).toList());
    assertEquals("2020年 / 目标", r.observations().get(0).sourceColumn());
  }

  @Test
  void columnsInReverseOrderAreKnownByTheirHeaders() throws Exception {
    assertEquals(List.of(
        "L5 surveyed_urban_unemployment_rate target 2025 <= 5.5 % anticipatory",
        "L5 surveyed_urban_unemployment_rate base 2020 = 5.6 % anticipatory",
        "L6 unemployment_insurance_insured target 2025 = 6.02 万人 binding",
        "L6 unemployment_insurance_insured base 2020 = 5.05 万人 binding",
        "L7 urban_new_jobs target 2025 = 2.5 万人 cum anticipatory",
        "L7 urban_new_jobs base 2020 = 2.4 万人 cum anticipatory"), ObservationText.of(extract("reversed_columns.txt").observations()));
  }

  @Test
  void aPageLaidOutInOneBigTableIsReadAsTheBlocksInsideIt() throws Exception {
    ExtractionResult r = extract("layout_table_page.html");
    assertEquals(List.of(
        "L7 surveyed_urban_unemployment_rate base 2020 = 5.4 % anticipatory",
        "L7 surveyed_urban_unemployment_rate target 2025 < 5.5 % anticipatory"), ObservationText.of(r.observations()));
    assertEquals("extracted", r.account().status());
    assertEquals("专栏2", r.observations().get(0).sourceTable());
    assertEquals("L7", r.observations().get(0).sourceLocator());
  }

  @Test
  void aBlankCellAmongBlankSeparatedCellsMakesItsRowShortNeverShiftsTheNextRow() throws Exception {
    ExtractionResult r = extract("blank_cells_missing_cell.txt");
    assertEquals(List.of(
        "L29 unemployment_insurance_insured base 2020 = 8.5 万人 binding",
        "L31 unemployment_insurance_insured target 2025 = 9.2 万人 binding"), ObservationText.of(r.observations()));
    assertEquals(List.of("L17 row_too_few_cells 万人", "L19 row_too_few_cells 预期性", "L21 row_too_few_cells [3.1]"),
        r.quarantined().stream().map(q -> "L" + q.sourceLine() + " " + q.reasonCode() + " " + q.rawText()).toList());
    assertEquals("partially_extracted", r.account().status());
    assertEquals(1, r.findings().stream().filter(f -> f.findingType().equals("row_not_read")).count());
  }

  @Test
  void aLaterYearColumnIsALaterTargetOfTheSamePlanNotAnotherPeriod() throws Exception {
    // a 十四五 plan whose table also prints the 2035 远景 targets: every value stays with 十四五, the 2035 column a target
    ExtractionResult r = extract("vision_2035_column.txt");
    assertEquals(List.of(
        "14th L5 surveyed_urban_unemployment_rate base 2020 = 5.6 % anticipatory",
        "14th L5 surveyed_urban_unemployment_rate target 2025 <= 5.5 % anticipatory",
        "14th L5 surveyed_urban_unemployment_rate target 2035 <= 5 % anticipatory",
        "14th L6 unemployment_insurance_insured base 2020 = 5.05 万人 binding",
        "14th L6 unemployment_insurance_insured target 2025 = 6.02 万人 binding",
        "14th L6 unemployment_insurance_insured target 2035 = 7.5 万人 binding"),
        r.observations().stream().map(o -> o.planPeriod() + " " + ObservationText.of(List.of(o)).get(0)).toList());
    assertEquals("extracted", r.account().status());
  }

  @Test
  void rowBlocksUnderAHeaderWithItsYearsUnderTheRolesAndARowThatFitsNoOrderQuarantinedWhole() throws Exception {
    // 序号 / 指标名称 / 现状值 2020年 / 目标值 2025年 / 属性, one row per block; the third row prints 属性 before its only value
    ExtractionResult r = extract("row_blocks_role_year_header.txt");
    assertEquals(List.of(
        "L15 surveyed_urban_unemployment_rate base 2020 = 5.6 % anticipatory",
        "L16 surveyed_urban_unemployment_rate target 2025 <= 5.5 % anticipatory",
        "L22 unemployment_insurance_insured base 2020 = 5.05 万人 binding",
        "L23 unemployment_insurance_insured target 2025 = 6.02 万人 binding"), ObservationText.of(r.observations()));
    assertEquals(List.of("L26 row_not_aligned 3", "L27 row_not_aligned 城镇新增就业人数", "L28 row_not_aligned (万人)",
        "L29 row_not_aligned 预期性", "L30 row_not_aligned [2.5]"),
        r.quarantined().stream().map(q -> "L" + q.sourceLine() + " " + q.reasonCode() + " " + q.rawText()).toList());
    assertEquals("partially_extracted", r.account().status());
  }

  @Test
  void headerWordsPrintedInPiecesAreOneHeaderCell() throws Exception {
    // 指标 ␤␤ 名称 and 属 ␤␤ 性 between blank lines (a narrow column wrapped): 指标名称 and 属性
    assertEquals(List.of(
        "L29 surveyed_urban_unemployment_rate base 2020 = 5.6 % anticipatory",
        "L31 surveyed_urban_unemployment_rate target 2025 <= 5.5 % anticipatory",
        "L41 unemployment_insurance_insured base 2020 = 5.05 万人 binding",
        "L43 unemployment_insurance_insured target 2025 = 6.02 万人 binding"), ObservationText.of(extract("header_words_in_pieces.txt").observations()));
  }

  @Test
  void rowBlocksWithTheCategoryOnceTheTargetBeforeTheBaseAndAWrappedLabel() throws Exception {
    // 指标类别 / 指标名称 / 属性 / 单位 / 2030年目标 / 2025年基数, one row per block; 就业 and 社会保障 printed once each;
    // 失业保险参保 / 人数 wrapped; 万张 is not a unit of the catalog's card holders (万人): that row's cells quarantined
    ExtractionResult r = extract("row_blocks_category_first_target_before_base.txt");
    assertEquals(List.of(
        "L18 urban_new_jobs target 2030 = 2.5 万人 cum anticipatory",
        "L19 urban_new_jobs base 2025 = 2.3 万人 anticipatory",
        "L24 surveyed_urban_unemployment_rate target 2030 <= 5.5 % anticipatory",
        "L25 surveyed_urban_unemployment_rate base 2025 = 5.2 % anticipatory",
        "L31 basic_pension_insured target 2030 = 68 万人 binding",
        "L32 basic_pension_insured base 2025 = 65.3 万人 binding",
        "L38 unemployment_insurance_insured target 2030 >= 6.5 万人 binding",
        "L39 unemployment_insurance_insured base 2025 = 6.02 万人 binding"), ObservationText.of(r.observations()));
    assertEquals(List.of("unknown_unit", "unknown_unit"), r.quarantined().stream().map(QuarantinedCell::reasonCode).toList());
    assertEquals("cells_quarantined", r.account().status(), "a value not read is never extracted");
  }

  @Test
  void aPlanByYearGivesEachYearItsRoleByTheIssueYearAndItsTotalsRowACumulativeTarget() throws Exception {
    // 铜府办发〔2022〕: 2021 is before the issue year (注：2021年为完成数) → base; 2022–2024 targets; 合计 → 2024, cumulative
    ExtractionResult r = extract("year_rows_bare_lines.txt");
    assertEquals(List.of(
        "L18 urban_new_jobs base 2021 = 1.1236 万人",
        "L19 registered_unemployed_reemployed base 2021 = 0.325 万人",
        "L20 entrepreneurship_supported base 2021 = 860 人",
        "L23 urban_new_jobs target 2022 = 1.15 万人",
        "L24 registered_unemployed_reemployed target 2022 = 0.33 万人",
        "L25 entrepreneurship_supported target 2022 = 900 人",
        "L28 urban_new_jobs target 2023 = 1.18 万人",
        "L29 registered_unemployed_reemployed target 2023 = 0.34 万人",
        "L30 entrepreneurship_supported target 2023 = 950 人",
        "L33 urban_new_jobs target 2024 = 1.2 万人",
        "L34 registered_unemployed_reemployed target 2024 = 0.35 万人",
        "L35 entrepreneurship_supported target 2024 = 1000 人",
        "L38 urban_new_jobs target 2024 = 3.53 万人 cum",
        "L39 registered_unemployed_reemployed target 2024 = 1.02 万人 cum",
        "L40 entrepreneurship_supported target 2024 = 2850 人 cum"), ObservationText.of(r.observations()));
    assertEquals("14th", r.observations().get(0).planPeriod(), "the period the years fall in: the plan names none");
    assertEquals("重点任务: 稳就业保就业", r.observations().get(0).note(), "the text column before the figures says what they are for");
    assertEquals(null, r.observations().get(14).note(), "a dash says nothing");
    assertEquals("extracted", r.account().status(), r.findings().toString());
  }

  @Test
  void aPlanByYearWithMergedCellsReadsEachMergedCellOnceAndItsSubColumnsByTheirWords() throws Exception {
    // 2021 spans two 片区 rows; its 累计 and 失业率 cells are merged over both, read once and noted for both; 当年 is the
    // indicator itself
    ExtractionResult r = extract("year_rows_merged.html");
    List<String> rows = r.observations().stream().map(o -> ObservationText.of(o) + " | " + o.note()).toList();
    assertEquals(List.of(
        "L12 urban_new_jobs base 2020 = 1.12 万人 | 实施片区: 全县",
        "L12 ?城镇新增就业(万人)累计 base 2020 = 5.46 万人 cum [unknown_indicator] | 实施片区: 全县",
        "L12 surveyed_urban_unemployment_rate base 2020 = 5.6 % | 实施片区: 全县",
        "L13 urban_new_jobs target 2021 = 0.7 万人 | 实施片区: 县城片区",
        "L13 ?城镇新增就业(万人)累计 target 2021 = 1.15 万人 cum [unknown_indicator] | 实施片区: 县城片区、乡镇片区",
        "L13 surveyed_urban_unemployment_rate target 2021 <= 5.5 % | 实施片区: 县城片区、乡镇片区",
        "L14 urban_new_jobs target 2021 = 0.45 万人 | 实施片区: 乡镇片区",
        "L15 urban_new_jobs target 2022 = 1.18 万人 | 实施片区: 全县",
        "L15 ?城镇新增就业(万人)累计 target 2022 = 2.33 万人 cum [unknown_indicator] | 实施片区: 全县",
        "L15 surveyed_urban_unemployment_rate target 2022 <= 5.5 % | 实施片区: 全县",
        "L16 urban_new_jobs target 2023 = 1.2 万人 | 实施片区: 全县",
        "L16 ?城镇新增就业(万人)累计 target 2023 = 3.53 万人 cum [unknown_indicator] | 实施片区: 全县",
        "L16 surveyed_urban_unemployment_rate target 2023 <= 5.5 % | 实施片区: 全县",
        "L17 urban_new_jobs target 2024 = 1.22 万人 | 实施片区: 全县",
        "L17 ?城镇新增就业(万人)累计 target 2024 = 4.75 万人 cum [unknown_indicator] | 实施片区: 全县",
        "L17 surveyed_urban_unemployment_rate target 2024 <= 5.5 % | 实施片区: 全县",
        "L18 urban_new_jobs target 2025 = 1.25 万人 | 实施片区: 全县",
        "L18 ?城镇新增就业(万人)累计 target 2025 = 6 万人 cum [unknown_indicator] | 实施片区: 全县",
        "L18 surveyed_urban_unemployment_rate target 2025 <= 5.5 % | 实施片区: 全县"), rows);
    assertEquals("extracted", r.account().status(), r.findings().toString());
  }

  @Test
  void aPlanByYearWithoutAnIssueDateTakesYearsUpToThePeriodsBaseYearAsBase() {
    String doc = String.join("\n", "达川区就业工作年度计划", "", "表1 年度目标", "年份", "城镇新增就业（万人）", "2020年", "2.06",
        "2021年", "2.1", "2025年", "2.3", "", "一、主要任务", "");
    ExtractionResult r = TestFixtures.extractor().extract("dachuan_by_year.txt", doc.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(List.of(
        "L7 urban_new_jobs base 2020 = 2.06 万人",
        "L9 urban_new_jobs target 2021 = 2.1 万人",
        "L11 urban_new_jobs target 2025 = 2.3 万人"), ObservationText.of(r.observations()));
  }

  @Test
  void aRowOfAPlanByYearThatIsNoYearIsQuarantinedWholeNotRead() {
    String html = "<html><body><p>叙永县就业年度计划（叙府发〔2021〕3号）</p><p>表1 年度目标</p><table>"
        + "<tr><td>年份</td><td>城镇新增就业（万人）</td></tr><tr><td>2021年</td><td>0.8</td></tr><tr><td>2022年</td><td>0.85</td></tr>"
        + "<tr><td>说明</td><td>按季度考核0.2</td></tr></table></body></html>";
    ExtractionResult r = TestFixtures.extractor().extract("xuyong_by_year.html", html.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(2, r.observations().size());
    assertEquals(List.of("row_not_aligned", "row_not_aligned"), r.quarantined().stream().map(QuarantinedCell::reasonCode).toList());
    assertEquals("partially_extracted", r.account().status());
  }

  @Test
  void aUnitInTheValueHeaderIsTheUnitOfRowsThatPrintNoneAndQiZhongRowsKeepTheirParentAndARangeItsBounds() throws Exception {
    ExtractionResult r = extract("unit_in_value_header.txt");
    List<String> rows = r.observations().stream().map(o -> ObservationText.of(o) + " | " + o.note()).toList();
    assertEquals(List.of(
        "L5 surveyed_urban_unemployment_rate base 2020 = 5.4 % anticipatory | null",
        "L5 surveyed_urban_unemployment_rate target 2025 < 5.5 % anticipatory | null",
        "L6 ?青年失业率 base 2020 = 9.6 % anticipatory [unknown_indicator] | 上级指标: 城镇调查失业率",
        "L6 ?青年失业率 target 2025 = 9 % anticipatory [unknown_indicator] | 上级指标: 城镇调查失业率",
        "L7 basic_pension_coverage_rate base 2020 = 95 % binding | null",
        "L7 basic_pension_coverage_rate target 2025 = range % binding | null",
        "L8 unemployment_insurance_insured base 2020 = 8.5 万人 binding | null",
        "L8 unemployment_insurance_insured target 2025 = 9.2 万人 binding | null",
        "L9 ?农民工参保人数 base 2020 = 1.2 万人 anticipatory [unknown_indicator] | 上级指标: 失业保险参保人数",
        "L9 ?农民工参保人数 target 2025 = 1.6 万人 anticipatory [unknown_indicator] | 上级指标: 失业保险参保人数"), rows);
    Observation range = r.observations().get(5);
    assertEquals(96.0, range.valueLow());
    assertEquals(98.0, range.valueHigh());
    assertEquals(null, range.value(), "a range is never one value");
    assertEquals("%", r.observations().get(0).unitRaw(), "the header's unit, as printed");
  }

  @Test
  void aPlanByYearWhoseYearsFollowASerialColumnIsReadAndItsNoteColumnIsANote() throws Exception {
    // 叙府办发〔2023〕: 序号 before 年度, 备注 last (完成数 on 2022) — 2022 is before the issue year → base
    ExtractionResult r = extract("year_rows_after_serial.html");
    List<String> rows = r.observations().stream().map(o -> ObservationText.of(o) + " | " + o.note()).toList();
    assertEquals(List.of(
        "L8 urban_new_jobs base 2022 = 0.612 万人 | 备注: 完成数",
        "L8 surveyed_urban_unemployment_rate base 2022 = 5.6 % | 备注: 完成数",
        "L9 urban_new_jobs target 2023 = 0.62 万人 | null",
        "L9 surveyed_urban_unemployment_rate target 2023 <= 5.5 % | null",
        "L10 urban_new_jobs target 2024 = 0.63 万人 | null",
        "L10 surveyed_urban_unemployment_rate target 2024 <= 5.5 % | null",
        "L11 urban_new_jobs target 2025 = 0.65 万人 | null",
        "L11 surveyed_urban_unemployment_rate target 2025 <= 5.5 % | null"), rows);
    assertEquals("extracted", r.account().status());
  }
}
