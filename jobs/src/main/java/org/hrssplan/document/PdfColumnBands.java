package org.hrssplan.document;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.hrssplan.document.PdfPlanReader.Glyph;
import org.hrssplan.document.PdfPlanReader.RuledTable;

/**
 * Tables a PDF prints without column rules (a three-line table, or a browser that leaves {@code border="1"} out): their
 * columns are read from where the text stands over many lines, not from the gaps of one line.
 *
 * <p>A table is a run of printed rows of which several hold three or more segments (text apart by most of an em);
 * rows above and below close to it belong to it (a header's wrapped second line, a period header over two columns).
 * Over all its glyphs, the number of rows printing at each x is counted: a column boundary is a valley of that count,
 * where at most half as many rows print as in the columns on either side (a header spanning two columns, a section
 * row across the table leave a valley, not a gap), at its rightmost lowest place. A run of glyphs without a gap that
 * reaches over a boundary is one cell over those columns. In each column, printed lines one line-pitch apart are one
 * cell (a wrapped cell, joined again); the column with most cells of its own gives the rows, a cell beside none of
 * them another; a cell that runs on over several rows (rows without padding) is cut where each part stands centred
 * in a row. Each cell then goes to the row, or the run of rows, whose middle its own middle is within a quarter em of
 * (the fewest rows), else the closest: a cell printed in the middle of two rows is merged over both, as a browser
 * centres a rowspan.
 */
final class PdfColumnBands {
  private PdfColumnBands() {}

  /** A piece of one printed row in one column (or over several columns: {@code last > first}). */
  private record Piece(double base, int first, int last, List<Glyph> glyphs) {}

  /** A cell: the pieces of a column one line-pitch apart. */
  private static final class Cell {
    final int first;
    final int last;
    final List<Glyph> glyphs = new ArrayList<>();
    final List<Piece> lines = new ArrayList<>();
    double top;
    double bottom;
    double lastBase;

    Cell(Piece p, double em) {
      first = p.first;
      last = p.last;
      top = p.base - em;
      add(p, em);
    }

    void add(Piece p, double em) {
      glyphs.addAll(p.glyphs);
      lines.add(p);
      bottom = p.base + 0.2 * em;
      lastBase = p.base;
    }

    double middle() {
      return (top + bottom) / 2;
    }
  }

  static List<RuledTable> tables(List<Glyph> glyphs, Map<Glyph, Integer> lineOf) {
    List<RuledTable> out = new ArrayList<>();
    if (glyphs.size() < 6) return out;
    double em = em(glyphs);
    List<List<Glyph>> rows = baselineRows(glyphs, em);
    int n = rows.size();
    boolean[] seed = new boolean[n];
    for (int i = 0; i < n; i++) seed[i] = segments(rows.get(i), 0.8 * em) >= 3;
    int i = 0;
    while (i < n) {
      if (!seed[i]) {
        i++;
        continue;
      }
      int from = i;
      int to = i;
      for (int j = i + 1; j < n && base(rows.get(j)) - base(rows.get(to)) <= 5 * em; j++) if (seed[j]) to = j;
      int seeds = 0;
      for (int k = from; k <= to; k++) if (seed[k]) seeds++;
      // rows close above and below: a header's first or last line, a wrapped cell's last line
      while (from > 0 && base(rows.get(from)) - base(rows.get(from - 1)) <= 1.6 * em) from--;
      while (to + 1 < n && base(rows.get(to + 1)) - base(rows.get(to)) <= 1.6 * em) to++;
      if (seeds >= 2) {
        RuledTable t = table(rows.subList(from, to + 1), em, lineOf);
        if (t != null) out.add(t);
      }
      i = to + 1;
    }
    return out;
  }

  private static double base(List<Glyph> row) {
    return row.get(0).base();
  }

  /** The type size as printed: the median advance of CJK glyphs (a font's nominal size may be scaled), else of all. */
  private static double em(List<Glyph> glyphs) {
    double[] wide = glyphs.stream().filter(g -> TextFolding.wide(g.text().codePointAt(0))).mapToDouble(Glyph::w).sorted().toArray();
    if (wide.length >= 3) return wide[wide.length / 2];
    double[] sizes = glyphs.stream().mapToDouble(Glyph::size).sorted().toArray();
    return sizes[sizes.length / 2];
  }

  /** Glyphs on one baseline (within a quarter em), each row left to right, rows top to bottom. */
  private static List<List<Glyph>> baselineRows(List<Glyph> glyphs, double em) {
    List<Glyph> sorted = new ArrayList<>(glyphs);
    sorted.sort(Comparator.comparingDouble(Glyph::base).thenComparingDouble(Glyph::x));
    List<List<Glyph>> rows = new ArrayList<>();
    List<Glyph> row = null;
    for (Glyph g : sorted) {
      if (row == null || g.base() - row.get(0).base() > 0.25 * em) {
        row = new ArrayList<>();
        rows.add(row);
      }
      row.add(g);
    }
    for (List<Glyph> r : rows) r.sort(Comparator.comparingDouble(Glyph::x));
    return rows;
  }

  private static int segments(List<Glyph> row, double gap) {
    int count = 1;
    for (int i = 1; i < row.size(); i++) if (row.get(i).x() - row.get(i - 1).right() >= gap) count++;
    return count;
  }

  private static RuledTable table(List<List<Glyph>> rows, double em, Map<Glyph, Integer> lineOf) {
    double[] xs = columnEdges(rows, em);
    int cols = xs.length - 1;
    if (cols < 2) return null;
    // pieces: runs of glyphs without a gap of a sixth of an em, in the column(s) of their glyphs
    List<List<Piece>> byColumn = new ArrayList<>();
    for (int c = 0; c < cols; c++) byColumn.add(new ArrayList<>());
    for (List<Glyph> row : rows) {
      List<Glyph> run = new ArrayList<>();
      for (int k = 0; k <= row.size(); k++) {
        if (k == row.size() || !run.isEmpty() && (row.get(k).x() - run.get(run.size() - 1).right() >= em / 6
            || column(xs, row.get(k).centerX()) != column(xs, run.get(run.size() - 1).centerX())
                && row.get(k).x() - run.get(run.size() - 1).right() > 0.05 * em)) {
          if (!run.isEmpty()) {
            int first = column(xs, run.get(0).centerX());
            int last = column(xs, run.get(run.size() - 1).centerX());
            byColumn.get(first).add(new Piece(run.get(0).base(), first, last, List.copyOf(run)));
          }
          run = new ArrayList<>();
        }
        if (k < row.size()) run.add(row.get(k));
      }
    }
    // a column's pieces on one baseline are one line of a cell; lines a line-pitch apart are one cell
    double pitch = pitch(byColumn, em);
    List<List<Cell>> cells = new ArrayList<>();
    for (List<Piece> pieces : byColumn) {
      List<Cell> column = new ArrayList<>();
      Cell open = null;
      for (Piece p : merged(pieces, em)) {
        if (open != null && open.last == p.last && p.base - open.lastBase <= 1.1 * pitch) open.add(p, em);
        else column.add(open = new Cell(p, em));
      }
      cells.add(column);
    }
    // the rows: the cells of the column that has most cells of its own (not over several columns), then any cell beside none of them
    List<double[]> rowBoxes = new ArrayList<>();
    Integer[] order = new Integer[cols];
    Arrays.setAll(order, c -> c);
    Arrays.sort(order, Comparator.comparingLong((Integer c) -> -cells.get(c).stream().filter(x -> x.first == x.last).count()).thenComparingInt(c -> c));
    for (int c : order) {
      for (Cell cell : cells.get(c)) {
        boolean beside = false;
        double[] above = null;
        double[] below = null;
        for (double[] b : rowBoxes) {
          if (cell.top < b[1] - 0.25 * em && b[0] < cell.bottom - 0.25 * em) beside = true; // more than a descender's overlap
          if (b[1] <= cell.top + 0.25 * em && (above == null || b[1] > above[1])) above = b;
          if (b[0] >= cell.bottom - 0.25 * em && (below == null || b[0] < below[0])) below = b;
        }
        // a cell of one column in the middle between two rows is a cell merged over both, not a row of its own
        boolean between = cell.first == cell.last && above != null && below != null
            && Math.abs(cell.middle() - ((above[0] + above[1]) / 2 + (below[0] + below[1]) / 2) / 2) <= 0.25 * em
            && !occupied(cells, cell, above, em) && !occupied(cells, cell, below, em);
        if (!beside && !between) rowBoxes.add(new double[] {cell.top, cell.bottom});
      }
      rowBoxes.sort(Comparator.comparingDouble(b -> b[0]));
    }
    // rows set as close as a cell's lines (no padding): a column's lines run on from row to row as one cell; such a
    // cell is as many cells as rows when its lines, each given to the nearest row, stand centred in each of them
    for (List<Cell> column : cells) {
      for (int k = 0; k < column.size(); k++) {
        List<Cell> parts = split(column.get(k), rowBoxes, em);
        if (parts.size() > 1) {
          column.remove(k);
          column.addAll(k, parts);
          k += parts.size() - 1;
        }
      }
    }
    int nRows = rowBoxes.size();
    if (nRows < 2) return null;
    RuledTable t = new RuledTable(lineOf);
    t.layout = "pdf_columns";
    t.xs = xs;
    t.origin = new int[nRows][cols][];
    for (int r = 0; r < nRows; r++) for (int c = 0; c < cols; c++) t.origin[r][c] = new int[] {r, c};
    // each row as far as the cells standing in it alone reach; then each cell placed again against those rows (a
    // header cell centred over a period header and the row under it is merged over both)
    List<double[]> extents = new ArrayList<>();
    for (double[] b : rowBoxes) extents.add(b.clone());
    for (List<Cell> column : cells) {
      for (Cell cell : column) {
        int[] span = rowsOf(cell, rowBoxes, em);
        if (span[0] != span[1]) continue;
        extents.get(span[0])[0] = Math.min(extents.get(span[0])[0], cell.top);
        extents.get(span[0])[1] = Math.max(extents.get(span[0])[1], cell.bottom);
      }
    }
    double top = Double.MAX_VALUE;
    double bottom = -Double.MAX_VALUE;
    for (List<Cell> column : cells) {
      for (Cell cell : column) {
        int[] span = rowsOf(cell, extents, em);
        int[] o = t.origin[span[0]][cell.first];
        if (o[0] != span[0] || o[1] != cell.first) { // already covered by another cell: its text goes there
          t.text.computeIfAbsent(o[0] * cols + o[1], k -> new ArrayList<>()).addAll(cell.glyphs);
        } else {
          for (int r = span[0]; r <= span[1]; r++) {
            for (int c = cell.first; c <= cell.last; c++) {
              if (t.origin[r][c][0] == r && t.origin[r][c][1] == c) t.origin[r][c] = new int[] {span[0], cell.first};
            }
          }
          t.text.computeIfAbsent(span[0] * cols + cell.first, k -> new ArrayList<>()).addAll(cell.glyphs);
        }
        top = Math.min(top, cell.top);
        bottom = Math.max(bottom, cell.bottom);
      }
    }
    t.ys = new double[nRows + 1];
    t.ys[0] = top;
    for (int r = 1; r < nRows; r++) t.ys[r] = (rowBoxes.get(r - 1)[1] + rowBoxes.get(r)[0]) / 2; // between the rows' own cells
    t.ys[nRows] = bottom;
    return t;
  }

  /** Whether another cell of the cell's column (or over it) stands in the row box: then the cell is not merged into that row. */
  private static boolean occupied(List<List<Cell>> cells, Cell cell, double[] box, double em) {
    int c = cell.first;
    for (List<Cell> column : cells) {
      for (Cell x : column) {
        if (x != cell && x.first <= c && c <= x.last && x.top < box[1] - 0.25 * em && box[0] < x.bottom - 0.25 * em) return true;
      }
    }
    return false;
  }

  private static List<Cell> split(Cell cell, List<double[]> rows, double em) {
    if (cell.lines.size() < 2) return List.of(cell);
    Map<Integer, Cell> byRow = new java.util.TreeMap<>();
    for (Piece line : cell.lines) {
      double middle = line.base - 0.4 * em;
      int nearest = 0;
      for (int r = 1; r < rows.size(); r++) {
        if (Math.abs((rows.get(r)[0] + rows.get(r)[1]) / 2 - middle) < Math.abs((rows.get(nearest)[0] + rows.get(nearest)[1]) / 2 - middle)) nearest = r;
      }
      Cell part = byRow.get(nearest);
      if (part == null) byRow.put(nearest, new Cell(line, em));
      else part.add(line, em);
    }
    if (byRow.size() < 2) return List.of(cell);
    for (Map.Entry<Integer, Cell> e : byRow.entrySet()) {
      double[] row = rows.get(e.getKey());
      if (Math.abs(e.getValue().middle() - (row[0] + row[1]) / 2) > 0.3 * em) return List.of(cell);
    }
    return new ArrayList<>(byRow.values());
  }

  /** Pieces of one column on one baseline (a cell's words apart) as one piece, top to bottom. */
  private static List<Piece> merged(List<Piece> pieces, double em) {
    List<Piece> sorted = new ArrayList<>(pieces);
    sorted.sort(Comparator.comparingDouble(Piece::base).thenComparingDouble(p -> p.glyphs.get(0).x()));
    List<Piece> out = new ArrayList<>();
    for (Piece p : sorted) {
      Piece prev = out.isEmpty() ? null : out.get(out.size() - 1);
      if (prev != null && Math.abs(prev.base - p.base) <= 0.25 * em) {
        List<Glyph> gs = new ArrayList<>(prev.glyphs);
        gs.addAll(p.glyphs);
        out.set(out.size() - 1, new Piece(p.base, prev.first, Math.max(prev.last, p.last), gs));
      } else {
        out.add(p);
      }
    }
    return out;
  }

  /**
   * The distance of two lines of one cell: the least distance between lines of one column (a wrapped cell), when
   * that is a plausible line pitch; else (no cell wraps) an ordinary one, 1.25 em, below which rows never come.
   */
  private static double pitch(List<List<Piece>> byColumn, double em) {
    double least = Double.MAX_VALUE;
    for (List<Piece> column : byColumn) {
      List<Piece> ps = merged(column, em);
      for (int k = 1; k < ps.size(); k++) {
        double d = ps.get(k).base - ps.get(k - 1).base;
        if (d >= 0.8 * em) least = Math.min(least, d);
      }
    }
    return least <= 1.4 * em ? least : 1.25 * em;
  }

  /**
   * The rows a cell stands in: the fewest rows, from those it reaches (within half an em), whose middle is within a
   * quarter em of the cell's middle (a cell is printed in the middle of its row, a merged cell in the middle of its
   * rows); if none is, the run of rows whose middle is closest.
   */
  private static int[] rowsOf(Cell cell, List<double[]> rows, double em) {
    int[] best = null;
    double bestScore = Double.MAX_VALUE;
    for (int i = 0; i < rows.size(); i++) {
      if (!reaches(cell, rows.get(i), em)) continue;
      for (int j = i; j < rows.size() && j <= i + 8; j++) {
        if (!reaches(cell, rows.get(j), em)) continue;
        double middle = (rows.get(i)[0] + rows.get(j)[1]) / 2;
        double d = Math.abs(cell.middle() - middle);
        double score = d <= 0.25 * em ? j - i : 1000 + d;
        if (score < bestScore) {
          best = new int[] {i, j};
          bestScore = score;
        }
      }
    }
    if (best != null) return best;
    int nearest = 0;
    for (int i = 1; i < rows.size(); i++) {
      if (Math.abs((rows.get(i)[0] + rows.get(i)[1]) / 2 - cell.middle())
          < Math.abs((rows.get(nearest)[0] + rows.get(nearest)[1]) / 2 - cell.middle())) nearest = i;
    }
    return new int[] {nearest, nearest};
  }

  private static boolean reaches(Cell cell, double[] row, double em) {
    return cell.top < row[1] + 0.5 * em && row[0] - 0.5 * em < cell.bottom;
  }

  /**
   * Column edges: where, over all the rows, fewest rows print (at most a fifth of them), at the rightmost place of
   * that least count within each such stretch; the table's outer edges first and last.
   */
  private static double[] columnEdges(List<List<Glyph>> rows, double em) {
    List<double[]> events = new ArrayList<>(); // x, +1 / -1 per row covering
    double left = Double.MAX_VALUE;
    double right = -Double.MAX_VALUE;
    for (List<Glyph> row : rows) {
      // one row counts once at each x: merge its glyphs' spans
      double a = Double.NaN;
      double b = Double.NaN;
      for (Glyph g : row) {
        left = Math.min(left, g.x());
        right = Math.max(right, g.right());
        if (!Double.isNaN(a) && g.x() <= b + 0.01) {
          b = Math.max(b, g.right());
          continue;
        }
        if (!Double.isNaN(a)) {
          events.add(new double[] {a, 1});
          events.add(new double[] {b, -1});
        }
        a = g.x();
        b = g.right();
      }
      events.add(new double[] {a, 1});
      events.add(new double[] {b, -1});
    }
    events.sort(Comparator.comparingDouble((double[] e) -> e[0]).thenComparingDouble(e -> e[1]));
    // stretches: [x0, x1) with a constant count
    List<double[]> stretches = new ArrayList<>();
    int count = 0;
    for (int k = 0; k < events.size(); k++) {
      count += (int) events.get(k)[1];
      double x0 = events.get(k)[0];
      double x1 = k + 1 < events.size() ? events.get(k + 1)[0] : x0;
      if (x1 > x0) stretches.add(new double[] {x0, x1, count});
    }
    // a valley: a stretch printed by few rows with, on each side before any lower stretch, a column printed by at
    // least twice as many and two more (a header over two columns, a section row across the table, leave a valley)
    List<Double> edges = new ArrayList<>();
    edges.add(left - 0.5);
    int lastValley = -1;
    for (int m = 1; m + 1 < stretches.size(); m++) {
      double c = stretches.get(m)[2];
      double need = Math.max(2 * c, c + 2);
      double leftPeak = 0;
      for (int q = m - 1; q >= 0 && stretches.get(q)[2] >= c; q--) leftPeak = Math.max(leftPeak, stretches.get(q)[2]);
      double rightPeak = 0;
      double width = stretches.get(m)[1] - stretches.get(m)[0];
      for (int q = m + 1; q < stretches.size() && stretches.get(q)[2] >= c; q++) {
        rightPeak = Math.max(rightPeak, stretches.get(q)[2]);
        if (rightPeak == c) width += stretches.get(q)[1] - stretches.get(q)[0];
      }
      if (leftPeak < need || rightPeak < need) continue;
      // the same valley as the last edge (no higher stretch between): the rightmost place of it
      boolean same = lastValley >= 0;
      for (int q = lastValley + 1; same && q < m; q++) if (stretches.get(q)[2] > c) same = false;
      if (same && stretches.get(lastValley)[2] == c) edges.remove(edges.size() - 1);
      else if (width < em / 8) continue;
      edges.add((stretches.get(m)[0] + stretches.get(m)[1]) / 2);
      lastValley = m;
    }
    edges.add(right + 0.5);
    return edges.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static int column(double[] xs, double x) {
    for (int c = 0; c < xs.length - 2; c++) if (x < xs[c + 1]) return c;
    return xs.length - 2;
  }
}
