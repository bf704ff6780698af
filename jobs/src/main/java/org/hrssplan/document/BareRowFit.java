package org.hrssplan.document;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How many cells of a stream of bare cells make the next row. The header gives the width; a row may be shorter
 * by the grouping cells (类别, 一级指标) that a merged cell printed only on the first row of its group, or by a cell
 * left blank (which bare cells cannot show: such a row is then read short and quarantined, never shifted). Each
 * candidate width is scored by how well the cells fit their columns' kinds (a label where the label column is, a
 * number or a dash under a value column, 约束性/预期性 under 属性, a unit under 单位) and whether the cell after the
 * row can start the next one; the full width wins ties.
 */
final class BareRowFit {
  private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
  private static final Pattern DIGIT = Pattern.compile("\\d");
  private static final Pattern NUMBERING = Pattern.compile("^\\*?\\d+\\s*[.、]\\s*");
  private static final Pattern SERIAL = Pattern.compile("^([0-9]+|[一二三四五六七八九十]+)[.、]?$");
  private static final List<String> MISSING = List.of("", "-", "—", "——", "－", "/", "无");

  private BareRowFit() {}

  static int width(List<String> header, List<GridCell> cells, int from) {
    int width = header.size();
    List<Integer> grouping = groupingColumns(header);
    int best = width;
    int bestScore = Integer.MIN_VALUE;
    for (int missing = 0; missing <= width - 2; missing++) {
      int w = width - missing;
      List<Integer> skipped = grouping.subList(0, Math.min(missing, grouping.size()));
      List<Integer> columns = new ArrayList<>();
      for (int c = 0; c < width; c++) if (!skipped.contains(c)) columns.add(c);
      // a row short of more than its grouping cells lost a cell: allowed, so that the next row's label is not read
      // as this row's value, but it must fit clearly better (it is then quarantined as too short, not guessed)
      int score = -Math.max(0, missing - grouping.size());
      for (int n = 0; n < w && from + n < cells.size(); n++) score += fits(header.get(columns.get(n)), cells.get(from + n).flat());
      if (from + w < cells.size()) {
        String next = cells.get(from + w).flat();
        score += labelLike(next) || TextTableReader.isSection(next) ? 1 : valueLike(next) ? -1 : 0;
      }
      if (score > bestScore) {
        bestScore = score;
        best = w;
      }
    }
    return best;
  }

  /** Columns that group rows and are printed once per group: 类别, and every label column but the last (一级指标). */
  static List<Integer> groupingColumns(List<String> header) {
    List<Integer> labels = new ArrayList<>();
    List<Integer> out = new ArrayList<>();
    for (int c = 0; c < header.size(); c++) {
      if (HeaderWords.isCategory(header.get(c))) out.add(c);
      if (HeaderWords.isLabel(header.get(c))) labels.add(c);
    }
    for (int n = 0; n < labels.size() - 1; n++) out.add(labels.get(n));
    out.sort(null);
    return out;
  }

  private static int fits(String header, String cell) {
    if (HeaderWords.isLabel(header)) return labelLike(cell) ? 1 : groupLike(cell) ? 0 : -1;
    if (HeaderWords.isCategory(header)) return groupLike(cell) ? 1 : -1;
    if (HeaderWords.isAttribute(header)) return cell.contains("约束") || cell.contains("预期") ? 1 : -1;
    if (HeaderWords.isUnit(header)) return !DIGIT.matcher(cell).find() && cell.length() <= 6 && !cell.contains("约束") && !cell.contains("预期") ? 1 : -1;
    if (HeaderWords.isSerial(header)) return SERIAL.matcher(cell).matches() ? 1 : -1;
    // label-like text under a value column is a sign that a cell is missing before it, but only a sign: plans print
    // statements as values (嘉定: 每年控制在市、区两级政府下达的控制指标范围内)
    if (HeaderWords.isValue(header)) return valueLike(cell) ? 1 : labelLike(cell) ? -1 : 0;
    return 0;
  }

  static boolean valueLike(String cell) {
    return MISSING.contains(cell) || DIGIT.matcher(cell).find();
  }

  /**
   * Text with Han characters and, once a row number (1. / 1、) is taken off, no digit and at least four characters:
   * an indicator's name, not a value, a unit (万人次) or an attribute.
   */
  static boolean labelLike(String cell) {
    String s = NUMBERING.matcher(cell).replaceFirst("");
    return groupLike(s) && s.length() >= 4;
  }

  /** A group's or category's name: Han text without digits, not an attribute (就业, 社会保障). */
  static boolean groupLike(String cell) {
    String s = NUMBERING.matcher(cell).replaceFirst("");
    return HAN.matcher(s).find() && !valueLike(s) && !s.contains("约束性") && !s.contains("预期性") && s.length() > 1;
  }
}
