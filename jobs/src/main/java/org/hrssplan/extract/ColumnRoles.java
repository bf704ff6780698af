package org.hrssplan.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Assigns each column of an indicator table its role and year from the header words, not from position:
 * 序号 → serial; 指标 → label; 属性 → attribute; a header with 完成 (2020年完成数, 完成情况) → actual; 基数 → base;
 * 目标 without a year (规划目标, “十三五”主要目标) → target at the period's end; a bare year → base when it is the
 * year before the period, else at the period's end → actual in a completion table (完成情况 in the title)
 * and target in a plan table.
 */
public final class ColumnRoles {
  private static final Pattern YEAR = Pattern.compile("(20\\d\\d)年?");

  public record Column(int index, String header, ColumnRole role, Integer year) {}

  private ColumnRoles() {}

  public static boolean isHeaderWord(String cell) {
    String h = cell.replaceAll("\\s", "");
    return h.equals("指标") || h.equals("序号") || h.contains("属性") || h.contains("目标") || h.contains("完成情况")
        || h.contains("完成数") || h.contains("基数") || h.matches("^(20\\d\\d)年.{0,4}$");
  }

  public static List<Column> assign(List<String> headers, PlanPeriod period, boolean completionTable) {
    List<Column> out = new ArrayList<>(headers.size());
    for (int i = 0; i < headers.size(); i++) {
      String h = headers.get(i).replaceAll("\\s", "");
      Matcher ym = YEAR.matcher(h);
      Integer year = ym.find() ? Integer.valueOf(ym.group(1)) : null;
      ColumnRole role;
      if (h.contains("序号")) role = ColumnRole.SERIAL;
      else if (h.contains("属性")) role = ColumnRole.ATTRIBUTE;
      else if (h.equals("指标") || h.equals("指标名称")) role = ColumnRole.LABEL;
      else if (h.contains("完成")) {
        role = ColumnRole.ACTUAL;
        if (year == null) year = period.endYear();
      } else if (h.contains("基数")) {
        role = ColumnRole.BASE;
        if (year == null) year = period.baseYear();
      } else if (h.contains("目标") && year == null) {
        role = ColumnRole.TARGET;
        year = period.endYear();
      } else if (year != null && year == period.baseYear()) {
        role = ColumnRole.BASE;
      } else if (year != null && year == period.endYear()) {
        role = completionTable && !h.contains("目标") ? ColumnRole.ACTUAL : ColumnRole.TARGET;
      } else {
        role = ColumnRole.UNKNOWN;
      }
      out.add(new Column(i, headers.get(i).strip(), role, year));
    }
    return out;
  }
}
