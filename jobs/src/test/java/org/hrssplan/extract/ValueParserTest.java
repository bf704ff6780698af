package org.hrssplan.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.hrssplan.model.ValueKind;
import org.hrssplan.testing.TestFixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every value form printed in the seeds, read by hand: text → kind, number, unit, comparator, markers. */
class ValueParserTest {
  private final ValueParser parser = new ValueParser(TestFixtures.catalog());

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "null", value = {
      // text               | kind        | number  | unit  | comparator | cumulative | annual | marker
      "3.96                 | NUMBER      | 3.96    | null  | null       | false      | false  | false",
      "≤4.1                 | NUMBER      | 4.1     | null  | <=         | false      | false  | false",
      "＞92                 | NUMBER      | 92      | null  | >          | false      | false  | false",
      "＜5.5                | NUMBER      | 5.5     | null  | <          | false      | false  | false",
      "≥95                  | NUMBER      | 95      | null  | >=         | false      | false  | false",
      "[2.7]                | NUMBER      | 2.7     | null  | null       | true       | false  | false",
      "   [2.5]             | NUMBER      | 2.5     | null  | null       | true       | false  | false",
      "[ 2.39]              | NUMBER      | 2.39    | null  | null       | true       | false  | false",
      "【0.96】             | NUMBER      | 0.96    | null  | null       | true       | false  | false",
      "〔1.5〕              | NUMBER      | 1.5     | null  | null       | true       | false  | false",
      "[>2.0]               | NUMBER      | 2.0     | null  | >          | true       | false  | false",
      "[≥1.2]               | NUMBER      | 1.2     | null  | >=         | true       | false  | false",
      "8.49*                | NUMBER      | 8.49    | null  | null       | false      | false  | true",
      "２．０６             | NUMBER      | 2.06    | null  | null       | false      | false  | false",
      "35.07%               | NUMBER      | 35.07   | %     | null       | false      | false  | false",
      "累计不低于2万人次    | NUMBER      | 2       | 万人次 | >=        | true       | false  | false",
      "累计完成25667人次    | NUMBER      | 25667   | 人次  | null       | true       | false  | false",
      "累计不低于3250人     | NUMBER      | 3250    | 人    | >=         | true       | false  | false",
      "每年不低于2.6万个    | NUMBER      | 2.6     | 万个  | >=         | false      | true   | false",
      "每年均超过2.6万个    | NUMBER      | 2.6     | 万个  | >          | false      | true   | false",
      "0                    | NUMBER      | 0       | null  | null       | false      | false  | false",
      // a unit word the unit table lacks is kept as printed (whether the row may have it is the interpreter's call)
      "5万台                | NUMBER      | 5       | 万台  | null       | false      | false  | false",
      "4.65km/km²           | NUMBER      | 4.65    | km/km² | null      | false      | false  | false",
      "10:40:50             | RATIO       | null    | null  | null       | false      | false  | false",
      "增加20               | CHANGE      | null    | null  | null       | false      | false  | false",
      "提高2个百分点        | CHANGE      | null    | null  | null       | false      | false  | false",
      "35-40                | RANGE       | 35      | null  | null       | false      | false  | false",
      "〔3000—4000〕        | RANGE       | 3000    | null  | null       | true       | false  | false",
      "25～27%              | RANGE       | 25      | %     | null       | false      | false  | false",
      "约3至5万人           | RANGE       | 3       | 万人  | null       | false      | false  | false",
      "0.9:4.4:4.7          | RATIO       | null    | null  | null       | false      | false  | false",
      "—                    | MISSING     | null    | null  | null       | false      | false  | false",
      "－                   | MISSING     | null    | null  | null       | false      | false  | false",
      "依据人口变化动态调整 | QUALITATIVE | null    | null  | null       | false      | false  | false",
      "每年控制在市、区两级政府下达的控制指标范围内 | QUALITATIVE | null | null | null | false | true | false",
  })
  void readsEveryValueFormOfTheSeeds(String text, ValueKind kind, BigDecimal number, String unit, String comparator,
      boolean cumulative, boolean annual, boolean marker) {
    ParsedValue v = parser.parse(text);
    assertTrue(v.ok(), () -> "rejected: " + v.errorMessage());
    assertEquals(kind, v.kind());
    if (number == null) assertNull(v.number());
    else assertEquals(0, number.compareTo(v.number()), "number");
    assertEquals(unit, v.unitPrinted());
    assertEquals(comparator, v.comparator());
    assertEquals(cumulative, v.cumulative(), "cumulative");
    assertEquals(annual, v.annual(), "annual");
    assertEquals(marker, v.footnoteMarker(), "footnote marker");
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', value = {
      "5万台（含外地） | unknown_unit",
      "abc       | non_numeric",
      "#REF!     | non_numeric",
      "1.2.3     | unparseable_value",
      "≥>5       | conflicting_comparators",
  })
  void rejectsWhatItCannotRead(String text, String code) {
    ParsedValue v = parser.parse(text);
    assertFalse(v.ok(), "should be rejected: " + text);
    assertEquals(code, v.errorCode().code());
    assertTrue(v.errorMessage().contains(text.strip()) || v.errorMessage().contains("'"), v.errorMessage());
  }

  @ParameterizedTest(name = "{0} → {1} {2} {3}")
  @CsvSource(delimiter = '|', value = {
      "启动8个城中村整体改造项目              | number      | 8   | 个",
      "苏州河沿线堤防达到 100年一遇防洪标准   | number      | 100 | 年一遇",
      "30分钟提供震后趋势快速判定意见         | number      | 30  | 分钟",
      "至2030年，基本完成不成套职工住宅改造   | qualitative |     | ",
      "2027年底完成小梁薄板改造，2030年底基本完成 | qualitative |  | ",
      "2027年60%，2028年进一步优化布局        | qualitative |     | ",
      "完成市、区设定指标（其中2026年0.23万套） | qualitative |   | ",
  })
  void aStatementGivesItsOneNumberWithItsMeasureWordOrIsText(String text, String kind, String number, String unit) {
    ParsedValue v = parser.parse(text);
    assertTrue(v.ok(), () -> "rejected: " + v.errorMessage());
    assertEquals(kind, v.kind().code());
    if (number == null) assertNull(v.number());
    else assertEquals(0, new java.math.BigDecimal(number).compareTo(v.number()));
    assertEquals(unit, v.unitPrinted());
    assertEquals(number != null, v.inStatement());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "城市100%，农村70%",
      "震后20分钟内提供快速评估结果，震后30分钟内提供地震趋势应急辅助决策意见",
      "1:25万图",
  })
  void aStatementWithSeveralFiguresIsNotGuessed(String text) {
    assertEquals("unparseable_value", parser.parse(text).errorCode().code());
  }

  @ParameterizedTest(name = "{0} → {1} to {2}")
  @CsvSource(delimiter = '|', value = {"35-40 | 35 | 40", "〔3000—4000〕 | 3000 | 4000", "25～27% | 25 | 27", "约3至5万人 | 3 | 5"})
  void aRangeKeepsBothItsBounds(String text, BigDecimal low, BigDecimal high) {
    ParsedValue v = parser.parse(text);
    assertEquals(0, low.compareTo(v.number()));
    assertEquals(0, high.compareTo(v.upper()));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"5.5[1] | 5.5", "96%② | 96", "[25] | 25"})
  void aFootnoteMarkAfterAValueIsAMarkerNotPartOfIt(String text, BigDecimal number) {
    ParsedValue v = parser.parse(text);
    assertEquals(0, number.compareTo(v.number()), () -> text + " → " + v);
    assertEquals(!text.startsWith("["), v.footnoteMarker());
  }
}
