package org.hrssplan.document;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a plain-text plan (lines already folded) into blocks: tables as grids, every other line a paragraph.
 * A table is recognized by its cells, in any of the shapes Word-to-text exports print:
 * <ul>
 *   <li><b>pipe rows</b> — {@code cell | cell | … |}, one row per line;
 *   <li><b>TAB rows</b> — cells separated by TABs on one line, as pasted from a spreadsheet;
 *   <li><b>TAB cells</b> — one cell per line, its first line led by a TAB, a cell wrapped onto untabbed lines,
 *       rows separated by blank lines;
 *   <li><b>blank cells</b> — one cell per line (or per run of lines) between blank lines, no TAB;
 *   <li><b>bare lines</b> — one cell per line with nothing between them.
 * </ul>
 * Pipe and TAB tables are seen from their punctuation alone; blank and bare cells are prose-like, so they form a
 * table only where an indicator header starts (a label header such as 指标 with at least one value header among
 * the cells that follow), and their rows are sized from that header. A title line printed as the table's first row
 * (专栏1 …) becomes its caption, {@code 注：} lines inside or right under it its notes.
 */
public final class TextTableReader {
  private static final Pattern NOTE = Pattern.compile("^\\s*(注|备注)\\s*\\d*\\s*[:：].*");
  private static final Pattern SECTION = Pattern.compile("^\\*?([一二三四五六七八九十]+[、.]|\\([一二三四五六七八九十]+\\)).*");
  private static final int NOTE_LOOKAHEAD_BLANKS = 3;

  private TextTableReader() {}

  public static List<Block> read(List<String> lines) {
    return read(lines, 0, lines.size());
  }

  /**
   * The blocks of lines {@code [from, to)}, with indices into {@code lines} (a Word document's paragraphs between two
   * of its tables are read like a text export: tables typed with TABs or pipes are found there too).
   */
  public static List<Block> read(List<String> all, int from, int to) {
    List<String> lines = all.subList(0, to);
    List<Block> blocks = new ArrayList<>();
    int i = from;
    while (i < lines.size()) {
      String line = lines.get(i);
      Grid g = null;
      if (isEmptyLine(line)) {
        i++;
        continue;
      }
      if (line.contains("|")) g = readDelimited(lines, i, PIPE);
      else if (line.startsWith("\t") || headerBeforeTabCells(lines, i)) {
        g = readTabCells(lines, i);
      }
      else if (isTabRow(line) && continues(lines, i + 1, TAB)) g = readDelimited(lines, i, TAB);
      else if (YearRows.isYearKey(line)) g = readYearRows(lines, i);
      else if (startsHeader(line)) g = readBareCells(lines, i);
      if (g != null && g.endLineIndex() > i) {
        blocks.add(g);
        i = g.endLineIndex();
      } else {
        blocks.add(new Paragraph(line.strip(), i));
        i++;
      }
    }
    return List.copyOf(blocks);
  }

  /**
   * A line that can be the first cell of a header of bare cells: a header word that names no value (指标, 序号, 类别,
   * 属性, 单位 …). A value word alone (“十四五”时期, 2025年) also begins headings and sentences, so it never starts one.
   */
  private static boolean startsHeader(String line) {
    String s = line.strip();
    return !isProseLine(line) && HeaderWords.isHeader(s) && !HeaderWords.isValue(s);
  }

  /** Blank and not TAB-led: a TAB-only line is an empty cell in the TAB layout, not a row separator. */
  static boolean isEmptyLine(String line) {
    return !line.startsWith("\t") && line.isBlank();
  }

  /** A note line: 注：…, 备注：…, 注1: … */
  public static boolean isNote(String text) {
    return NOTE.matcher(text).matches();
  }

  /** A section row's text: 一、就业, (二)社会保障. */
  public static boolean isSection(String text) {
    return SECTION.matcher(text.strip()).matches();
  }

  // ------------------------------------------------------------------ one row per line: pipes, or TABs between cells
  private record Delimiter(String layout, String regex, boolean pipes) {
    /** A row of this table: pipes; or TABs between at least two cells (a row whose first cell is empty starts with one). */
    boolean matches(String line) {
      if (pipes) return line.contains("|");
      return line.indexOf('\t') >= 0 && java.util.Arrays.stream(line.split("\t")).filter(p -> !p.isBlank()).count() >= 2;
    }
  }

  private static final Delimiter PIPE = new Delimiter("pipe_rows", "\\|", true);
  /** A line inside a delimited table that has no delimiter: a section (一、就业) or a category printed alone. */
  private static final int INTERLUDE_LENGTH = 30;
  private static final Delimiter TAB = new Delimiter("tab_rows", "\t", false);

  /**
   * Cells separated by TABs on one line, the line not led by a TAB (a row pasted from a spreadsheet). A table only
   * when two such lines follow each other: a heading typed with a TAB (第一节⇥创新…) is one line alone.
   */
  static boolean isTabRow(String line) {
    return !line.startsWith("\t") && line.indexOf('\t') > 0 && !line.strip().isEmpty();
  }

  private static Grid readDelimited(List<String> lines, int start, Delimiter d) {
    Rows rows = new Rows();
    int j = start;
    int end = start;
    // `| a | b |` (every row opens with a pipe) or ` | b |` (a row whose first cell is empty): told by the first row
    boolean opening = d.pipes() && lines.get(start).strip().startsWith("|");
    for (; j < lines.size(); j++) {
      String line = lines.get(j);
      if (line.isBlank()) continue;
      List<GridCell> row;
      if (d.matches(line)) {
        row = split(line, j, d, opening);
      } else if (isInterlude(line) && continues(lines, j + 1, d)) {
        // a section line typed without the delimiter between two rows: a one-cell row, the table goes on
        row = List.of(new GridCell(line.strip(), j, true));
      } else {
        break;
      }
      if (!rows.add(row, j)) break;
      end = j + 1;
    }
    return rows.grid(d.layout(), lines, start, end);
  }

  /** The next non-blank line from {@code from} is a row of the table (or a section line followed by one). */
  private static boolean continues(List<String> lines, int from, Delimiter d) {
    int k = from;
    while (k < lines.size() && lines.get(k).isBlank()) k++;
    if (k >= lines.size()) return false;
    if (d.matches(lines.get(k))) return true;
    if (!isInterlude(lines.get(k))) return false;
    k++;
    while (k < lines.size() && lines.get(k).isBlank()) k++;
    return k < lines.size() && d.matches(lines.get(k));
  }

  private static boolean isInterlude(String line) {
    String s = line.strip();
    return !s.isEmpty() && s.length() <= INTERLUDE_LENGTH && !isProseLine(line) && TableTitle.reference(s) == null;
  }

  private static List<GridCell> split(String line, int idx, Delimiter d, boolean opening) {
    String[] parts = line.split(d.regex(), -1);
    int n = parts.length;
    int from = 0;
    if (d.pipes() && n > 0 && parts[n - 1].isBlank()) n--;                 // the closing pipe of `a | b |`
    if (opening && n > 1 && line.strip().startsWith("|")) from = 1;        // the opening pipe of `| a | b |`
    List<GridCell> cells = new ArrayList<>(n);
    for (int k = from; k < n; k++) cells.add(new GridCell(parts[k].strip(), parts[k].isBlank() ? -1 : idx, true));
    return cells;
  }

  // ------------------------------------------------------------------ one cell per TAB-led line
  private static Grid readTabCells(List<String> lines, int start) {
    Rows rows = new Rows();
    List<GridCell> row = new ArrayList<>();
    int rowStart = start;
    StringBuilder cell = null;
    int cellLine = -1;
    boolean previousWasCellLine = false;
    boolean bareCellNext = false;
    int j = start;
    int end = start;
    boolean cut = false;
    for (; j < lines.size(); j++) {
      String line = lines.get(j);
      if (isEmptyLine(line)) {
        if (cell != null) row.add(new GridCell(cell.toString().strip(), cellLine, true));
        cell = null;
        if (!row.isEmpty() && row.size() < rows.width() && bareValueFollows(lines, j + 1)) {
          // cells whose TAB was lost with an empty cell before them (printed to PDF, an empty TAB-led line leaves a
          // blank line): a value on its own line, under a row still short of the header's cells, is the row's next cell
          bareCellNext = true;
          continue;
        }
        if (!row.isEmpty()) {
          if (!rows.add(row, rowStart)) {
            cut = true;
            end = rowStart;
            break;
          }
          end = j;
        }
        row = new ArrayList<>();
        previousWasCellLine = false;
      } else if (line.startsWith("\t") || cell == null && row.isEmpty() && rows.rows.isEmpty() && headerBeforeTabCells(lines, j)) {
        // the first cell of a header may have lost its TAB (an empty TAB-led cell wrapped onto the header word,
        // printed to PDF: the empty cell leaves no trace)
        if (cell != null) row.add(new GridCell(cell.toString().strip(), cellLine, true));
        if (row.isEmpty()) rowStart = j;
        String content = line.startsWith("\t") ? line.substring(1) : line;
        cell = new StringBuilder(content.strip());
        cellLine = content.isBlank() ? -1 : j;
        previousWasCellLine = true;
        bareCellNext = false;
      } else if (bareCellNext) {
        cell = new StringBuilder(line.strip());
        cellLine = j;
        previousWasCellLine = true;
        bareCellNext = false;
      } else if (previousWasCellLine && cell != null) {
        // a wrapped cell continues on a line without the leading TAB; the break is kept as a cell line
        cell.append('\n').append(line.strip());
        if (cellLine < 0) cellLine = j;
      } else {
        break;
      }
    }
    if (!cut) {
      if (cell != null) row.add(new GridCell(cell.toString().strip(), cellLine, true));
      if (!row.isEmpty()) {
        if (rows.add(row, rowStart)) end = j;
        else end = rowStart;
      }
    }
    return rows.grid("tab_cells", lines, start, Math.max(end, start + 1));
  }

  /** A header word (指标 …) right above TAB-led cells: the header's first cell, its TAB lost. */
  private static boolean headerBeforeTabCells(List<String> lines, int i) {
    return startsHeader(lines.get(i)) && i + 1 < lines.size() && lines.get(i + 1).startsWith("\t");
  }

  /** The next non-blank line is a value (a number, a bracketed or compared number, a dash) without a leading TAB. */
  private static boolean bareValueFollows(List<String> lines, int from) {
    for (int k = from; k < lines.size(); k++) {
      String l = lines.get(k);
      if (isEmptyLine(l)) continue;
      return !l.startsWith("\t") && BareRowFit.valueLike(l.strip());
    }
    return false;
  }

  // ------------------------------------------------------------------ cells on their own lines, no punctuation
  /**
   * Cells without TAB or pipe, from a line that holds a header word: between blank lines (a cell may then span
   * several lines) or on consecutive lines. A table only when the header read has a label column and a value column.
   */
  private static Grid readBareCells(List<String> lines, int start) {
    boolean blankSeparated = start + 1 < lines.size() && lines.get(start + 1).isBlank();
    if (!blankSeparated) {
      if (headerGoesOnBetweenBlankLines(lines, start)) {
        blankSeparated = true;
      } else {
        Grid blocks = readRowBlocks(lines, start);
        if (blocks != null) return blocks;
      }
    }
    CellStream stream = cellsFrom(lines, start, blankSeparated, false);
    List<GridCell> cells = stream.cells();
    int end = stream.end();
    List<GridCell> headerCells = new ArrayList<>();
    int width = headerOf(cells, headerCells);
    boolean label = headerCells.stream().anyMatch(c -> HeaderWords.isLabel(c.flat()));
    boolean value = headerCells.stream().anyMatch(c -> HeaderWords.isValue(c.flat()));
    // a header with no cell after it is two headings that happen to say 指标 and 目标, not a table
    if (!label || !value || headerCells.size() < 2 || width == cells.size()) return null;
    List<List<GridCell>> rows = new ArrayList<>(spannedHeader(fuseHeader(headerCells)));
    List<String> header = rows.get(rows.size() - 1).stream().map(GridCell::flat).toList();
    java.util.Set<Integer> unaligned = new java.util.TreeSet<>();
    rows.addAll(segmentRows(new RowAlignment(header, !blankSeparated), cells.subList(width, cells.size()), rows.size(), unaligned));
    List<GridCell> notes = new ArrayList<>();
    end = collectNotesAfter(lines, end, notes);
    return new Grid(blankSeparated ? "blank_cells" : "bare_lines", List.copyOf(rows), List.copyOf(notes), null, -1, start, end, unaligned);
  }

  /** Cells read from a stream of lines, and the line after the last. */
  private record CellStream(List<GridCell> cells, int end) {}

  /**
   * The cells from {@code start}: one per line, or, between blank lines, one per block of lines (a wrapped cell) — header
   * words on consecutive lines before any body cell are cells of their own (指标名称 ␤ 指标属性 ␤␤ 目标值). The stream ends
   * at a sentence, a title, a note, a delimited row, and with {@code sectionEnds} at a heading (（二）…).
   */
  private static CellStream cellsFrom(List<String> lines, int start, boolean blankSeparated, boolean sectionEnds) {
    List<GridCell> cells = new ArrayList<>();
    int j = start;
    int end = start;
    while (j < lines.size()) {
      String line = lines.get(j);
      if (line.isBlank()) {
        if (!blankSeparated) break;
        j++;
        continue;
      }
      String s = line.strip();
      if (!cells.isEmpty() && (isProseLine(line) || sectionEnds && isSection(TextFolding.fold(s)) || TableTitle.reference(s) != null
          || isNote(s) || s.contains("|") || line.contains("\t"))) {
        break;
      }
      int k = j + 1;
      StringBuilder text = new StringBuilder(s);
      boolean headerLine = HeaderWords.isHeader(s) && cells.stream().allMatch(c -> HeaderWords.isHeader(c.flat()));
      if (blankSeparated && !headerLine) {
        while (k < lines.size() && !lines.get(k).isBlank() && !isProseLine(lines.get(k)) && !isNote(lines.get(k).strip())) {
          text.append('\n').append(lines.get(k).strip());
          k++;
        }
      }
      cells.add(new GridCell(text.toString(), j, true));
      end = k;
      j = k;
    }
    return new CellStream(cells, end);
  }

  // ------------------------------------------------------------------ a plan by year
  /**
   * A plan by year ({@link YearRows}) printed as cells on their own lines, between blank lines (a cell may then span
   * several lines) or one per line; it ends at a sentence, a heading, a title or a note. Null when the cells are not one.
   */
  private static Grid readYearRows(List<String> lines, int start) {
    boolean blankSeparated = start + 1 < lines.size() && lines.get(start + 1).isBlank();
    CellStream stream = cellsFrom(lines, start, blankSeparated, true);
    List<GridCell> cells = stream.cells();
    int end = stream.end();
    List<List<GridCell>> rows = YearRows.rows(cells);
    if (rows == null) return null;
    List<GridCell> notes = new ArrayList<>();
    end = collectNotesAfter(lines, end, notes);
    return new Grid(blankSeparated ? "blank_cells" : "bare_lines", List.copyOf(rows), List.copyOf(notes), null, -1, start, end);
  }

  // ------------------------------------------------------------------ one row per block of lines
  private static final Pattern PERIOD_OR_YEAR_ONLY = Pattern.compile("^(十[一二三四五六七八九]五(时期|期间)?|20\\d\\d年?)$");
  private static final Pattern ROLE_ONLY = Pattern.compile("^(现状|目标|完成|基数|基准|规划|预期|实际)(值|数)?$");

  /**
   * Header cells printed in two pieces, joined: a period or year and the role under it (“十四五” / 完成值, 2025年 /
   * 现状值) or the other way round (现状值 / 2025年), 指标 and 属性 (指标属性). Each piece alone is a header word too, so
   * they are told apart only by what they make together.
   */
  /**
   * The header at the start of a stream of cells, into {@code out}; returns the cells it takes. A header word printed
   * in pieces that are not header words themselves (指标 ␤ 名称, 属 ␤ 性, 目标 ␤ 值) is one cell.
   */
  static int headerOf(List<GridCell> cells, List<GridCell> out) {
    int i = 0;
    while (i < cells.size()) {
      GridCell c = cells.get(i);
      String t = HeaderWords.key(c.flat());
      if (HeaderWords.isHeader(t)) {
        out.add(c);
        i++;
        continue;
      }
      GridCell last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && t.length() <= 4 && HeaderWords.isHeader(HeaderWords.key(last.flat()) + t)) {
        out.set(out.size() - 1, new GridCell(last.text() + "\n" + c.text(), last.lineIndex(), last.origin()));
        i++;
        continue;
      }
      if (i + 1 < cells.size() && t.length() <= 4 && !HeaderWords.isHeader(cells.get(i + 1).flat())
          && HeaderWords.isHeader(t + HeaderWords.key(cells.get(i + 1).flat()))) {
        out.add(new GridCell(c.text() + "\n" + cells.get(i + 1).text(), c.lineIndex(), c.origin()));
        i += 2;
        continue;
      }
      break;
    }
    return i;
  }

  static List<GridCell> fuseHeader(List<GridCell> cells) {
    List<GridCell> out = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      GridCell c = cells.get(i);
      GridCell last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null) {
        String a = HeaderWords.key(last.text());
        String b = HeaderWords.key(c.text());
        // the year under its role (目标值 / 2030年) too, unless more years follow: then the role spans them
        boolean nextIsYear = i + 1 < cells.size() && PERIOD_OR_YEAR_ONLY.matcher(HeaderWords.key(cells.get(i + 1).text())).matches();
        boolean roleUnder = PERIOD_OR_YEAR_ONLY.matcher(a).matches() && ROLE_ONLY.matcher(b).matches()
            || ROLE_ONLY.matcher(a).matches() && PERIOD_OR_YEAR_ONLY.matcher(b).matches() && !nextIsYear;
        boolean labelWord = a.equals("指标") && HeaderWords.isAttribute(a + b);
        if (roleUnder || labelWord) {
          out.set(out.size() - 1, new GridCell(last.text() + "\n" + c.text(), last.lineIndex(), last.origin()));
          continue;
        }
      }
      out.add(c);
    }
    return out;
  }

  /**
   * A header of cells on consecutive lines, then one row per block of consecutive lines, a blank line ending each
   * (闵行 主要指标表): each block is aligned to the header's columns by {@link RowAlignment} — grouping cells printed
   * once, a label or category wrapped over several lines, a blank line inside a row for a blank value cell (a block of
   * values alone continues the row above). A header cell wrapped after its period (“十四五” / 完成值) is one cell. Null
   * when the lines are not such a table.
   */
  private static Grid readRowBlocks(List<String> lines, int start) {
    List<GridCell> header = new ArrayList<>();
    int j = start;
    List<GridCell> pieces = new ArrayList<>();
    for (; j < lines.size() && !lines.get(j).isBlank(); j++) {
      if (lines.get(j).contains("|") || lines.get(j).contains("\t")) return null;
      pieces.add(new GridCell(lines.get(j).strip(), j, true));
    }
    if (headerOf(pieces, header) < pieces.size()) return null;
    header = fuseHeader(header);
    if (header.size() < 2) return null;
    List<List<GridCell>> rows = new ArrayList<>(spannedHeader(header));
    List<String> names = rows.get(rows.size() - 1).stream().map(GridCell::flat).toList();
    if (header.stream().map(GridCell::flat).noneMatch(HeaderWords::isLabel) || names.stream().noneMatch(HeaderWords::isValue)) return null;
    RowAlignment alignment = new RowAlignment(names, true);
    int headerRows = rows.size();
    java.util.Set<Integer> unaligned = new java.util.TreeSet<>();
    List<GridCell> previousAligned = null;
    List<GridCell> previousBlock = null;
    int end = j;
    while (true) {
      int b = j;
      while (b < lines.size() && lines.get(b).isBlank()) b++;
      if (b >= lines.size() || b - j > 2) break;
      int e = b;
      while (e < lines.size() && !lines.get(e).isBlank()) e++;
      List<GridCell> block = new ArrayList<>();
      for (int k = b; k < e; k++) block.add(new GridCell(lines.get(k).strip(), k, true));
      String first = block.get(0).text();
      if (isNote(first) || TableTitle.reference(first) != null || first.contains("|") || lines.get(b).contains("\t")
          || isProseLine(lines.get(b)) && block.size() == 1) {
        break;
      }
      if (block.size() == 1 && isSection(first)) {
        rows.add(List.of(block.get(0)));
        previousBlock = null;
        j = end = e;
        continue;
      }
      // a block of values alone (≥5) after a row: that row's next cells, a blank line printed for a blank cell
      if (previousBlock != null && block.stream().allMatch(c -> BareRowFit.valueLike(c.text()))) {
        List<GridCell> joined = new ArrayList<>(previousBlock);
        joined.add(new GridCell("", -1, true));
        joined.addAll(block);
        List<GridCell> row = alignment.align(joined, rows.size() > headerRows + 1 ? rows.get(rows.size() - 2) : null);
        if (row != null) {
          rows.set(rows.size() - 1, row);
          unaligned.remove(rows.size() - 1);
          previousAligned = row;
          previousBlock = joined;
          j = end = e;
          continue;
        }
      }
      List<GridCell> row = alignment.align(block, previousAligned);
      if (row == null) {
        // not a row of this table at all (prose after it): the table ended; else a row reported whole
        if (isProseLine(lines.get(b)) || isSection(first) || block.size() > 2 * alignment.width()
            || !RowAlignment.startsRow(first) && !BareRowFit.groupLike(first)) {
          break;
        }
        rows.add(List.copyOf(block));
        unaligned.add(rows.size() - 1);
      } else {
        rows.add(row);
        previousAligned = row;
      }
      previousBlock = block;
      j = end = e;
    }
    if (rows.size() <= headerRows) return null;
    List<GridCell> notes = new ArrayList<>();
    end = collectNotesAfter(lines, end, notes);
    return new Grid("row_blocks", List.copyOf(rows), List.copyOf(notes), null, -1, start, end, unaligned);
  }

  private static final int UNALIGNED_CELL = -8;
  private static final int MAX_EXTRA_CELLS = 6;

  /**
   * A stream of cells cut into rows: of all the ways to cut it, the one whose rows align best to the header's columns
   * ({@link RowAlignment}); a section line (二、社会保障) is a row of its own. Cells that fit no row are kept together up
   * to the next cell that can start one, as a row reported not aligned (its index, counted from {@code firstRow}, goes
   * to {@code unaligned}) — never read shifted.
   */
  static List<List<GridCell>> segmentRows(RowAlignment alignment, List<GridCell> cells, int firstRow, java.util.Set<Integer> unaligned) {
    int n = cells.size();
    boolean[] starts = new boolean[n];
    for (int i = 0; i < n; i++) starts[i] = startsRow(cells.get(i).flat());
    int[] best = new int[n + 1];
    int[] take = new int[n + 1];
    boolean[] aligned = new boolean[n + 1];
    best[n] = 0;
    for (int i = n - 1; i >= 0; i--) {
      best[i] = Integer.MIN_VALUE;
      if (isSection(cells.get(i).flat())) {
        best[i] = best[i + 1];
        take[i] = 1;
        aligned[i] = true;
        continue;
      }
      int longest = alignment.width() + (alignment.wrappedCells() ? MAX_EXTRA_CELLS : 2);
      for (int len = 1; len <= longest && i + len <= n; len++) {
        if (best[i + len] == Integer.MIN_VALUE) continue;
        int s = alignment.score(cells.subList(i, i + len), i > 0);
        if (s == Integer.MIN_VALUE) continue;
        if (s + best[i + len] > best[i]) {
          best[i] = s + best[i + len];
          take[i] = len;
          aligned[i] = true;
        }
      }
      int j = i + 1;
      while (j < n && !starts[j]) j++;
      if (best[j] != Integer.MIN_VALUE && UNALIGNED_CELL * (j - i) + best[j] > best[i]) {
        best[i] = UNALIGNED_CELL * (j - i) + best[j];
        take[i] = j - i;
        aligned[i] = false;
      }
    }
    List<List<GridCell>> rows = new ArrayList<>();
    List<GridCell> previous = null;
    for (int i = 0; i < n; i += take[i]) {
      List<GridCell> part = cells.subList(i, i + take[i]);
      if (aligned[i] && take[i] == 1 && isSection(part.get(0).flat())) {
        rows.add(List.of(part.get(0)));
        continue;
      }
      List<GridCell> row = aligned[i] ? alignment.align(part, previous) : null;
      if (row == null) {
        unaligned.add(firstRow + rows.size());
        rows.add(List.copyOf(part));
      } else {
        rows.add(row);
        previous = row;
      }
    }
    return rows;
  }

  /** A cell that can begin a row: a 序号, a label, a category, a section. */
  private static boolean startsRow(String text) {
    return RowAlignment.startsRow(text) || isSection(text);
  }

  private static final Pattern SUB_VALUE = Pattern.compile(".*(20\\d\\d|年均|累计).*");

  /**
   * The header of a stream of cells as header rows. A value header without a year (“十五五”目标) followed, at the end
   * of the header, by two or more value headers with a year or 年均 / 累计 (2030年, 年均［累计］) is their parent: it is
   * printed once above them, so the header is two rows and the columns one fewer than its cells. Otherwise one row.
   */
  private static List<List<GridCell>> spannedHeader(List<GridCell> cells) {
    int n = cells.size();
    for (int p = 0; p <= n - 3; p++) {
      String parent = HeaderWords.key(cells.get(p).flat());
      if (!HeaderWords.isValue(parent) || SUB_VALUE.matcher(parent).matches()) continue;
      boolean children = true;
      for (int c = p + 1; c < n; c++) {
        String h = HeaderWords.key(cells.get(c).flat());
        children &= HeaderWords.isValue(h) && SUB_VALUE.matcher(h).matches();
      }
      if (!children) continue;
      List<GridCell> top = new ArrayList<>(cells.subList(0, p + 1));
      List<GridCell> bottom = new ArrayList<>();
      for (int c = 0; c < p; c++) bottom.add(cells.get(c).covered());
      for (int c = p + 1; c < n; c++) {
        if (c > p + 1) top.add(cells.get(p).covered());
        bottom.add(cells.get(c));
      }
      return List.of(List.copyOf(top), List.copyOf(bottom));
    }
    return List.of(List.copyOf(cells));
  }

  /**
   * A header whose first words are on consecutive lines and whose next words follow between blank lines
   * (指标名称 ␤ 指标属性 ␤␤ 目标值（2025年） ␤␤ …): its body is cells between blank lines, not blocks of rows.
   */
  private static boolean headerGoesOnBetweenBlankLines(List<String> lines, int start) {
    int e = start;
    while (e < lines.size() && !lines.get(e).isBlank()) {
      if (!HeaderWords.isHeader(lines.get(e).strip())) return false;
      e++;
    }
    while (e < lines.size() && lines.get(e).isBlank()) e++;
    return e < lines.size() && HeaderWords.isHeader(lines.get(e).strip()) && !isProseLine(lines.get(e))
        && e + 1 < lines.size() && lines.get(e + 1).isBlank();
  }

  /** A line that cannot be a table cell: a sentence, a numbered paragraph or a heading. */
  public static boolean isProseLine(String line) {
    String s = line.strip();
    if (s.length() > 60) return true;
    if (s.endsWith("。")) return true;
    if (line.startsWith("  ") && s.matches("^(\\d+[.、]|[一二三四五六七八九十]+、|\\([一二三四五六七八九十]+\\)).*")) return true;
    return s.matches("^第[一二三四五六七八九十\\d]+[章节].*");
  }

  /** Notes printed right under a table (注：…, 备注：…), within a few blank lines. Returns the index after them. */
  private static int collectNotesAfter(List<String> lines, int from, List<GridCell> notes) {
    int i = from;
    int blanks = 0;
    int end = from;
    while (i < lines.size() && blanks <= NOTE_LOOKAHEAD_BLANKS) {
      String line = lines.get(i);
      if (line.isBlank()) {
        blanks++;
      } else if (isNote(line.replace("\t", ""))) {
        notes.add(new GridCell(line.replace("|", " ").strip(), i, true));
        blanks = 0;
        end = i + 1;
      } else {
        break;
      }
      i++;
    }
    return end;
  }

  /** Rows of a pipe or TAB table as they are read: a first title row becomes the caption, notes go aside, a second title ends the table. */
  private static final class Rows {
    final List<List<GridCell>> rows = new ArrayList<>();
    final List<GridCell> notes = new ArrayList<>();
    String caption;
    int captionLine = -1;

    /** The most cells a row read so far has: the header's. */
    int width() {
      return rows.stream().mapToInt(List::size).max().orElse(0);
    }

    /** False when the row starts another table (a title row after rows were read): the table ends before it. */
    boolean add(List<GridCell> row, int line) {
      List<GridCell> nonBlank = row.stream().filter(c -> !c.blank()).toList();
      if (nonBlank.isEmpty()) return true;
      if (nonBlank.size() == 1) {
        String text = nonBlank.get(0).flat();
        if (isNote(text)) {
          notes.add(nonBlank.get(0));
          return true;
        }
        if (TableTitle.isTitle(text) && TableTitle.reference(text) != null || rows.isEmpty() && caption == null && TableTitle.isTitle(text)) {
          if (!rows.isEmpty() || caption != null) return false;
          caption = TableTitle.clean(text.replace('\n', ' '));
          captionLine = nonBlank.get(0).lineIndex();
          return true;
        }
      }
      rows.add(List.copyOf(row));
      return true;
    }

    Grid grid(String layout, List<String> lines, int start, int end) {
      int e = collectNotesAfter(lines, end, notes);
      return new Grid(layout, List.copyOf(rows), List.copyOf(notes), caption, captionLine, start, Math.max(e, end));
    }
  }
}
