package org.hrssplan.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hrssplan.document.HeaderWords;

/**
 * Gives each column of an indicator table its role and year from its header path (the header cells above it, top
 * down: {@code “十三五”时期 / 规划目标}), never from its position.
 *
 * <ul>
 *   <li>序号 → serial; 类别 → category; 单位 → unit; 属性 → attribute; 备注 → note; 指标 / 指标名称 / 二级指标 → label
 *       (with two label columns the first, 一级指标, is the row's group);</li>
 *   <li>完成 / 实际 → actual; 基数 / 基准 / 基期 → base; 目标 → target. The year is the one in the path, else the end
 *       year of a period named in it (“十四五”完成值 → 2025), else the table period's end (target, actual) or base
 *       year (base);</li>
 *   <li>a bare year: the year before the period → base; the period's end → actual in a completion table (完成 in the
 *       title) and target in a plan table; a bare period name: the table's own → target (actual in a completion
 *       table), the one before → base;</li>
 *   <li>any value column whose year is the year before the table's period is the base: the base of a plan is the
 *       previous period's result (“十四五”完成值 in a 十五五 table is the 2025 base) — except a target for that year
 *       (2020年 / 目标 in a 十四五 table), which is the previous period's target and is stored with that period.</li>
 * </ul>
 */
public final class ColumnRoles {
  private static final Pattern YEAR = Pattern.compile("(20\\d\\d)");
  private static final Pattern HEADER_UNIT = Pattern.compile("\\(([^()\\d]{1,6})\\)$");
  private static final Pattern ACTUAL_WORDS = Pattern.compile("完成|实际|实现");
  private static final Pattern BASE_WORDS = Pattern.compile("基数|基准|基期|现状");
  private static final Pattern TARGET_WORDS = Pattern.compile("目标|预期值|规划值");

  /**
   * A column: its index, its header path as printed (segments joined by " / "), role and year, and the plan period its
   * values belong to when that is not the table's (a 2020 target in a 十四五 table is the 十三五 target), else null.
   */
  public record Column(int index, String header, ColumnRole role, Integer year, PlanPeriod period) {
    Column(int index, String header, ColumnRole role, Integer year) {
      this(index, header, role, year, null);
    }

    /** Values stated per year: the header says 年均 (年均［累计］: a bracketed cell there is a five-year total instead). */
    public boolean perYear() {
      return HeaderWords.key(header).contains("年均");
    }

    /**
     * The unit printed in the column's header (2025年目标值（%）, 累计（万人）): a last parenthesis of a few characters
     * without digits (a unit only if the unit table knows it); null when there is none. A row's own unit (its 单位 cell,
     * its label) comes first.
     */
    public String unit() {
      java.util.regex.Matcher m = HEADER_UNIT.matcher(org.hrssplan.document.TextFolding.fold(header).strip());
      return m.find() ? m.group(1).strip() : null;
    }

    /** The period of this column's values: its own, else the table's. */
    public PlanPeriod periodOr(PlanPeriod table) {
      return period != null ? period : table;
    }
  }

  private ColumnRoles() {}

  public static List<Column> assign(List<List<String>> paths, PlanPeriod period, boolean completionTable) {
    List<Column> out = new ArrayList<>(paths.size());
    List<Integer> labels = new ArrayList<>();
    for (int i = 0; i < paths.size(); i++) {
      List<String> path = paths.get(i);
      String header = String.join(" / ", path);
      ColumnRole kind = kind(path);
      if (kind == ColumnRole.LABEL) labels.add(i);
      if (kind != null) {
        out.add(new Column(i, header, kind, null));
        continue;
      }
      out.add(valueColumn(i, header, HeaderWords.key(String.join("", path)), period, completionTable));
    }
    // with several label columns, the most specific (the last) is the indicator, the others group the rows
    for (int n = 0; n < labels.size() - 1; n++) {
      Column c = out.get(labels.get(n));
      out.set(labels.get(n), new Column(c.index(), c.header(), ColumnRole.GROUP, null));
    }
    return out;
  }

  /** The kind of a column that holds no values, from any segment of its path; null for a value (or unknown) column. */
  private static ColumnRole kind(List<String> path) {
    for (String s : path) {
      if (HeaderWords.isSerial(s)) return ColumnRole.SERIAL;
      if (HeaderWords.isCategory(s)) return ColumnRole.CATEGORY;
      if (HeaderWords.isLabel(s)) return ColumnRole.LABEL;
      if (HeaderWords.isUnit(s)) return ColumnRole.UNIT;
      if (HeaderWords.isAttribute(s)) return ColumnRole.ATTRIBUTE;
      if (HeaderWords.isNote(s)) return ColumnRole.NOTE;
    }
    return null;
  }

  private static Column valueColumn(int index, String header, String h, PlanPeriod period, boolean completionTable) {
    Integer year = null;
    Matcher ym = YEAR.matcher(h);
    while (ym.find()) year = Integer.valueOf(ym.group(1));
    PlanPeriod named = PlanPeriod.fromText(h);
    ColumnRole role;
    if (ACTUAL_WORDS.matcher(h).find()) {
      role = ColumnRole.ACTUAL;
      if (year == null) year = named != null ? named.endYear() : period.endYear();
    } else if (BASE_WORDS.matcher(h).find()) {
      role = ColumnRole.BASE;
      if (year == null) year = period.baseYear();
    } else if (TARGET_WORDS.matcher(h).find()) {
      role = ColumnRole.TARGET;
      if (year == null) year = named != null ? named.endYear() : period.endYear();
    } else if (year != null && year == period.baseYear()) {
      role = ColumnRole.BASE;
    } else if (year != null && year == period.endYear()) {
      role = completionTable ? ColumnRole.ACTUAL : ColumnRole.TARGET;
    } else if (year != null && year > period.endYear()) {
      role = ColumnRole.TARGET;                       // a 远景 year beyond the plan's period: a later target of it
    } else if (year == null && named != null && named.number() == period.number()) {
      role = completionTable ? ColumnRole.ACTUAL : ColumnRole.TARGET;
      year = period.endYear();
    } else if (year == null && named != null && named.number() == period.number() - 1) {
      role = ColumnRole.BASE;
      year = period.baseYear();
    } else {
      role = ColumnRole.UNKNOWN;
    }
    if (role == ColumnRole.TARGET && year != null && year == period.baseYear() && PlanPeriod.endingIn(year) != null) {
      // a target for the year before the period (2020年 / 目标 in a 十四五 table) is the previous period's target
      return new Column(index, header, role, year, PlanPeriod.endingIn(year));
    }
    // in a completion table the 现状 (status quo) at the period's end is what the period reached
    if (role == ColumnRole.BASE && completionTable && year != null && year == period.endYear()) role = ColumnRole.ACTUAL;
    if (role.holdsValues() && year != null && year == period.baseYear()) role = ColumnRole.BASE;
    return new Column(index, header, role, year);
  }
}
