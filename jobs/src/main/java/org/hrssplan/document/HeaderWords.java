package org.hrssplan.document;

import java.util.regex.Pattern;

/**
 * The words of an indicator table's header, in one place: the text reader uses them to see where a table of bare
 * cells begins, the interpreter to give each column its kind. All tests run on folded text without whitespace.
 */
public final class HeaderWords {
  /** 指标, 指标名称, 一级指标, 二级指标, 主要指标, 指标（单位）, 指标名称及单位 … */
  private static final Pattern LABEL = Pattern.compile("^(一级|二级|三级|主要|具体|核心)?指标(名称|项目|内容|项)?(及单位|\\(单位\\))?$");
  private static final Pattern SERIAL = Pattern.compile("^(序号|编号|序)$");
  private static final Pattern CATEGORY = Pattern.compile("^(类别|类型|分类|领域|方面|指标类别|指标类型)$");
  private static final Pattern UNIT = Pattern.compile("^(计量|指标)?单位$");
  private static final Pattern ATTRIBUTE = Pattern.compile("^(指标)?(属性|性质)$");
  /** 备注, and a column that judges the row (进展评价 已完成): text kept with the row, no values. */
  private static final Pattern NOTE = Pattern.compile("^(备注|说明|注释|进展评价|进展情况|完成评价|评价)$");
  private static final Pattern VALUE_WORD = Pattern.compile("目标|完成|基数|基准|基期|实际|现状|预期值|规划值|年均|十[一二三四五六七八九]五");
  private static final Pattern YEAR = Pattern.compile("^20\\d\\d年?.{0,6}$");
  private static final Pattern ANY_YEAR = Pattern.compile("20\\d\\d");
  private static final Pattern DIGIT = Pattern.compile("\\d");

  private HeaderWords() {}

  public static String key(String text) {
    return TextFolding.fold(text).replaceAll("[\\s\"“”'‘’]", "");
  }

  public static boolean isLabel(String text) {
    return LABEL.matcher(key(text)).matches();
  }

  public static boolean isSerial(String text) {
    return SERIAL.matcher(key(text)).matches();
  }

  public static boolean isCategory(String text) {
    return CATEGORY.matcher(key(text)).matches();
  }

  public static boolean isUnit(String text) {
    return UNIT.matcher(key(text)).matches();
  }

  public static boolean isAttribute(String text) {
    return ATTRIBUTE.matcher(key(text)).matches();
  }

  public static boolean isNote(String text) {
    return NOTE.matcher(key(text)).matches();
  }

  /** A header that can head a value column: a year (2020年, 2025年目标), 基数, 目标, 完成…, or a period (“十三五”时期). */
  public static boolean isValue(String text) {
    String k = key(text);
    if (k.isEmpty() || k.length() > 20) return false;
    if (DIGIT.matcher(ANY_YEAR.matcher(k).replaceAll("")).find()) return false; // 累计完成25667人次 is a value, not a header
    return YEAR.matcher(k).matches() || VALUE_WORD.matcher(k).find();
  }

  /** Any word a header cell of an indicator table may hold. */
  public static boolean isHeader(String text) {
    return isLabel(text) || isSerial(text) || isCategory(text) || isUnit(text) || isAttribute(text) || isNote(text) || isValue(text);
  }
}
