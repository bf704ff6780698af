package org.hrssplan.document;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plan by year: a table whose rows are years and whose columns say what each year brings — the transposed indicator
 * table of implementation plans (推进计划表, 年度目标分解表, 年度任务安排):
 *
 * <pre>
 * 年份           | 达标区域  | 达标区域面积（平方公里） | 达标区域总面积占比
 *                |           | 片区     | 总计           |
 * 2020年-2023年  | 嘉定新城… | 25.20    | 25.20          | 25%
 * 2024年         | 远香湖南  | 4.73     | 40.39          | 40%
 *                | 嘉北公园二期 | 10.46 |                |        (the year, 总计 and 占比 merged over both rows)
 * </pre>
 *
 * Its header starts with a year word ({@link #isYearKey}: 年份, 年度 …) over a column of year cells ({@link #yearOf}:
 * 2024年, 2020年-2023年, 2025年底). The grammar is shared by every reader: a web page or a Word table gives the grid
 * with its merges; a text export gives a stream of cells, cut into rows here ({@link #rows}).
 */
public final class YearRows {
  private static final Pattern KEY = Pattern.compile("^(年份|年度|年|时间|实施年度|计划年度|推进年度|实施时间|完成时间|时间安排|时间节点)$");
  private static final Pattern YEAR_CELL =
      Pattern.compile("^(20\\d\\d)年?(?:度|底|末|前)?(?:[-—–－~～至到]+(20\\d\\d)年?(?:度|底|末|前)?)?$");
  /** A row of totals under the years: the sum of the years, a five-year (or whole-plan) total. */
  private static final Pattern TOTAL = Pattern.compile("^(合计|总计|小计|累计|总量|汇总)(\\(.*\\))?$");

  /** The years a row covers: one year (first == last) or a range (2020年-2023年). */
  public record Span(int first, int last) {}

  private YearRows() {}

  /** A header word that heads a column of years. */
  public static boolean isYearKey(String text) {
    return KEY.matcher(HeaderWords.key(text)).matches();
  }

  /** The years a row's key cell names, or null when it names none. */
  public static Span yearOf(String text) {
    Matcher m = YEAR_CELL.matcher(HeaderWords.key(text));
    if (!m.matches()) return null;
    int first = Integer.parseInt(m.group(1));
    int last = m.group(2) == null ? first : Integer.parseInt(m.group(2));
    return last < first ? null : new Span(first, last);
  }

  /** A totals row's key cell: 合计, 总计, 合计（2021—2025年） … */
  public static boolean isTotal(String text) {
    return TOTAL.matcher(HeaderWords.key(text)).matches();
  }

  /** The column of a header row that heads the years: a year word, only 序号 columns before it; -1 when none. */
  public static int yearColumn(List<GridCell> header) {
    for (int c = 0; c < header.size(); c++) {
      String h = header.get(c).flat();
      if (isYearKey(h)) return c;
      if (!HeaderWords.isSerial(h)) return -1;
    }
    return -1;
  }

  /**
   * The header row of a grid that is a plan by year: the first row with a {@link #yearColumn}, with at least two rows
   * below it whose cell in that column is a year; -1 when there is none.
   */
  public static int headerRow(Grid grid) {
    List<List<GridCell>> rows = grid.rows();
    for (int r = 0; r < rows.size(); r++) {
      int yc = yearColumn(rows.get(r));
      if (yc < 0) continue;
      int years = 0;
      for (int k = r + 1; k < rows.size(); k++) {
        if (yc < rows.get(k).size() && rows.get(k).get(yc).origin() && yearOf(rows.get(k).get(yc).flat()) != null) years++;
      }
      return years >= 2 ? r : -1;
    }
    return -1;
  }

  /** The first body row: the first row after the header whose cell in the year column names years (or totals). */
  public static int bodyRow(List<List<GridCell>> rows, int headerRow, int yearColumn) {
    for (int r = headerRow + 1; r < rows.size(); r++) {
      String key = yearColumn < rows.get(r).size() ? rows.get(r).get(yearColumn).flat() : "";
      if (yearOf(key) != null || isTotal(key)) return r;
    }
    return rows.size();
  }

  /**
   * The rows of a plan by year printed as a stream of cells (a text export: one cell per line or between blank lines),
   * header rows first; null when the cells are not one. The header is the cells before the first year; each row is a
   * year and the cells after it, the width of the header's columns. Cells after a full row and before the next year
   * are further rows of the same year whose cells on the right (a total, a share) were merged over them: they fill the
   * columns from the left, the year and the merged cells covered by the full row's. A header with one cell more than
   * the rows are wide has a parent over the last two header cells, placed over the first two neighbouring columns whose
   * cells are alike (both figures, or both text).
   */
  public static List<List<GridCell>> rows(List<GridCell> cells) {
    int h = 0;
    while (h < cells.size() && yearOf(cells.get(h).flat()) == null) h++;
    if (h < 2 || h == cells.size() || !isYearKey(cells.get(0).flat())) return null;
    List<GridCell> body = cells.subList(h, cells.size());
    for (int width = h; width >= Math.max(2, h - 1); width--) {
      List<List<GridCell>> bodyRows = bodyRows(body, width);
      if (bodyRows == null || bodyRows.size() < 2) continue;
      List<List<GridCell>> header = header(cells.subList(0, h), width, bodyRows.get(0));
      if (header == null) continue;
      List<List<GridCell>> out = new ArrayList<>(header);
      out.addAll(bodyRows);
      return out;
    }
    return null;
  }

  /** A cell that begins a row: its years, or 合计. */
  private static boolean startsRow(String text) {
    return yearOf(text) != null || isTotal(text);
  }

  private static List<List<GridCell>> bodyRows(List<GridCell> body, int width) {
    List<List<GridCell>> rows = new ArrayList<>();
    int i = 0;
    int n = body.size();
    while (i < n) {
      if (!startsRow(body.get(i).flat()) || i + width > n) return null;
      List<GridCell> full = List.copyOf(body.subList(i, i + width));
      rows.add(full);
      i += width;
      int next = i;
      while (next < n && !startsRow(body.get(next).flat())) next++;
      int k = next - i;
      if (k == 0) continue;
      int each = Math.min(k, width - 2);
      while (each >= 1 && k % each != 0) each--;
      if (each < 1) return null;
      for (; i < next; i += each) {
        List<GridCell> sub = new ArrayList<>(width);
        sub.add(full.get(0).covered());
        sub.addAll(body.subList(i, i + each));
        for (int c = 1 + each; c < width; c++) sub.add(full.get(c).covered());
        rows.add(List.copyOf(sub));
      }
    }
    return rows;
  }

  private static List<List<GridCell>> header(List<GridCell> cells, int width, List<GridCell> firstRow) {
    int h = cells.size();
    if (h == width) return List.of(List.copyOf(cells));
    List<GridCell> top = cells.subList(0, h - 2);
    GridCell[] children = {cells.get(h - 2), cells.get(h - 1)};
    for (int p = 1; p < top.size(); p++) {
      if (BareRowFit.valueLike(firstRow.get(p).flat()) != BareRowFit.valueLike(firstRow.get(p + 1).flat())) continue;
      List<GridCell> upper = new ArrayList<>(width);
      List<GridCell> lower = new ArrayList<>(width);
      for (int c = 0; c < width; c++) {
        if (c < p || c > p + 1) {
          GridCell own = top.get(c < p ? c : c - 1);
          upper.add(own);
          lower.add(own.covered());
        } else {
          upper.add(c == p ? top.get(p) : top.get(p).covered());
          lower.add(children[c - p]);
        }
      }
      return List.of(List.copyOf(upper), List.copyOf(lower));
    }
    return null;
  }
}
