package org.hrssplan.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import org.hrssplan.model.Observation;
import org.hrssplan.testing.ObservationText;
import org.hrssplan.testing.TestFixtures;
import org.junit.jupiter.api.Test;

/**
 * Table shapes the county offices type and the first extractor did not read (fixtures/shapes), one small
 * document each. The expected rows are written by hand from the fixture, cell by cell (line numbers from
 * {@code nl -ba}, conversions from the catalog's unit table), never copied from program output. The regions
 * are fictitious (fixtures/shapes/regions.csv) except the two 朝阳区, which must be told apart by their city.
 */
class TableShapesTest {
  private static PlanExtractor extractor() {
    return TestFixtures.shapesExtractor();
  }

  private static ExtractionResult extract(String name) throws Exception {
    return extractor().extract(name, Files.readAllBytes(TestFixtures.resource("fixtures/shapes/" + name)));
  }

  /** Quarantined cells as {@code reason_code L<line>}, in the order reported. */
  private static List<String> quarantined(ExtractionResult r) {
    return r.quarantined().stream().map(q -> q.reasonCode() + " L" + q.sourceLine()).toList();
  }

  private static void assertAllPeriod(String period, ExtractionResult r) {
    assertTrue(r.observations().stream().allMatch(o -> o.planPeriod().equals(period)),
        () -> "all observations of " + period + ": " + r.observations().stream().map(Observation::planPeriod).distinct().toList());
  }

  private static void assertBalanced(ExtractionResult r) {
    assertTrue(r.account().balanced(), () -> "accounting: " + r.account());
  }

  @Test
  void unitColumnConvertsValuesAndAttributeBeforeValuesIsRead() throws Exception {
    // bare cells, one per line between blank lines, header 指标 / 单位 / 属性 / 2020年 / 2025年
    ExtractionResult r = extract("blank_cells_unit_attr.txt");
    assertEquals(List.of(
        "L22 urban_new_jobs base 2020 = 0.52 万人 anticipatory",
        "L24 urban_new_jobs target 2025 = 2.5 万人 cum anticipatory",
        "L32 unemployment_insurance_insured base 2020 = 2.5667 万人 binding",
        "L34 unemployment_insurance_insured target 2025 > 2.8 万人 binding",
        "L42 surveyed_urban_unemployment_rate base 2020 = missing % anticipatory",
        "L44 surveyed_urban_unemployment_rate target 2025 <= 5.5 % anticipatory",
        "L52 ?返乡入乡创业人数 base 2020 = 1200 人 anticipatory [unknown_indicator]",
        "L54 ?返乡入乡创业人数 target 2025 = 1500 人 anticipatory [unknown_indicator]"), ObservationText.of(r.observations()));
    assertEquals("990125", r.account().regionCode());
    assertAllPeriod("14th", r);
    assertEquals("人", r.observations().get(2).unitRaw());
    assertEquals(List.of(), quarantined(r));
    assertBalanced(r);
  }

  @Test
  void mergedFirstLevelCellLeavesRowsOneCellShortAndTheSecondLevelLabelIsTheIndicator() throws Exception {
    ExtractionResult r = extract("two_level_labels.txt");
    assertEquals(List.of(
        "L16 urban_new_jobs base 2020 = 1.2 万人 anticipatory",
        "L16 urban_new_jobs target 2025 = 6 万人 cum anticipatory",
        "L17 surveyed_urban_unemployment_rate base 2020 = 5.1 % anticipatory",
        "L17 surveyed_urban_unemployment_rate target 2025 < 5.5 % anticipatory",
        "L18 vocational_training base 2020 = 0.8 万人次 anticipatory",
        "L18 vocational_training target 2025 = 4.5 万人次 cum anticipatory",
        "L19 basic_pension_coverage_rate base 2020 = 90.2 % binding",
        "L19 basic_pension_coverage_rate target 2025 = 95 % binding",
        "L20 work_injury_insurance_insured base 2020 = 2.36 万人 binding",
        "L20 work_injury_insurance_insured target 2025 = 2.8 万人 binding",
        "L21 skilled_talent_total base 2020 = 1.6 万人 anticipatory",
        "L21 skilled_talent_total target 2025 = 2.2 万人 anticipatory",
        "L22 ?高技能人才培养人数 base 2020 = 300 人 anticipatory [unknown_indicator]",
        "L22 ?高技能人才培养人数 target 2025 = 1500 人 cum anticipatory [unknown_indicator]"), ObservationText.of(r.observations()));
    assertEquals("990221", r.account().regionCode());
    assertAllPeriod("14th", r);
    assertEquals("城镇调查失业率", r.observations().get(2).indicatorNameRaw(), "the 二级指标 cell, not the group 就业");
    assertEquals(List.of(), quarantined(r));
    assertBalanced(r);
  }

  @Test
  void cmsHtmlTableWithRowspanCategoriesAndATwoRowHeaderGivesBaseTargetAndActual() throws Exception {
    ExtractionResult r = extract("cms_table.html");
    assertEquals("html", r.account().format());
    assertEquals(List.of(
        "L19 urban_new_jobs base 2015 = 1.1 万人 cum anticipatory",
        "L19 urban_new_jobs target 2020 = 1 万人 cum anticipatory",
        "L19 urban_new_jobs actual 2020 = 1.26 万人 cum anticipatory",
        "L20 registered_urban_unemployment_rate base 2015 = 3.6 % anticipatory",
        "L20 registered_urban_unemployment_rate target 2020 <= 4.5 % anticipatory",
        "L20 registered_urban_unemployment_rate actual 2020 = 3.2 % anticipatory",
        "L21 rural_surplus_labor_transfer base 2015 = 3.9 万人次 cum binding",
        "L21 rural_surplus_labor_transfer target 2020 = 4 万人次 cum binding",
        "L21 rural_surplus_labor_transfer actual 2020 = 4.31 万人次 cum binding",
        "L22 resident_pension_coverage_rate base 2015 = 92 % binding",
        "L22 resident_pension_coverage_rate target 2020 = 95 % binding",
        "L22 resident_pension_coverage_rate actual 2020 = 96.5 % binding",
        "L23 social_security_card_holders base 2015 = missing 万人 anticipatory",
        "L23 social_security_card_holders target 2020 = 18 万人 anticipatory",
        "L23 social_security_card_holders actual 2020 = 19.2 万人 anticipatory",
        "L24 dispute_arbitration_closure_rate base 2015 = 92 % anticipatory",
        "L24 dispute_arbitration_closure_rate target 2020 = 92 % anticipatory",
        "L24 dispute_arbitration_closure_rate actual 2020 = 95.3 % anticipatory",
        "L25 ?乡村人才振兴带头人 base 2015 = 120 人 anticipatory [unknown_indicator]",
        "L25 ?乡村人才振兴带头人 target 2020 = 200 人 anticipatory [unknown_indicator]",
        "L25 ?乡村人才振兴带头人 actual 2020 = 236 人 anticipatory [unknown_indicator]"), ObservationText.of(r.observations()));
    assertEquals("990222", r.account().regionCode());
    assertAllPeriod("13th", r);
    assertEquals("农村富余劳动力转移就业", r.observations().get(6).indicatorNameRaw(), "<br> inside a label joins its two halves");
    assertEquals("“十三五”时期 / 规划目标", r.observations().get(1).sourceColumn());
    assertEquals("“十三五”时期 / 2020年完成数", r.observations().get(2).sourceColumn());
    assertEquals(List.of(), quarantined(r));
    assertBalanced(r);
  }

  @Test
  void fifteenthPlanTableTakesTheFourteenthPlansCompletionAsItsBase() throws Exception {
    ExtractionResult r = extract("fifteenth_plan.txt");
    assertEquals(List.of(
        "L16 urban_new_jobs base 2025 = 2.65 万人 cum anticipatory",
        "L16 urban_new_jobs target 2030 = 2.5 万人 cum anticipatory",
        "L17 surveyed_urban_unemployment_rate base 2025 = 5.2 % anticipatory",
        "L17 surveyed_urban_unemployment_rate target 2030 <= 5.5 % anticipatory",
        "L18 vocational_training base 2025 = 1.9 万人次 cum anticipatory",
        "L18 vocational_training target 2030 = 2 万人次 cum anticipatory",
        "L20 basic_pension_coverage_rate base 2025 = 95.3 % binding",
        "L20 basic_pension_coverage_rate target 2030 = 97 % binding",
        "L21 unemployment_insurance_insured base 2025 = 3.12 万人 binding",
        "L21 unemployment_insurance_insured target 2030 = 3.5 万人 binding",
        "L22 ?新就业形态劳动者参保人数 base 2025 = missing 万人 anticipatory [unknown_indicator]",
        "L22 ?新就业形态劳动者参保人数 target 2030 = 1.2 万人 anticipatory [unknown_indicator]",
        "L24 high_skilled_talent_total base 2025 = 1.35 万人 anticipatory [unit_assumed]",
        "L24 high_skilled_talent_total target 2030 = 1.8 万人 anticipatory [unit_assumed]"), ObservationText.of(r.observations()));
    assertEquals("990202", r.account().regionCode());
    assertAllPeriod("15th", r);
    assertEquals(List.of(), quarantined(r));
    assertBalanced(r);
  }

  @Test
  void tableTitledOnlyMainIndicatorsTakesThePeriodFromItsHeadersAndQuarantinesAMultiValueCell() throws Exception {
    ExtractionResult r = extract("main_indicator_table.txt");
    assertEquals(List.of(
        "L18 urban_new_jobs base 2020 = 3.02 万人 cum anticipatory",
        "L19 urban_new_jobs target 2025 = 3 万人 cum anticipatory",
        "L26 registered_urban_unemployment_rate target 2025 <= 4.5 % anticipatory",
        "L29 employment_skills_training base 2020 = missing 万人 anticipatory",
        "L31 employment_skills_training target 2025 = 1.5 万人 cum anticipatory",
        "L37 skilled_talent_total base 2020 = 4.6 万人 anticipatory [unit_assumed]",
        "L38 skilled_talent_total target 2025 = 6 万人 anticipatory [unit_assumed]",
        "L42 ?零就业家庭动态清零率 base 2020 = 100 % binding [unknown_indicator]",
        "L43 ?零就业家庭动态清零率 target 2025 = 100 % binding [unknown_indicator]"), ObservationText.of(r.observations()));
    assertEquals("990224", r.account().regionCode());
    assertAllPeriod("14th", r);
    // 城镇登记失业率's 2020 cell prints 3.2 / 3.5 / 4.0 on three lines (23–25): not one value
    assertEquals(List.of("multi_value_cell L23"), quarantined(r));
    assertBalanced(r);
  }

  @Test
  void districtPlanNamingItsParentCityMoreOftenIsTheDistricts() throws Exception {
    // 临江市 ×5, 江北区 ×3: the city is named as the district's superior, the plan is the district's
    ExtractionResult r = extract("district_names_parent.txt");
    assertEquals("990102", r.account().regionCode());
    assertEquals(List.of(
        "L18 urban_new_jobs base 2020 = 4.1 万人 cum anticipatory",
        "L18 urban_new_jobs target 2025 = 4 万人 cum anticipatory",
        "L19 surveyed_urban_unemployment_rate base 2020 = 5 % anticipatory",
        "L19 surveyed_urban_unemployment_rate target 2025 < 5.5 % anticipatory",
        "L21 work_injury_insurance_insured base 2020 = 6.3 万人 binding",
        "L21 work_injury_insurance_insured target 2025 = 7 万人 binding",
        "L22 ?社区就业服务站覆盖率 base 2020 = 90 % anticipatory [unknown_indicator]",
        "L22 ?社区就业服务站覆盖率 target 2025 = 100 % anticipatory [unknown_indicator]"), ObservationText.of(r.observations()));
    assertTrue(r.observations().stream().allMatch(o -> "990102".equals(o.regionCode())));
    assertAllPeriod("14th", r);
    assertEquals(List.of(), quarantined(r));
    assertBalanced(r);
  }

  @Test
  void sameNamedDistrictIsToldApartByTheCityTheDocumentNames() throws Exception {
    // two 朝阳区 in regions.csv (北京市 110105, 长春市 220104); the document names 长春市
    ExtractionResult r = extract("same_name_district.txt");
    assertEquals("220104", r.account().regionCode());
    assertEquals(List.of(
        "L14 urban_new_jobs base 2020 = 5.6 万人 cum anticipatory",
        "L14 urban_new_jobs target 2025 = 5 万人 cum anticipatory",
        "L15 registered_urban_unemployment_rate base 2020 = 3.3 % anticipatory",
        "L15 registered_urban_unemployment_rate target 2025 <= 4.5 % anticipatory",
        "L16 unemployment_insurance_insured base 2020 = 8.72 万人 binding",
        "L16 unemployment_insurance_insured target 2025 = 9.5 万人 binding",
        "L17 dispute_arbitration_closure_rate base 2020 = 93 % anticipatory [unit_assumed]",
        "L17 dispute_arbitration_closure_rate target 2025 >= 95 % anticipatory [unit_assumed]",
        "L18 ?街道社保服务窗口数 base 2020 = 14 个 anticipatory [unknown_indicator]",
        "L18 ?街道社保服务窗口数 target 2025 = 16 个 anticipatory [unknown_indicator]"), ObservationText.of(r.observations()));
    assertAllPeriod("14th", r);
    assertEquals(List.of(), quarantined(r));
    assertBalanced(r);
  }

  @Test
  void sameNamedDistrictWithoutItsCityIsNotGuessed() throws Exception {
    ExtractionResult r = extract("same_name_ambiguous.txt");
    assertNull(r.account().regionCode());
    assertEquals("region_not_identified", r.account().status());
    assertEquals(List.of(), ObservationText.of(r.observations()));
    assertEquals(List.of(
        "region_not_identified L14", "region_not_identified L14",
        "region_not_identified L15", "region_not_identified L15",
        "region_not_identified L16", "region_not_identified L16"), quarantined(r));
    assertTrue(r.findings().stream().anyMatch(f -> f.findingType().equals("region_not_identified")),
        () -> r.findings().stream().map(Finding::findingType).toList().toString());
    assertBalanced(r);
  }

  @Test
  void titledTableWithoutAHeaderRowIsReportedNotSilentlySkipped() throws Exception {
    // 专栏2 at line 12 is followed by labels and values but no 指标 header: no table can be made of them
    ExtractionResult r = extract("table_found_unreadable.txt");
    assertEquals("990321", r.account().regionCode());
    assertEquals(List.of(), ObservationText.of(r.observations()));
    assertEquals("no_table_read", r.account().status());
    List<Finding> notRead = r.findings().stream().filter(f -> f.findingType().equals("table_not_read")).toList();
    assertEquals(1, notRead.size(), () -> r.findings().stream().map(Finding::findingType).toList().toString());
    assertEquals("table_found_unreadable.txt", notRead.get(0).sourceFile());
    assertEquals("12", notRead.get(0).sourceLines());
    assertBalanced(r);
  }

  @Test
  void attributeFirstColumnsWithARemarksColumnAndTargetBeforeBaseAreReadByHeaderWords() throws Exception {
    // 属性 | 序号 (一、二 …) | 指标 | 2025年预期目标 | 2020年实际 | 备注: 2020 is the year before 十四五, so 实际 there is the base
    ExtractionResult r = extract("attribute_first_note_column.txt");
    assertEquals(List.of(
        "L15 urban_new_jobs target 2025 = 1.5 万人 cum binding",
        "L15 urban_new_jobs base 2020 = 1.62 万人 cum binding",
        "L16 surveyed_urban_unemployment_rate target 2025 <= 5.5 % anticipatory",
        "L16 surveyed_urban_unemployment_rate base 2020 = 5.2 % anticipatory",
        "L17 employee_medical_insured target 2025 = 4.5 万人 binding",
        "L17 employee_medical_insured base 2020 = 4.16 万人 binding",
        "L18 hr_service_revenue target 2025 = 0.8 亿元 anticipatory",
        "L18 hr_service_revenue base 2020 = 0.56 亿元 anticipatory",
        "L19 ?新增返乡入乡创业人数 target 2025 = 1000 人 cum anticipatory [unknown_indicator]",
        "L19 ?新增返乡入乡创业人数 base 2020 = 860 人 cum anticipatory [unknown_indicator]",
        "L20 social_security_card_coverage_rate target 2025 = 99 % binding [unit_assumed]",
        "L20 social_security_card_coverage_rate base 2020 = 98.5 % binding [unit_assumed]"), ObservationText.of(r.observations()));
    assertEquals("990322", r.account().regionCode());
    assertAllPeriod("14th", r);
    assertEquals("万元", r.observations().get(6).unitRaw());
    assertEquals(List.of(), quarantined(r));
    assertBalanced(r);
  }

  @Test
  void excelPastedRowsWithInLineTabsAndAUnitHintInTheLabelHeader() throws Exception {
    // one row per line, cells separated by TABs (not TAB-led), header 序号 / 指标（单位） / 2020年基数 / 2025年目标 / 属性
    ExtractionResult r = extract("excel_tab_rows.txt");
    assertEquals(List.of(
        "L15 urban_new_jobs base 2020 = 2.35 万人 cum anticipatory",
        "L15 urban_new_jobs target 2025 = 2.5 万人 cum anticipatory",
        "L16 surveyed_urban_unemployment_rate base 2020 = 5.3 % anticipatory",
        "L16 surveyed_urban_unemployment_rate target 2025 < 5.5 % anticipatory",
        "L17 migrant_worker_training base 2020 = 1.2 万人次 cum anticipatory",
        "L17 migrant_worker_training target 2025 = 1.5 万人次 cum anticipatory",
        "L19 resident_pension_coverage_rate base 2020 = 96.2 % binding",
        "L19 resident_pension_coverage_rate target 2025 >= 97 % binding",
        "L20 unemployment_insurance_insured base 2020 = missing 万人 binding",
        "L20 unemployment_insurance_insured target 2025 = 2.1 万人 binding",
        "L21 ?企业年金参保职工人数 base 2020 = 1850 人 anticipatory [unknown_indicator]",
        "L21 ?企业年金参保职工人数 target 2025 = 2400 人 anticipatory [unknown_indicator]",
        "L22 new_professional_title_certificates base 2020 = 420 人 cum anticipatory [unit_assumed]",
        "L22 new_professional_title_certificates target 2025 = 500 人 cum anticipatory [unit_assumed]"), ObservationText.of(r.observations()));
    assertEquals("990323", r.account().regionCode());
    assertAllPeriod("14th", r);
    assertEquals(List.of(), quarantined(r));
    assertBalanced(r);
  }
}
