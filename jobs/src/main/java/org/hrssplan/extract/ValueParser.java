package org.hrssplan.extract;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hrssplan.catalog.IndicatorCatalog;
import org.hrssplan.document.TextFolding;
import org.hrssplan.model.QuarantineReason;
import org.hrssplan.model.ValueKind;

/**
 * Reads one table value cell: {@code 3.96}, {@code ≤4.1}, {@code [2.7]}, {@code 【0.96】}, {@code 8.49*},
 * {@code [>2.0]}, {@code 累计不低于2万人次}, {@code 累计完成25667人次}, {@code 每年均超过2.6万个}, {@code 35.07%},
 * {@code 10:40:50}, {@code —}, {@code 依据人口变化动态调整}.
 *
 * <p>Rules, in order: fold widths; a trailing {@code *} is a footnote marker; an empty cell or a dash is
 * missing; {@code [ ]}/{@code 【 】}/{@code 〔 〕} or 累计 mark a five-year sum, 每年/年均 a per-year value; comparator
 * symbols and words are taken off the front and back; what remains must be a ratio {@code a:b:c} or one
 * number with an optional unit from the catalog's unit table. Text without any digit is qualitative
 * (if it has CJK characters) or rejected; text with digits that fits none of these forms is rejected,
 * as is a unit the unit table does not know.
 */
public final class ValueParser {
  private static final Set<String> MISSING = Set.of("", "—", "——", "-", "--", "–", "/", "—/—", "无");
  private static final Pattern BRACKETED = Pattern.compile("^(?:\\[(.*)]|【(.*)】|〔(.*)〕)$");
  private static final Pattern RATIO = Pattern.compile("^\\d+(?:\\.\\d+)?(?::\\d+(?:\\.\\d+)?)+$");
  /** A unit as printed: a few letters or Han characters, a slash, a power (km/km², m3, 万乘次), no punctuation. */
  private static final Pattern UNIT_WORD = Pattern.compile("^[\\p{IsHan}A-Za-z²³/·]{1,6}\\d?$");
  private static final Pattern NUMBER_UNIT = Pattern.compile("^([+-]?\\d+(?:\\.\\d+)?)(.*)$");
  private static final List<String> PREFIX_WORDS =
      List.of("不超过", "不高于", "不大于", "不低于", "不少于", "不小于", "低于", "少于", "小于", "超过", "高于", "大于", "多于",
          "≤", "≥", "<=", ">=", "⩽", "⩾", "<", ">");
  private static final List<String> SUFFIX_WORDS = List.of("以上", "以内", "以下", "左右");
  private static final List<String> FILLER = List.of("力争", "完成", "达到", "保持在", "稳定在", "控制在", "均", "达", "约");
  /** A change instead of a level: 增加20, 提高2个百分点, 下降15%, 比2020年增长10%. */
  private static final Pattern CHANGE = Pattern.compile("^(比\\d{4}年?(末|底)?)?(增加|提高|增长|提升|下降|减少|降低|缩小)\\d+(\\.\\d+)?(个百分点|[%‰]|\\p{IsHan}{0,3})$");
  /** Two numbers joined by a dash or 至: a range (35-40, 3000—4000, 25～27%). */
  private static final Pattern RANGE = Pattern.compile("^(\\d+(?:\\.\\d+)?)\\s*[-—–－～~至]+\\s*(\\d+(?:\\.\\d+)?)([%‰\\p{IsHan}]{0,4})$");
  /** A date, not a quantity: 2028年, 2027年底, 2026年6月 (when a thing is to be done). */
  private static final Pattern DATE = Pattern.compile("^20\\d\\d年(\\d{1,2}月)?(底|末|前|内|年底)?$");
  /** Inside a statement: a parenthesised remark, a date, a figure tied to a year, a number. */
  private static final Pattern REMARK = Pattern.compile("[(（][^()（）]*[)）]");
  private static final Pattern DATE_WORDS = Pattern.compile("20\\d\\d年(\\d{1,2}月)?(底|末|前|内|以前|以后)?");
  private static final Pattern MILESTONE = Pattern.compile("20\\d\\d年(底|末|前)?[,，:：]?(达到|达|实现|完成)?\\d");
  private static final Pattern STATED_NUMBER = Pattern.compile("\\d+(\\.\\d+)?");
  /** What may follow a number in a statement, as its unit: measure words and the units plans print. */
  private static final List<String> MEASURE_WORDS = List.of("个", "项", "座", "家", "所", "处", "条", "名", "户", "套", "张", "辆", "台",
      "次", "人", "人次", "万人", "万人次", "分钟", "小时", "天", "年一遇", "公里", "千米", "米", "平方米", "万平方米", "公顷", "亩",
      "分", "级", "%", "‰", "个百分点");
  private static final Pattern VALUE_FOOTNOTE = Pattern.compile("(?<=[\\d%‰])\\s*(\\[\\d{1,2}]|[①②③④⑤⑥⑦⑧⑨⑩])$");
  private static final Pattern PERCENT_FOOTNOTE = Pattern.compile("^(.*\\d[%％])\\d$");
  private static final Pattern HAS_DIGIT = Pattern.compile("\\d");
  private static final Pattern HAS_CJK = Pattern.compile("[\\p{IsHan}]");

  private final IndicatorCatalog catalog;

  public ValueParser(IndicatorCatalog catalog) {
    this.catalog = catalog;
  }

  public ParsedValue parse(String cellText) {
    String t = TextFolding.fold(cellText == null ? "" : cellText).strip();
    boolean marker = false;
    while (t.endsWith("*")) {
      marker = true;
      t = t.substring(0, t.length() - 1).strip();
    }
    // a footnote mark after the value ([1], ①) is a marker like *
    Matcher mark = VALUE_FOOTNOTE.matcher(t);
    if (mark.find() && mark.start() > 0) {
      marker = true;
      t = t.substring(0, mark.start()).strip();
    }
    // a footnote number printed after a percentage (35%1, 74.2%2) is a marker like *
    Matcher note = PERCENT_FOOTNOTE.matcher(t);
    if (note.matches()) {
      marker = true;
      t = note.group(1);
    }
    if (MISSING.contains(t)) {
      return new ParsedValue(ValueKind.MISSING, null, null, null, false, false, marker, null, null);
    }
    if (DATE.matcher(t.replaceAll("\\s+", "")).matches()) {
      return new ParsedValue(ValueKind.QUALITATIVE, null, null, null, false, false, marker, null, null);
    }
    if (CHANGE.matcher(t.replaceAll("\\s+", "")).matches()) {
      return new ParsedValue(ValueKind.CHANGE, null, null, null, false, false, marker, null, null);
    }
    boolean cumulative = false;
    Matcher br = BRACKETED.matcher(t);
    if (br.matches()) {
      cumulative = true;
      t = (br.group(1) != null ? br.group(1) : br.group(2) != null ? br.group(2) : br.group(3)).strip();
      while (t.endsWith("*")) {
        marker = true;
        t = t.substring(0, t.length() - 1).strip();
      }
    }
    if (t.contains("累计")) {
      cumulative = true;
      t = t.replace("累计", "");
    }
    boolean annual = false;
    for (String w : List.of("每年", "年均")) {
      if (t.contains(w)) {
        annual = true;
        t = t.replace(w, "");
      }
    }
    t = t.replaceAll("\\s+", "");
    String comparator = null;
    boolean changed = true;
    while (changed) {
      changed = false;
      for (String f : FILLER) {
        if (t.startsWith(f)) {
          t = t.substring(f.length());
          changed = true;
        }
      }
      for (String p : PREFIX_WORDS) {
        if (t.startsWith(p)) {
          if (comparator != null) return ParsedValue.error(QuarantineReason.CONFLICTING_COMPARATORS, "two comparators in '" + cellText.strip() + "'");
          comparator = Comparator.prefix(p);
          t = t.substring(p.length());
          changed = true;
          break;
        }
      }
    }
    for (String s : SUFFIX_WORDS) {
      if (t.endsWith(s)) {
        if (comparator != null) return ParsedValue.error(QuarantineReason.CONFLICTING_COMPARATORS, "two comparators in '" + cellText.strip() + "'");
        comparator = Comparator.suffix(s);
        t = t.substring(0, t.length() - s.length());
        break;
      }
    }
    if (t.isEmpty()) {
      return ParsedValue.error(QuarantineReason.EMPTY_AFTER_MARKERS, "only markers, no value, in '" + cellText.strip() + "'");
    }
    if (RATIO.matcher(t).matches()) {
      return new ParsedValue(ValueKind.RATIO, null, null, comparator, cumulative, annual, marker, null, null);
    }
    Matcher range = RANGE.matcher(t);
    if (range.matches() && comparator == null) {
      String unit = range.group(3).isEmpty() ? null : range.group(3);
      return new ParsedValue(ValueKind.RANGE, new BigDecimal(range.group(1)), unit, null, cumulative, annual, marker, null, null, false,
          new BigDecimal(range.group(2)));
    }
    Matcher m = NUMBER_UNIT.matcher(t);
    if (m.matches()) {
      String unit = m.group(2);
      if (unit.isEmpty()) unit = null;
      else if (catalog.unit(unit).isEmpty()) {
        ParsedValue stated = UNIT_WORD.matcher(unit).matches() ? null : statement(TextFolding.fold(cellText).strip(), marker, cumulative, annual);
        if (stated != null) return stated;
        if (HAS_DIGIT.matcher(unit).find() && !UNIT_WORD.matcher(unit).matches()) {
          return ParsedValue.error(QuarantineReason.UNPARSEABLE_VALUE, "cannot read a number from '" + cellText.strip() + "'");
        }
        // a short unit word the table lacks (km, 座, 万乘次) is kept as printed: whether that is allowed depends on the
        // row's indicator (TableInterpreter); anything longer is not a unit
        if (!UNIT_WORD.matcher(unit).matches()) {
          return ParsedValue.error(QuarantineReason.UNKNOWN_UNIT, "unit '" + unit + "' in '" + cellText.strip() + "' is not in the unit table");
        }
      }
      return new ParsedValue(ValueKind.NUMBER, new BigDecimal(m.group(1)), unit, comparator, cumulative, annual, marker, null, null);
    }
    String original = TextFolding.fold(cellText).strip();
    ParsedValue stated = HAS_CJK.matcher(original).find() && HAS_DIGIT.matcher(original).find()
        ? statement(original, marker, cumulative, annual) : null;
    if (stated != null) return stated;
    if (HAS_DIGIT.matcher(original).find()) {
      return ParsedValue.error(QuarantineReason.UNPARSEABLE_VALUE, "cannot read a number from '" + original + "'");
    }
    if (HAS_CJK.matcher(original).find()) {
      return new ParsedValue(ValueKind.QUALITATIVE, null, null, null, cumulative, annual, marker, null, null);
    }
    return ParsedValue.error(QuarantineReason.NON_NUMERIC, "'" + original + "' is neither a number nor a statement");
  }

  /**
   * A value cell written as a statement: its dates and its parenthesised remarks are not its value; what is left holds
   * one number with a measure word after it (启动8个城中村整体改造项目 → 8 个, 100年一遇防洪标准 → 100 年一遇,
   * 30分钟提供震后趋势快速判定意见 → 30 分钟), its comparator from the words right around it (不低于, 以上 …). A statement
   * whose only figures are dates (至2030年，基本完成…) is a text target; one that ties a figure to a year
   * (2027年60%，2028年…) states milestones, not the cell's value, and is a text target too. Null when neither: several
   * numbers, a number without a measure word — the cell is then rejected as before.
   */
  private ParsedValue statement(String text, boolean marker, boolean cumulative, boolean annual) {
    String t = REMARK.matcher(text.replaceAll("\\s+", "")).replaceAll("");
    if (MILESTONE.matcher(t).find()) return new ParsedValue(ValueKind.QUALITATIVE, null, null, null, cumulative, annual, marker, null, null);
    t = DATE_WORDS.matcher(t).replaceAll("");
    if (!HAS_DIGIT.matcher(t).find()) return new ParsedValue(ValueKind.QUALITATIVE, null, null, null, cumulative, annual, marker, null, null);
    Matcher n = STATED_NUMBER.matcher(t);
    if (!n.find()) return null;
    int start = n.start();
    int end = n.end();
    String number = n.group();
    if (n.find()) return null;
    String after = t.substring(end);
    String measure = null;
    for (String w : MEASURE_WORDS) if (after.startsWith(w) && (measure == null || w.length() > measure.length())) measure = w;
    if (measure == null || after.length() == measure.length() && start == 0) return null;
    String before = t.substring(0, start);
    String comparator = null;
    for (String p : PREFIX_WORDS) if (before.endsWith(p)) comparator = Comparator.prefix(p);
    for (String x : SUFFIX_WORDS) if (after.startsWith(measure + x)) comparator = Comparator.suffix(x);
    return new ParsedValue(ValueKind.NUMBER, new BigDecimal(number), measure, comparator, cumulative, annual, marker, null, null, true, null);
  }
}
