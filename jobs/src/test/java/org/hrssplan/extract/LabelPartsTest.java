package org.hrssplan.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LabelPartsTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "null", value = {
      "1.城镇新增就业人数（万人）                      | 城镇新增就业人数 | 万人 | false | false",
      "*1.城镇新增就业人数(万人)                       | 城镇新增就业人数 | 万人 | true  | false",
      "5.其中：农民工参加职业培训人次（万人次）        | 农民工参加职业培训人次 | 万人次 | false | true",
      "其中：高级职称人才数量（万人）                  | 高级职称人才数量 | 万人 | false | true",
      " 12.城乡居民基本医疗保险参保人数（万人）        | 城乡居民基本医疗保险参保人数 | 万人 | false | false",
      "9.乡镇（街道）、社区（村）就业社保服务机构标准化率（%） | 乡镇(街道)、社区(村)就业社保服务机构标准化率 | % | false | false",
      "*4.基本养老保险参保人数                         | 基本养老保险参保人数 | null | true | false",
      "高、中、初级专业技术人才比例                    | 高、中、初级专业技术人才比例 | null | false | false",
      "新增就业岗位                                    | 新增就业岗位 | null | false | false",
      "城镇调查失业率[1]                               | 城镇调查失业率 | null | true | false",
      "城镇新增就业人数（万人）［2］                    | 城镇新增就业人数 | 万人 | true | false",
      "失业保险参保人数①                               | 失业保险参保人数 | null | true | false",
  })
  void takesNumberingMarkerSubIndicatorAndUnitOff(String label, String name, String unit, boolean marked, boolean sub) {
    LabelParts p = LabelParts.parse(label);
    assertEquals(name, p.name());
    assertEquals(unit, p.unitRaw());
    assertEquals(marked, p.marked());
    assertEquals(sub, p.subIndicator());
  }
}
