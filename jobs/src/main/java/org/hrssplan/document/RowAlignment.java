package org.hrssplan.document;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One row of a table printed as a stream of lines, aligned to its header's columns: which lines make which cell. The
 * header gives each column a kind — 序号, 类别, label, 单位, 属性, value, 备注 — and every way of cutting the row's lines
 * into cells is scored by how well each cell fits its column's kind; the best one wins. A cell may span several lines
 * (a label or a category wrapped, a unit broken after its slash, a value followed by a parenthesised line); a
 * grouping cell (类别, 一级指标) printed once for its group is carried down from the row above; a value cell may be
 * blank. An alignment in which any cell contradicts its column (a number under 指标, 预期性 under a value) is refused:
 * such a row is reported as not aligned and never read shifted.
 */
final class RowAlignment {
  private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
  private static final Pattern DIGIT = Pattern.compile("\\d");
  private static final Pattern SERIAL = Pattern.compile("^\\(?([0-9]+|[一二三四五六七八九十]+)[.、)]?$");
  private static final Pattern VALUE_START = Pattern.compile("^[\\s\\[【〔(（]*([<>≤≥＜＞≦≧]|不|低于|高于|超过|达到|力争|累计|约|-?\\d)");
  /** A unit printed alone (万人, 亿元, 个, 平方米, 万套（间）): never an indicator's name. */
  private static final Pattern UNIT_WORD = Pattern.compile(
      "^(万|亿|千|百|十)?(人次|人|个|家|户|项|座|张|套|间|所|床|元|亿元|万元|公里|千米|米|平方米|平方公里|亩|公顷|吨|辆|次|年|岁|天|小时|分钟|件|条|处|台|册|场|名|位|批|标箱|千瓦|千瓦时)(\\(.{1,3}\\))?$");
  private static final List<String> MISSING = List.of("-", "—", "——", "－", "/", "／", "无");
  /** Scores are in halves: a cell that fits its column +2, a neutral cell 0, a contradiction -2. */
  private static final int FITS = 2;
  private static final int CONTRADICTS = -2;
  private static final int MAX_LINES_PER_CELL = 6;
  private static final int IMPOSSIBLE = Integer.MIN_VALUE / 4;

  enum Kind { SERIAL, CATEGORY, GROUP, LABEL, UNIT, ATTRIBUTE, VALUE, NOTE, OTHER }

  private final List<Kind> kinds;
  private final boolean wrappedCells;
  private final java.util.Map<String, Integer> fits = new java.util.HashMap<>();

  /**
   * @param header      the header's column names
   * @param wrappedCells whether one cell may span several of the given lines (lines of a text); false when each
   *                     given cell is already a whole cell (cells between blank lines)
   */
  RowAlignment(List<String> header, boolean wrappedCells) {
    this.wrappedCells = wrappedCells;
    List<Integer> grouping = BareRowFit.groupingColumns(header);
    List<Kind> k = new ArrayList<>();
    for (int c = 0; c < header.size(); c++) {
      String h = header.get(c);
      if (HeaderWords.isSerial(h)) k.add(Kind.SERIAL);
      else if (HeaderWords.isCategory(h)) k.add(Kind.CATEGORY);
      else if (HeaderWords.isLabel(h)) k.add(grouping.contains(c) ? Kind.GROUP : Kind.LABEL);
      else if (HeaderWords.isUnit(h)) k.add(Kind.UNIT);
      else if (HeaderWords.isAttribute(h)) k.add(Kind.ATTRIBUTE);
      else if (HeaderWords.isNote(h)) k.add(Kind.NOTE);
      else if (HeaderWords.isValue(h)) k.add(Kind.VALUE);
      else k.add(Kind.OTHER);
    }
    this.kinds = List.copyOf(k);
  }

  /** A cell that can begin a row: a 序号 or an indicator's name. */
  static boolean startsRow(String text) {
    return serialLike(text) || fit(Kind.LABEL, text) == FITS;
  }

  /** A row number as printed in a 序号 cell (1, 12, 一). */
  static boolean serialLike(String text) {
    return SERIAL.matcher(TextFolding.fold(text).strip()).matches();
  }

  /** Whether one cell may span several of the given lines. */
  boolean wrappedCells() {
    return wrappedCells;
  }

  int width() {
    return kinds.size();
  }

  /**
   * The row's cells, one per column, or null when no alignment leaves every cell consistent with its column.
   *
   * @param lines    the row's printed lines, in order (a blank line inside a row is a blank cell)
   * @param previous the row above, aligned (for grouping cells printed once), or null
   */
  List<GridCell> align(List<GridCell> lines, List<GridCell> previous) {
    int[][] choice = choose(lines, previous != null);
    if (choice == null) return null;
    int w = kinds.size();
    List<GridCell> row = new ArrayList<>(w);
    int i = 0;
    for (int c = 0; c < w; c++) {
      int k = choice[c][i];
      if (k == 0) {
        boolean carried = (kinds.get(c) == Kind.CATEGORY || kinds.get(c) == Kind.GROUP) && previous != null && c < previous.size();
        row.add(carried ? new GridCell(previous.get(c).text(), previous.get(c).lineIndex(), false) : GridCell.BLANK);
      } else {
        List<GridCell> part = lines.subList(i, i + k);
        String text = String.join("\n", part.stream().map(GridCell::text).toList());
        row.add(new GridCell(text, part.get(0).lineIndex(), true));
      }
      i += Math.max(k, 0);
    }
    return row;
  }

  /** The score of the best alignment of {@code lines}, or {@link Integer#MIN_VALUE} when none is consistent. */
  int score(List<GridCell> lines, boolean hasPrevious) {
    int[][] best = new int[kinds.size() + 1][lines.size() + 1];
    return dp(lines, hasPrevious, best, new int[kinds.size() + 1][lines.size() + 1]) ? best[0][0] : Integer.MIN_VALUE;
  }

  private int[][] choose(List<GridCell> lines, boolean hasPrevious) {
    int[][] choice = new int[kinds.size() + 1][lines.size() + 1];
    return dp(lines, hasPrevious, new int[kinds.size() + 1][lines.size() + 1], choice) ? choice : null;
  }

  /** best[c][i]: the best score of columns c.. given lines i..; choice[c][i]: the lines column c takes (0: none). */
  private boolean dp(List<GridCell> lines, boolean hasPrevious, int[][] best, int[][] choice) {
    int n = lines.size();
    int w = kinds.size();
    for (int i = 0; i <= n; i++) best[w][i] = i == n ? 0 : IMPOSSIBLE;
    for (int c = w - 1; c >= 0; c--) {
      for (int i = 0; i <= n; i++) {
        int top = IMPOSSIBLE;
        int pick = -1;
        int skip = skipScore(c, hasPrevious);
        if (skip > IMPOSSIBLE && best[c + 1][i] > IMPOSSIBLE) {
          top = skip + best[c + 1][i];
          pick = 0;
        }
        for (int k = 1; k <= MAX_LINES_PER_CELL && i + k <= n; k++) {
          if (best[c + 1][i + k] == IMPOSSIBLE) continue;
          int s = takeScore(c, lines.subList(i, i + k));
          if (s == IMPOSSIBLE) continue;
          if (s + best[c + 1][i + k] > top) {
            top = s + best[c + 1][i + k];
            pick = k;
          }
        }
        best[c][i] = top;
        choice[c][i] = pick;
      }
    }
    return best[0][0] > IMPOSSIBLE;
  }

  /** A column left without a line of its own: carried down (grouping), blank (value, note), or unlikely. */
  private int skipScore(int c, boolean hasPrevious) {
    return switch (kinds.get(c)) {
      case CATEGORY, GROUP -> hasPrevious ? 0 : -1;
      case NOTE, OTHER -> 0;
      // a value cell left blank is printed as a blank line (row blocks) or not at all: then which column it was is
      // not known, and the row is not guessed
      case VALUE -> IMPOSSIBLE;
      case SERIAL -> -3;
      case UNIT, ATTRIBUTE -> -4;
      case LABEL -> IMPOSSIBLE;
    };
  }

  /** Lines taken as one cell of column c: the cell's fit, less for every extra line the kind rarely wraps onto. */
  private int takeScore(int c, List<GridCell> part) {
    Kind kind = kinds.get(c);
    String first = part.get(0).text().strip();
    if (first.isEmpty() && part.size() == 1) return kind == Kind.VALUE || kind == Kind.NOTE || kind == Kind.OTHER ? -3 : IMPOSSIBLE;
    if (part.stream().anyMatch(l -> l.text().isBlank())) return IMPOSSIBLE;
    int extra = part.size() - 1;
    int penalty = 0;
    if (extra > 0) {
      switch (kind) {
        case LABEL, CATEGORY, GROUP, NOTE, OTHER, VALUE -> { }
        case UNIT -> { if (extra > 1 || !first.endsWith("/")) return IMPOSSIBLE; }
        case ATTRIBUTE -> { if (extra > 1) return IMPOSSIBLE; }
        default -> {
          return IMPOSSIBLE;
        }
      }
      for (GridCell l : part.subList(1, part.size())) {
        String s = l.text().strip();
        // a parenthesised line belongs to the cell before it: a value's (（2025年较2020年下降）, （其中2026年0.23万套）),
        // a label's unit (（平方公里）) — even where cells are otherwise whole
        boolean parenthesised = s.startsWith("（") || s.startsWith("(");
        // where cells are whole, only a label or a category may still be printed in two (年均低效建设用地 / 减量化规模)
        if (!wrappedCells && !parenthesised && kind != Kind.LABEL && kind != Kind.CATEGORY && kind != Kind.UNIT) return IMPOSSIBLE;
        // each piece of a wrapped label is itself label text (never a unit, an attribute or a number), each piece of a
        // value a value (never 预期性)
        if ((kind == Kind.LABEL || kind == Kind.CATEGORY || kind == Kind.VALUE) && !parenthesised && cachedFit(kind, s) == CONTRADICTS) {
          return IMPOSSIBLE;
        }
        if (kind == Kind.VALUE && cachedFit(kind, first) == CONTRADICTS) return IMPOSSIBLE;
        // a value goes on over lines only with its remark, with more numbers (a cell of several), or as words
        if (kind == Kind.VALUE && !parenthesised && !DIGIT.matcher(s).find()
            && DIGIT.matcher(String.join("", part.stream().map(GridCell::text).toList())).find()) {
          return IMPOSSIBLE;
        }
        // a category broken one word per line (地震 / 监测 / 预报) costs nothing, nor does a label's fragment too short to
        // name an indicator alone (失业保险参保 / 人数); other wraps a little
        boolean fragment = kind == Kind.LABEL && cachedFit(kind, s) != FITS;
        penalty += parenthesised && (kind == Kind.VALUE || kind == Kind.LABEL) || kind == Kind.CATEGORY || kind == Kind.GROUP || fragment ? 0 : 1;
      }
    }
    int fit = part.size() == 1 ? cachedFit(kind, first) : cachedFit(kind, flat(String.join("\n", part.stream().map(GridCell::text).toList())));
    return fit == CONTRADICTS ? IMPOSSIBLE : fit - penalty;
  }

  private static String flat(String text) {
    return String.join("", text.strip().lines().map(String::strip).toList());
  }

  /** {@link #fit}, remembered per kind and text: a stream's cells are scored for many cuts. */
  private int cachedFit(Kind kind, String text) {
    return fits.computeIfAbsent(kind.ordinal() + "\u0000" + text, k -> fit(kind, text));
  }

  /** How a cell's text fits a column of this kind: {@link #FITS}, 0, or {@link #CONTRADICTS}. */
  static int fit(Kind kind, String raw) {
    String s = TextFolding.fold(raw).strip();
    boolean attribute = s.matches("^(约束性?|预期性?|约束|预期)\\s*(\\[\\d+\\])?$") || s.equals("约束性指标") || s.equals("预期性指标");
    int han = (int) HAN.matcher(s).results().count();
    boolean valueStart = VALUE_START.matcher(s).find() || MISSING.contains(s);
    return switch (kind) {
      case SERIAL -> SERIAL.matcher(s).matches() ? FITS : CONTRADICTS;
      // a 类型 column may hold 约束性 / 预期性 (then it is the 属性 column, read by its content)
      case CATEGORY -> attribute ? 0 : han >= 2 && !DIGIT.matcher(s).find() ? FITS : CONTRADICTS;
      case GROUP -> han >= 2 && !DIGIT.matcher(s).find() && !attribute ? FITS : CONTRADICTS;
      case LABEL -> attribute || SERIAL.matcher(s).matches() || han < 2 || UNIT_WORD.matcher(s).matches()
          || valueStart && !s.isEmpty() && !HAN.matcher(s.substring(0, 1)).find() ? CONTRADICTS
          : han >= 4 ? FITS : 0;
      case UNIT -> MISSING.contains(s) ? FITS : !attribute && s.length() <= 10 && (han > 0 || s.matches("^[%‰A-Za-z/²³·]+\\d?$") || s.startsWith("%") || s.startsWith("％"))
          && !s.matches(".*\\d{2,}.*") ? FITS : CONTRADICTS;
      case ATTRIBUTE -> attribute ? FITS : CONTRADICTS;
      // a unit alone in parentheses ((万人)) belongs to a label, not to a value column
      case VALUE -> attribute || SERIAL.matcher(s).matches() && s.matches("^[一二三四五六七八九十]+[、.]?$")
          || s.matches("^[（(][^\\d]*[）)]$") ? CONTRADICTS
          : valueStart || DIGIT.matcher(s).find() ? FITS : 0;
      case NOTE, OTHER -> 0;
    };
  }
}
