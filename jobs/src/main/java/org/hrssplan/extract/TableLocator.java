package org.hrssplan.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hrssplan.document.PlanDocument;

/**
 * Finds the indicator tables of a plan and reads their cells in whichever of the three layouts they use.
 *
 * <p>An indicator table starts at a title line that begins with its label ({@code 专栏2}, {@code 表1},
 * {@code 附表}) and speaks of 指标 ("主要指标", "主要发展指标完成情况"). Project boxes (专栏3 就业创业促进计划) and
 * glossaries (指标解释) have no such title and are not read. The layout is decided by the lines after the
 * title: pipes → {@link TableLayout#PIPE_ROWS}; a TAB-led line → {@link TableLayout#TAB_CELLS}; otherwise
 * {@link TableLayout#BARE_LINES}.
 */
public final class TableLocator {
  static final Pattern TITLE = Pattern.compile("^\\s*(专栏\\s*\\d+|附表\\s*\\d*|表\\s*\\d+)(.*)$");
  private static final Pattern NOTE = Pattern.compile("^\\s*(注|备注)\\s*[:：]?.*");
  private static final int NOTE_LOOKAHEAD_BLANKS = 3;

  private TableLocator() {}

  public static List<RawTable> locate(PlanDocument doc) {
    List<RawTable> tables = new ArrayList<>();
    int i = 0;
    while (i < doc.size()) {
      String line = doc.line(i);
      Matcher m = TITLE.matcher(line.replace('\t', ' '));
      if (m.matches() && isIndicatorTitle(line)) {
        String ref = m.group(1).replaceAll("\\s+", "");
        String title = line.replace("|", " ").replaceAll("\\s+", " ").strip();
        RawTable t = read(doc, i, ref, title);
        tables.add(t);
        i = Math.max(t.endLineIndex(), i + 1);
      } else {
        i++;
      }
    }
    return tables;
  }

  static boolean isIndicatorTitle(String line) {
    String s = line.replaceAll("[\\s|]", "");
    return s.contains("指标") && !s.contains("指标解释") && s.length() <= 60;
  }

  private static RawTable read(PlanDocument doc, int titleIdx, String ref, String title) {
    int next = nextNonBlank(doc, titleIdx + 1);
    boolean pipes = doc.line(titleIdx).contains("|") || (next >= 0 && doc.line(next).contains("|"));
    if (pipes) return readPipes(doc, titleIdx, ref, title);
    boolean tabs = next >= 0 && doc.line(next).startsWith("\t");
    if (tabs) return readTabCells(doc, titleIdx, ref, title);
    return readBareLines(doc, titleIdx, ref, title);
  }

  private static int nextNonBlank(PlanDocument doc, int from) {
    for (int i = from; i < doc.size(); i++) if (!isEmptyLine(doc.line(i))) return i;
    return -1;
  }

  /** Blank and not TAB-led: a TAB-only line is an empty cell in the TAB layout, not a row separator. */
  static boolean isEmptyLine(String line) {
    return !line.startsWith("\t") && line.isBlank();
  }

  // ------------------------------------------------------------------ pipe rows
  private static RawTable readPipes(PlanDocument doc, int titleIdx, String ref, String title) {
    List<List<TextCell>> rows = new ArrayList<>();
    List<TextCell> notes = new ArrayList<>();
    int i = titleIdx + 1;
    for (; i < doc.size(); i++) {
      String line = doc.line(i);
      if (line.isBlank()) continue;
      if (!line.contains("|")) break;
      List<TextCell> cells = splitPipes(line, i);
      if (!cells.isEmpty() && NOTE.matcher(cells.get(0).text()).matches()) {
        notes.add(new TextCell(line.replace("|", " ").strip(), i));
        continue;
      }
      rows.add(cells);
    }
    int end = collectNotesAfter(doc, i, notes);
    return new RawTable(ref, title, titleIdx, TableLayout.PIPE_ROWS, rows, notes, end);
  }

  static List<TextCell> splitPipes(String line, int idx) {
    String[] parts = line.split("\\|", -1);
    int n = parts.length;
    if (n > 0 && parts[n - 1].isBlank()) n--;
    List<TextCell> cells = new ArrayList<>(n);
    for (int k = 0; k < n; k++) cells.add(new TextCell(parts[k].strip(), parts[k].isBlank() ? -1 : idx));
    return cells;
  }

  // ------------------------------------------------------------------ one cell per TAB-led line
  private static RawTable readTabCells(PlanDocument doc, int titleIdx, String ref, String title) {
    List<List<TextCell>> rows = new ArrayList<>();
    List<TextCell> notes = new ArrayList<>();
    List<TextCell> row = new ArrayList<>();
    StringBuilder cell = null;
    int cellLine = -1;
    boolean previousWasCellLine = false;
    int i = titleIdx + 1;
    for (; i < doc.size(); i++) {
      String line = doc.line(i);
      if (isEmptyLine(line)) {
        if (cell != null) {
          row.add(new TextCell(cell.toString().strip(), cellLine));
          cell = null;
        }
        flushRow(rows, notes, row);
        row = new ArrayList<>();
        previousWasCellLine = false;
      } else if (line.startsWith("\t")) {
        if (cell != null) row.add(new TextCell(cell.toString().strip(), cellLine));
        String content = line.substring(1);
        cell = new StringBuilder(content.strip());
        cellLine = content.isBlank() ? -1 : i;
        previousWasCellLine = true;
      } else if (previousWasCellLine && cell != null) {
        // a wrapped cell continues on a line without the leading TAB
        cell.append(line.strip());
        if (cellLine < 0) cellLine = i;
      } else {
        break;
      }
    }
    if (cell != null) row.add(new TextCell(cell.toString().strip(), cellLine));
    flushRow(rows, notes, row);
    int end = collectNotesAfter(doc, i, notes);
    return new RawTable(ref, title, titleIdx, TableLayout.TAB_CELLS, rows, notes, end);
  }

  private static void flushRow(List<List<TextCell>> rows, List<TextCell> notes, List<TextCell> row) {
    if (row.isEmpty() || row.stream().allMatch(TextCell::blank)) return;
    TextCell first = row.stream().filter(c -> !c.blank()).findFirst().orElseThrow();
    if (NOTE.matcher(first.text()).matches() && row.stream().filter(c -> !c.blank()).count() == 1) {
      notes.add(first);
      return;
    }
    rows.add(List.copyOf(row));
  }

  // ------------------------------------------------------------------ bare lines
  private static RawTable readBareLines(PlanDocument doc, int titleIdx, String ref, String title) {
    List<TextCell> cells = new ArrayList<>();
    int i = titleIdx + 1;
    for (; i < doc.size(); i++) {
      String line = doc.line(i);
      if (line.isBlank()) continue;
      if (isProseLine(line)) break;
      cells.add(new TextCell(line.strip(), i));
    }
    int end = i;
    List<List<TextCell>> rows = new ArrayList<>();
    int h = 0;
    while (h < cells.size() && ColumnRoles.isHeaderWord(cells.get(h).text())) h++;
    int width = h;
    if (width >= 2) {
      rows.add(List.copyOf(cells.subList(0, width)));
      for (int k = width; k < cells.size(); k += width) {
        rows.add(List.copyOf(cells.subList(k, Math.min(k + width, cells.size()))));
      }
    }
    List<TextCell> notes = new ArrayList<>();
    end = collectNotesAfter(doc, end, notes);
    return new RawTable(ref, title, titleIdx, TableLayout.BARE_LINES, rows, notes, end);
  }

  /** A line that cannot be a table cell: a sentence, a numbered paragraph or a heading. */
  static boolean isProseLine(String line) {
    String s = line.strip();
    if (s.length() > 60) return true;
    if (s.endsWith("。")) return true;
    if (line.startsWith("  ") && s.matches("^(\\d+[.、]|[一二三四五六七八九十]+、|\\([一二三四五六七八九十]+\\)).*")) return true;
    return s.matches("^第[一二三四五六七八九十\\d]+[章节].*");
  }

  /** Notes printed right under a table (注：…, 备注：…), within a few blank lines. Returns the index after them. */
  private static int collectNotesAfter(PlanDocument doc, int from, List<TextCell> notes) {
    int i = from;
    int blanks = 0;
    int end = from;
    while (i < doc.size() && blanks <= NOTE_LOOKAHEAD_BLANKS) {
      String line = doc.line(i);
      if (line.isBlank()) {
        blanks++;
      } else if (NOTE.matcher(line.replace("\t", "")).matches()) {
        notes.add(new TextCell(line.replace("|", " ").strip(), i));
        blanks = 0;
        end = i + 1;
      } else {
        break;
      }
      i++;
    }
    return end;
  }
}
