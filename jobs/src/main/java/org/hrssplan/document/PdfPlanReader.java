package org.hrssplan.document;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.hrssplan.model.QuarantineReason;

/**
 * A text PDF → blocks, with Apache PDFBox: the glyphs of each page with their positions, and the ruling lines the page
 * draws. A table drawn with rules (the way Word and WPS print a table) becomes a {@link Grid} by its rules: the distinct
 * x of its vertical rules are the columns, the y of its horizontal rules the rows, and a rule missing between two
 * positions means one merged cell. Rules are whatever the page draws: stroked lines, rectangle edges, filled shapes
 * thin in one direction, under a clip or not (never a Type 3 glyph's outline). A table without column rules is read
 * from its column bands ({@link PdfColumnBands}). Everything else is read as printed lines, the way a text export is read
 * ({@link TextTableReader}): a line indented by a TAB stop starts with a TAB, a wide gap between words is a TAB, an empty
 * line is kept where the page leaves one, so tables typed with TABs or pipes are found as in a text export.
 *
 * <p>Page headers and footers are dropped: a page number at the top or bottom of a page ({@code - 3 -}, {@code 第3页},
 * {@code 3/10}, or a bare number that follows the page count), and a line at the same place on at least half the pages
 * (digits aside). A ruled table that ends a page and one that starts the next with the same columns are one table; a
 * header repeated on the new page is read once.
 *
 * <p>Lines are numbered in reading order ({@code source_line}); the locator of a line is its page and its printed line
 * on that page, {@code p7:L12}, counted from the top with headers and footers. A PDF without any text (a scan) is
 * refused {@code no_text_layer}: OCR is not done here; so is a PDF of images whose only text is its page headers and
 * footers (a scan with page numbers stamped on it). A text layer whose characters have no Unicode map (fonts without
 * ToUnicode) is refused {@code text_not_decodable}.
 */
public final class PdfPlanReader {
  /** Positions closer than this (pt) are the same rule or the same edge. */
  private static final double TOL = 2.0;
  private static final Pattern DECORATED_PAGE_NUMBER = Pattern.compile(
      "^(?:[-—–－\\s]+\\d{1,4}[-—–－\\s]+|第\\s*\\d{1,4}\\s*页(?:\\s*[,，/]?\\s*共\\s*\\d{1,4}\\s*页)?|\\d{1,4}\\s*/\\s*\\d{1,4}"
          + "|(?i:page)\\s*\\d{1,4}(?:\\s*(?i:of)\\s*\\d{1,4})?)$");
  private static final Pattern BARE_NUMBER = Pattern.compile("^\\d{1,4}$");

  private PdfPlanReader() {}

  public static DocumentContent read(byte[] bytes) throws IOException, RefusedDocumentException {
    if (!hasPdfHeader(bytes)) {
      throw new RefusedDocumentException(QuarantineReason.UNREADABLE, "named .pdf but not a PDF (no %PDF- header in its first 1024 bytes)");
    }
    PDDocument pdf;
    try {
      pdf = Loader.loadPDF(bytes);
    } catch (InvalidPasswordException e) {
      throw new RefusedDocumentException(QuarantineReason.ENCRYPTED, "the PDF is password-protected; ask the bureau for an unprotected copy"
          + " or for the plan's Word or web version");
    }
    try (pdf) {
      GlyphCollector collector = new GlyphCollector();
      List<Page> pages = collector.pages(pdf);
      int glyphs = 0;
      int images = 0;
      for (int i = 0; i < pages.size(); i++) {
        glyphs += (int) pages.get(i).glyphs.stream().filter(g -> !g.space()).count();
        RuleCollector rules = new RuleCollector(pdf.getPage(i), pages.get(i));
        rules.processPage(pdf.getPage(i));
        images += rules.images;
      }
      if (glyphs == 0) throw noTextLayer(pages.size(), images, "");
      GlyphCollector codes = collector; // a text layer of codes without a Unicode map is no text
      if (codes.undecodable * 2 > codes.printed) {
        throw new RefusedDocumentException(QuarantineReason.TEXT_NOT_DECODABLE, "the PDF's text cannot be decoded: " + codes.undecodable
            + " of its " + codes.printed + " characters are in fonts without a Unicode map (" + String.join(", ", codes.undecodableFonts)
            + "; no ToUnicode, as a PDF re-distilled by Ghostscript can be), so what they say is unknown — use the plan's Word or web"
            + " version, or the PDF as first published");
      }
      for (Page p : pages) p.layOut();
      dropHeadersAndFooters(pages);
      int body = 0;
      for (Page p : pages) {
        for (PrintedLine l : p.free) body += (int) l.glyphs.stream().filter(g -> !g.space()).count();
        for (RuledTable t : p.tables) for (List<Glyph> cell : t.text.values()) body += (int) cell.stream().filter(g -> !g.space()).count();
      }
      // a scan whose only text is a page number or a header stamped on each page is a scan all the same
      if (body == 0 && images > 0) throw noTextLayer(pages.size(), images, ", its only text page headers, footers or numbers");
      return new Emitter(pages).emit();
    }
  }

  private static RefusedDocumentException noTextLayer(int pages, int images, String only) {
    return new RefusedDocumentException(QuarantineReason.NO_TEXT_LAYER, "the PDF has no text layer (" + pages + " page(s)"
        + (images > 0 ? ", " + images + " image(s): a scan" : "") + only + "); OCR is not done here — use the plan's Word or web"
        + " version, or run OCR on the file first");
  }

  private static boolean hasPdfHeader(byte[] bytes) {
    String head = new String(bytes, 0, Math.min(bytes.length, 1024), java.nio.charset.StandardCharsets.ISO_8859_1);
    return head.contains("%PDF-");
  }

  // ---------------------------------------------------------------------------------------------------------------
  // collected from the PDF

  /** A glyph; {@code base} is the baseline measured from the top of the page. */
  record Glyph(double x, double base, double w, double size, String text) {
    double right() {
      return x + w;
    }

    double centerX() {
      return x + w / 2;
    }

    double centerY() {
      return base - size * 0.35;
    }

    boolean space() {
      return text.isBlank();
    }
  }

  /** An axis-parallel rule from (x1, y1) to (x2, y2), x1 ≤ x2 and y1 ≤ y2, y from the top of the page. */
  record Rule(double x1, double y1, double x2, double y2) {
    boolean horizontal() {
      return y2 - y1 <= 1.0;
    }
  }

  /** A printed line of a page: its glyphs left to right, its number on the page from 1. */
  static final class PrintedLine {
    final int number;
    final List<Glyph> glyphs = new ArrayList<>();
    double base;

    PrintedLine(int number) {
      this.number = number;
    }

    double size() {
      return glyphs.stream().mapToDouble(Glyph::size).max().orElse(10);
    }

    double left() {
      return glyphs.get(0).x;
    }

    double right() {
      return glyphs.get(glyphs.size() - 1).right();
    }

    String text() {
      return join(glyphs, false);
    }
  }

  /** A ruled table of a page: rows × columns of cells, each cell the glyphs of its merged region's origin. */
  static final class RuledTable {
    /** {@code pdf_ruled}, or {@code pdf_columns} for a table without column rules read from its column bands. */
    String layout = "pdf_ruled";
    double[] xs;
    double[] ys;
    /** Per row, per column: the region origin's [row, col]. */
    int[][][] origin;
    /** Per origin cell (row * cols + col): its glyphs, in printed-line order. */
    final Map<Integer, List<Glyph>> text = new HashMap<>();
    final Map<Glyph, Integer> lineOf;

    RuledTable(Map<Glyph, Integer> lineOf) {
      this.lineOf = lineOf;
    }

    double top() {
      return ys[0];
    }

    double bottom() {
      return ys[ys.length - 1];
    }

    int columns() {
      return xs.length - 1;
    }

    /**
     * The same columns: the same rules; for tables read from column bands (whose edges are where each page's text
     * leaves room, and outer edges where it ends), each boundary within the narrower column beside it, half its width.
     */
    boolean sameColumns(RuledTable other) {
      if (other.xs.length != xs.length || !other.layout.equals(layout)) return false;
      boolean bands = layout.equals("pdf_columns");
      for (int i = 0; i < xs.length; i++) {
        if (bands && (i == 0 || i == xs.length - 1)) continue;
        double tolerance = bands ? 0.5 * Math.min(xs[i] - xs[i - 1], xs[i + 1] - xs[i]) : 3 * TOL;
        if (Math.abs(other.xs[i] - xs[i]) > tolerance) return false;
      }
      return true;
    }

    /** The text of the cell at (r, c) as printed lines joined by '\n' (its origin's text when covered). */
    String cellText(int r, int c) {
      int[] o = origin[r][c];
      List<Glyph> gs = text.getOrDefault(o[0] * columns() + o[1], List.of());
      if (gs.isEmpty()) return "";
      Map<Integer, List<Glyph>> byLine = new java.util.TreeMap<>();
      for (Glyph g : gs) byLine.computeIfAbsent(lineOf.get(g), k -> new ArrayList<>()).add(g);
      List<String> lines = new ArrayList<>();
      for (List<Glyph> l : byLine.values()) {
        l.sort(Comparator.comparingDouble(Glyph::x));
        lines.add(join(l, true));
      }
      return String.join("\n", lines);
    }

    int firstLine(int r, int c) {
      int[] o = origin[r][c];
      return text.getOrDefault(o[0] * columns() + o[1], List.of()).stream().mapToInt(lineOf::get).min().orElse(-1);
    }
  }

  static final class Page {
    final int number;
    final double width;
    final double height;
    final List<Glyph> glyphs = new ArrayList<>();
    final List<Rule> rules = new ArrayList<>();
    final List<PrintedLine> lines = new ArrayList<>();
    final List<RuledTable> tables = new ArrayList<>();
    /** Printed lines outside every ruled table, top to bottom; headers and footers removed from it. */
    final List<PrintedLine> free = new ArrayList<>();

    Page(int number, double width, double height) {
      this.number = number;
      this.width = width;
      this.height = height;
    }

    void layOut() {
      List<Glyph> sorted = new ArrayList<>(glyphs);
      sorted.sort(Comparator.comparingDouble(Glyph::base).thenComparingDouble(Glyph::x));
      Map<Glyph, Integer> lineOf = new HashMap<>();
      PrintedLine current = null;
      for (Glyph g : sorted) {
        if (current == null || g.base - current.base > 0.5 * Math.min(g.size, current.size())) {
          if (g.space()) continue; // a space starts no line
          current = new PrintedLine(lines.size() + 1);
          current.base = g.base;
          lines.add(current);
        }
        current.glyphs.add(g);
        lineOf.put(g, current.number);
      }
      for (PrintedLine l : lines) {
        l.glyphs.sort(Comparator.comparingDouble(Glyph::x));
        while (!l.glyphs.isEmpty() && l.glyphs.get(0).space()) l.glyphs.remove(0);
        while (!l.glyphs.isEmpty() && l.glyphs.get(l.glyphs.size() - 1).space()) l.glyphs.remove(l.glyphs.size() - 1);
      }
      List<Glyph> inTables = findTables(lineOf);
      java.util.Set<Glyph> taken = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
      taken.addAll(inTables);
      List<Glyph> rest = new ArrayList<>();
      for (PrintedLine l : lines) for (Glyph g : l.glyphs) if (!g.space() && !taken.contains(g)) rest.add(g);
      for (RuledTable t : PdfColumnBands.tables(rest, lineOf)) {
        tables.add(t);
        taken.addAll(t.text.values().stream().flatMap(List::stream).toList());
      }
      tables.sort(Comparator.comparingDouble(RuledTable::top));
      for (PrintedLine l : lines) {
        PrintedLine f = new PrintedLine(l.number);
        f.base = l.base;
        for (Glyph g : l.glyphs) if (!taken.contains(g)) f.glyphs.add(g);
        if (!f.glyphs.isEmpty()) free.add(f);
      }
    }

    /** Ruled tables from this page's rules; returns the glyphs they hold. */
    private List<Glyph> findTables(Map<Glyph, Integer> lineOf) {
      List<Rule> h = rules.stream().filter(Rule::horizontal).toList();
      List<Rule> v = rules.stream().filter(r -> !r.horizontal()).toList();
      int n = h.size() + v.size();
      int[] parent = new int[n];
      Arrays.setAll(parent, i -> i);
      for (int i = 0; i < h.size(); i++) {
        for (int j = 0; j < v.size(); j++) {
          Rule a = h.get(i);
          Rule b = v.get(j);
          if (b.x1 >= a.x1 - TOL && b.x1 <= a.x2 + TOL && a.y1 >= b.y1 - TOL && a.y1 <= b.y2 + TOL) union(parent, i, h.size() + j);
        }
      }
      Map<Integer, List<Integer>> components = new HashMap<>();
      for (int i = 0; i < n; i++) components.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(i);
      List<Glyph> held = new ArrayList<>();
      for (List<Integer> members : components.values()) {
        List<Rule> ch = new ArrayList<>();
        List<Rule> cv = new ArrayList<>();
        for (int i : members) {
          if (i < h.size()) ch.add(h.get(i));
          else cv.add(v.get(i - h.size()));
        }
        double[] xs = cluster(cv.stream().mapToDouble(Rule::x1).toArray());
        double[] ys = cluster(ch.stream().mapToDouble(Rule::y1).toArray());
        if (xs.length < 3 || ys.length < 1) continue; // a frame or a single rule: a box around text, not a table
        // a row cut by the page break has no rule on its cut side: the table ends where its column rules end
        double top = cv.stream().mapToDouble(Rule::y1).min().orElse(ys[0]);
        double bottom = cv.stream().mapToDouble(Rule::y2).max().orElse(ys[ys.length - 1]);
        if (top < ys[0] - 2 * TOL) ys = java.util.stream.DoubleStream.concat(java.util.stream.DoubleStream.of(top), Arrays.stream(ys)).toArray();
        if (bottom > ys[ys.length - 1] + 2 * TOL) ys = java.util.stream.DoubleStream.concat(Arrays.stream(ys), java.util.stream.DoubleStream.of(bottom)).toArray();
        if (ys.length < 2) continue;
        RuledTable t = new RuledTable(lineOf);
        t.xs = xs;
        t.ys = ys;
        int rows = ys.length - 1;
        int cols = xs.length - 1;
        int[] cell = new int[rows * cols];
        Arrays.setAll(cell, i -> i);
        for (int r = 0; r < rows; r++) {
          for (int c = 0; c < cols; c++) {
            double midY = (ys[r] + ys[r + 1]) / 2;
            double midX = (xs[c] + xs[c + 1]) / 2;
            if (c + 1 < cols && !covers(cv, xs[c + 1], midY, false)) union(cell, r * cols + c, r * cols + c + 1);
            if (r + 1 < rows && !covers(ch, ys[r + 1], midX, true)) union(cell, r * cols + c, (r + 1) * cols + c);
          }
        }
        t.origin = new int[rows][cols][];
        int[] originOf = new int[rows * cols];
        Arrays.fill(originOf, Integer.MAX_VALUE);
        for (int i = 0; i < rows * cols; i++) {
          int root = find(cell, i);
          // the origin is the top-left position of the region: smallest row, then smallest column
          int cur = originOf[root];
          if (cur == Integer.MAX_VALUE || i / cols < cur / cols || (i / cols == cur / cols && i % cols < cur % cols)) originOf[root] = i;
        }
        for (int i = 0; i < rows * cols; i++) {
          int o = originOf[find(cell, i)];
          t.origin[i / cols][i % cols] = new int[] {o / cols, o % cols};
        }
        for (Glyph g : glyphs) {
          if (!lineOf.containsKey(g)) continue; // a space outside any printed line
          double cx = g.centerX();
          double cy = g.centerY();
          if (cx < xs[0] || cx > xs[cols] || cy < ys[0] || cy > ys[rows]) continue;
          int r = band(ys, cy);
          int c = band(xs, cx);
          int[] o = t.origin[r][c];
          t.text.computeIfAbsent(o[0] * cols + o[1], k -> new ArrayList<>()).add(g);
          held.add(g);
        }
        tables.add(t);
      }
      tables.sort(Comparator.comparingDouble(RuledTable::top));
      return held;
    }

    private static boolean covers(List<Rule> rules, double at, double mid, boolean horizontal) {
      for (Rule r : rules) {
        if (horizontal ? Math.abs(r.y1 - at) <= TOL && r.x1 - TOL <= mid && mid <= r.x2 + TOL
            : Math.abs(r.x1 - at) <= TOL && r.y1 - TOL <= mid && mid <= r.y2 + TOL) return true;
      }
      return false;
    }

    private static int band(double[] edges, double at) {
      for (int i = 0; i < edges.length - 2; i++) if (at < edges[i + 1]) return i;
      return edges.length - 2;
    }
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  }

  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra != rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }

  /** Sorted distinct positions, those within {@link #TOL} of each other taken as one (their mean). */
  private static double[] cluster(double[] values) {
    if (values.length == 0) return values;
    double[] v = values.clone();
    Arrays.sort(v);
    List<Double> out = new ArrayList<>();
    double sum = v[0];
    int count = 1;
    for (int i = 1; i < v.length; i++) {
      if (v[i] - v[i - 1] <= TOL) {
        sum += v[i];
        count++;
      } else {
        out.add(sum / count);
        sum = v[i];
        count = 1;
      }
    }
    out.add(sum / count);
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /**
   * Glyphs of one printed line as text. Each space glyph the PDF prints is a space; where it prints none, a gap of a fifth
   * of the type size is one between Latin letters and digits, and half the type size beside a Chinese character (whose
   * text has no spaces and which typesetters set a quarter em apart from digits and letters). Outside a table cell a
   * gap of one and a half type sizes or more is a TAB, unless it borders a pipe, which already separates cells.
   */
  private static String join(List<Glyph> glyphs, boolean inCell) {
    StringBuilder s = new StringBuilder();
    Glyph prev = null;
    int spaces = 0;
    for (Glyph g : glyphs) {
      if (g.space()) {
        if (prev != null) spaces++;
        continue;
      }
      if (prev != null) {
        double gap = g.x - prev.right();
        double size = Math.min(g.size, prev.size);
        boolean pipe = g.text.equals("|") || prev.text.equals("|");
        if (!inCell && !pipe && gap >= 1.5 * size) s.append('\t');
        else if (spaces > 0) s.append(" ".repeat(Math.min(spaces, 8)));
        else if (gap >= (wide(g.text) || wide(prev.text) ? 0.5 : 0.2) * size) s.append(' ');
      }
      s.append(g.text);
      prev = g;
      spaces = 0;
    }
    return s.toString();
  }

  private static boolean wide(String glyph) {
    return TextFolding.wide(glyph.codePointAt(0));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // page headers and footers

  private static void dropHeadersAndFooters(List<Page> pages) {
    for (int pass = 0; pass < 2; pass++) {
      for (boolean top : new boolean[] {true, false}) {
        Map<String, Integer> repeated = new HashMap<>();
        Map<Integer, Integer> offsets = new HashMap<>();
        for (Page p : pages) {
          PrintedLine l = edgeLine(p, top);
          if (l == null) continue;
          repeated.merge(l.text().replaceAll("\\d+", "#").replaceAll("\\s+", ""), 1, Integer::sum);
          String t = l.text().strip();
          if (BARE_NUMBER.matcher(t).matches()) offsets.merge(Integer.parseInt(t) - p.number, 1, Integer::sum);
        }
        for (Page p : pages) {
          PrintedLine l = edgeLine(p, top);
          if (l == null) continue;
          String t = l.text().strip();
          boolean pageNumber = DECORATED_PAGE_NUMBER.matcher(t).matches()
              || BARE_NUMBER.matcher(t).matches() && offsets.getOrDefault(Integer.parseInt(t) - p.number, 0) >= 2;
          int times = repeated.getOrDefault(t.replaceAll("\\d+", "#").replaceAll("\\s+", ""), 0);
          if (pageNumber || pages.size() >= 2 && times >= 2 && times * 2 >= pages.size()) p.free.remove(l);
        }
      }
    }
  }

  /** The first (last) free line of a page when it is in the top (bottom) sixth of the page and no table is above (below) it. */
  private static PrintedLine edgeLine(Page p, boolean top) {
    if (p.free.isEmpty()) return null;
    PrintedLine l = top ? p.free.get(0) : p.free.get(p.free.size() - 1);
    if (top ? l.base > p.height / 6 : l.base < p.height * 5 / 6) return null;
    for (RuledTable t : p.tables) if (top ? t.top() < l.base : t.bottom() > l.base - l.size()) return null;
    return l;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // lines and blocks in reading order

  private static final class Emitter {
    final List<Page> pages;
    final List<String> lines = new ArrayList<>();
    final List<String> locators = new ArrayList<>();
    final List<Block> blocks = new ArrayList<>();
    int pending = -1;
    double leftMargin = Double.MAX_VALUE;
    double rightMargin = 0;
    double topMargin = Double.MAX_VALUE;
    double pitch;
    /**
     * The last line emitted, when the next may continue it: the page wrapped it there when the next line's first word
     * (a run of Latin letters and digits, or one Chinese character) would not have fitted before the right margin.
     */
    PrintedLine wrapped;

    Emitter(List<Page> pages) {
      this.pages = pages;
      List<Double> gaps = new ArrayList<>();
      Map<Integer, Integer> rightEdges = new HashMap<>();
      for (Page p : pages) {
        for (int i = 0; i < p.free.size(); i++) {
          PrintedLine l = p.free.get(i);
          leftMargin = Math.min(leftMargin, l.left());
          if (l.glyphs.size() >= 10) rightEdges.merge((int) Math.round(l.right()), 1, Integer::sum);
          if (i == 0) topMargin = Math.min(topMargin, l.base);
          if (i > 0) gaps.add(l.base - p.free.get(i - 1).base);
        }
      }
      // the right margin is where full lines end: where at least five long lines end together (justified text; a wide
      // table line or a hanging stop may pass it); in a short document, as far from the page's right edge as the left
      // margin is from its left, or the furthest a long line reaches when that is further (a narrower right margin)
      Map.Entry<Integer, Integer> common = rightEdges.entrySet().stream().max(Map.Entry.<Integer, Integer>comparingByValue()
          .thenComparing(Map.Entry.comparingByKey())).orElse(null);
      int together = common == null ? 0 : rightEdges.getOrDefault(common.getKey() - 1, 0) + common.getValue()
          + rightEdges.getOrDefault(common.getKey() + 1, 0);
      int furthest = rightEdges.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
      rightMargin = together >= 5 ? common.getKey() : Math.max(pages.get(0).width - leftMargin, furthest);
      gaps.sort(null);
      pitch = gaps.isEmpty() ? 14 : gaps.get(gaps.size() / 2);
    }

    DocumentContent emit() {
      RuledTable open = null; // a table that ended its page, possibly continued on the next
      List<List<GridCell>> openRows = null;
      int openFirst = -1;
      for (Page p : pages) {
        List<Object> items = new ArrayList<>();
        items.addAll(p.free);
        items.addAll(p.tables);
        items.sort(Comparator.comparingDouble(o -> o instanceof PrintedLine l ? l.base : ((RuledTable) o).top()));
        double lastBase = topMargin;
        boolean first = true;
        for (Object item : items) {
          if (item instanceof RuledTable t) {
            wrapped = null;
            boolean continues = open != null && first && open.sameColumns(t);
            if (open != null && !continues) {
              closeTable(openRows, openFirst, open.layout);
              open = null;
            }
            flushParagraphs();
            if (!continues) {
              openFirst = lines.size();
              openRows = new ArrayList<>();
            }
            addRows(p, t, openRows, continues ? open : null);
            open = t;
            lastBase = t.bottom();
          } else {
            PrintedLine l = (PrintedLine) item;
            int blanks = 0;
            if (open != null) {
              closeTable(openRows, openFirst, open.layout);
              open = null;
              wrapped = null;
            } else {
              blanks = (int) Math.round((l.base - lastBase) / pitch) - (first && lastBase == topMargin ? 0 : 1);
              for (int i = 0; i < Math.min(3, blanks); i++) paragraphLine("", "p" + p.number);
            }
            String text = TextFolding.fold(join(l.glyphs, false));
            // a continued line starts at the margin; an indented one (a paragraph's first line) starts a new line
            // after a pipe row's closing pipe, only its last cell wrapped alone onto the line (`预期性 |`) goes on with it
            boolean afterPipe = wrapped != null && lines.get(lines.size() - 1).endsWith("|");
            if (wrapped != null && blanks <= 0 && l.left() - leftMargin < l.size()
                && wrapped.right() + firstWordWidth(l) >= rightMargin - 0.5 * l.size()
                && (!afterPipe || text.strip().endsWith("|") && text.indexOf('|') == text.lastIndexOf('|'))) {
              // the line goes on from the one above, which the page width wrapped: one line, located where it starts
              String above = lines.get(lines.size() - 1);
              lines.set(lines.size() - 1, above + (wide(above.substring(above.length() - 1)) || wide(text.substring(0, 1)) ? "" : " ") + text);
            } else {
              paragraphLine(indented(l) ? "\t" + text : text, "p" + p.number + ":L" + l.number);
            }
            // a line may wrap onto the next unless it is centred
            wrapped = !centred(l) ? l : null;
            lastBase = l.base;
          }
          first = false;
        }
        if (open != null && !items.isEmpty() && items.get(items.size() - 1) != open) {
          closeTable(openRows, openFirst, open.layout);
          open = null;
        }
      }
      if (open != null) closeTable(openRows, openFirst, open.layout);
      flushParagraphs();
      int[] src = new int[lines.size()];
      Arrays.setAll(src, i -> i + 1);
      return new DocumentContent(List.copyOf(lines), src, locators.toArray(String[]::new), List.copyOf(blocks));
    }

    /** The width of what the line starts with up to the first place a line may break ({@link LineBreaks}). */
    static double firstWordWidth(PrintedLine l) {
      Glyph first = l.glyphs.get(0);
      double end = first.right();
      for (int i = 1; i < l.glyphs.size(); i++) {
        Glyph g = l.glyphs.get(i);
        Glyph prev = l.glyphs.get(i - 1);
        if (g.space() || LineBreaks.allowed(prev.text.charAt(prev.text.length() - 1), g.text.charAt(0))) break;
        end = g.right();
      }
      return end - first.x;
    }

    /** Indented by a TAB stop or more, and not a centred line (a title). */
    boolean indented(PrintedLine l) {
      return l.left() - leftMargin >= 2.75 * l.size() && !centred(l);
    }

    boolean centred(PrintedLine l) {
      double leftGap = l.left() - leftMargin;
      double rightGap = rightMargin - l.right();
      // a centred line is a title: short; a long line that an indent and a wrap leave with equal margins is text
      return leftGap >= 1.5 * l.size() && rightGap >= 1.5 * l.size() && Math.abs(leftGap - rightGap) < l.size()
          && l.right() - l.left() < 0.75 * (rightMargin - leftMargin);
    }

    void paragraphLine(String text, String locator) {
      if (pending < 0) pending = lines.size();
      lines.add(text);
      locators.add(locator);
    }

    void flushParagraphs() {
      if (pending < 0) return;
      blocks.addAll(TextTableReader.read(lines, pending, lines.size()));
      pending = -1;
    }

    void closeTable(List<List<GridCell>> rows, int first, String layout) {
      if (lines.size() == first) {
        lines.add("");
        locators.add("table");
      }
      blocks.add(new Grid(layout, List.copyOf(rows), List.of(), null, -1, first, lines.size()));
    }

    /** The rows of a ruled table; on a continued table, the header rows the new page repeats are left out. */
    void addRows(Page p, RuledTable t, List<List<GridCell>> rows, RuledTable previous) {
      int rowsOfT = t.ys.length - 1;
      int start = 0;
      if (previous != null) {
        while (start < rowsOfT && start < previous.ys.length - 1 && sameRowText(previous, start, t, start)) start++;
      }
      for (int r = start; r < rowsOfT; r++) {
        List<GridCell> row = new ArrayList<>();
        boolean anyOrigin = false;
        List<GridCell> above = rows.isEmpty() || r == start ? null : rows.get(rows.size() - 1);
        for (int c = 0; c < t.columns(); c++) {
          int[] o = t.origin[r][c];
          if (o[0] == r && o[1] == c) {
            anyOrigin = true;
            String text = TextFolding.fold(t.cellText(r, c));
            int printed = t.firstLine(r, c);
            int line = -1;
            if (!text.isBlank()) {
              line = lines.size();
              lines.add(joinWrapped(text));
              locators.add("p" + p.number + ":L" + printed);
            }
            row.add(new GridCell(text, line, true));
          } else if (o[0] == r) {
            row.add(row.get(o[1]).covered());
          } else {
            row.add(above != null && c < above.size() ? above.get(c).covered() : GridCell.BLANK);
          }
        }
        if (anyOrigin) rows.add(List.copyOf(row));
      }
    }

    /** A cell's printed lines as one line: a Chinese word wrapped over two lines joins without a space, other words with one. */
    static String joinWrapped(String cell) {
      String[] parts = cell.split("\n");
      StringBuilder s = new StringBuilder(parts[0]);
      for (int i = 1; i < parts.length; i++) {
        if (parts[i].isEmpty()) continue;
        boolean cjk = s.length() > 0 && (wide(s.substring(s.length() - 1)) || wide(parts[i].substring(0, 1)));
        s.append(cjk || s.length() == 0 ? "" : " ").append(parts[i]);
      }
      return s.toString();
    }

    private static boolean sameRowText(RuledTable a, int ra, RuledTable b, int rb) {
      for (int c = 0; c < a.columns(); c++) if (!a.cellText(ra, c).equals(b.cellText(rb, c))) return false;
      return true;
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // PDFBox: glyphs and rules

  /** The glyphs of every page, with positions, as PDFBox's text stripper sees them (overlapping duplicates removed). */
  private static final class GlyphCollector extends PDFTextStripper {
    final List<Page> pages = new ArrayList<>();
    /** Characters shown, and those whose font gives them no Unicode (no ToUnicode map, no glyph name known). */
    int printed;
    int undecodable;
    final java.util.Set<String> undecodableFonts = new java.util.TreeSet<>();

    @Override
    protected void showGlyph(org.apache.pdfbox.util.Matrix textRenderingMatrix, org.apache.pdfbox.pdmodel.font.PDFont font, int code,
        org.apache.pdfbox.util.Vector displacement) throws IOException {
      printed++;
      String u = font.toUnicode(code, org.apache.pdfbox.pdmodel.font.encoding.GlyphList.getAdobeGlyphList());
      if (u == null) {
        undecodable++;
        if (undecodableFonts.size() < 3) undecodableFonts.add(String.valueOf(font.getName()));
      }
      super.showGlyph(textRenderingMatrix, font, code, displacement);
    }

    List<Page> pages(PDDocument pdf) throws IOException {
      setSortByPosition(true);
      setSuppressDuplicateOverlappingText(true);
      for (int i = 0; i < pdf.getNumberOfPages(); i++) {
        PDRectangle crop = pdf.getPage(i).getCropBox();
        pages.add(new Page(i + 1, crop.getWidth(), crop.getHeight()));
      }
      getText(pdf);
      return pages;
    }

    @Override
    protected void writePage() {
      Page page = pages.get(getCurrentPageNo() - 1);
      for (List<TextPosition> article : charactersByArticle) {
        for (TextPosition t : article) {
          String u = t.getUnicode();
          if (u == null || u.isEmpty()) continue;
          double size = t.getFontSizeInPt() > 0.5 ? t.getFontSizeInPt() : Math.max(t.getHeightDir(), 1);
          page.glyphs.add(new Glyph(t.getXDirAdj(), t.getYDirAdj(), t.getWidthDirAdj(), size, u));
        }
      }
    }
  }

  /**
   * The horizontal and vertical rules a page draws, whatever way it draws them: stroked lines and rectangle edges, and
   * filled shapes thin in one direction (a rectangle, or the trapezoid a browser fills for each side of an inset or
   * outset border) taken as a rule along their middle.
   */
  private static final class RuleCollector extends PDFGraphicsStreamEngine {
    private final Page page;
    private final PDRectangle crop;
    /** Segments of the current path, for stroking. */
    private final List<double[]> path = new ArrayList<>();
    /** Points of each subpath of the current path, for filling. */
    private final List<List<Point2D>> subpaths = new ArrayList<>();
    private Point2D current = new Point2D.Float();
    private Point2D subpathStart = new Point2D.Float();
    int images;

    RuleCollector(PDPage pdPage, Page page) {
      super(pdPage);
      this.page = page;
      this.crop = pdPage.getCropBox();
    }

    @Override
    public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
      segment(p0, p1);
      segment(p1, p2);
      segment(p2, p3);
      segment(p3, p0);
      subpaths.add(new ArrayList<>(List.of(p0, p1, p2, p3)));
      current = p0;
      subpathStart = p0;
    }

    private void segment(Point2D a, Point2D b) {
      path.add(new double[] {a.getX(), a.getY(), b.getX(), b.getY()});
    }

    @Override
    public void moveTo(float x, float y) {
      current = new Point2D.Float(x, y);
      subpathStart = current;
      subpaths.add(new ArrayList<>(List.of(current)));
    }

    @Override
    public void lineTo(float x, float y) {
      Point2D next = new Point2D.Float(x, y);
      segment(current, next);
      point(next);
      current = next;
    }

    @Override
    public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
      current = new Point2D.Float(x3, y3);
      point(new Point2D.Float(x1, y1));
      point(new Point2D.Float(x2, y2));
      point(current);
    }

    private void point(Point2D p) {
      if (subpaths.isEmpty()) subpaths.add(new ArrayList<>());
      subpaths.get(subpaths.size() - 1).add(p);
    }

    @Override
    public Point2D getCurrentPoint() {
      return current;
    }

    @Override
    public void closePath() {
      segment(current, subpathStart);
      current = subpathStart;
    }

    @Override
    public void endPath() {
      clear();
    }

    @Override
    public void strokePath() {
      for (double[] s : path) keep(s);
      clear();
    }

    @Override
    public void fillPath(int windingRule) {
      for (List<Point2D> sub : subpaths) {
        double minX = sub.stream().mapToDouble(Point2D::getX).min().orElse(0);
        double maxX = sub.stream().mapToDouble(Point2D::getX).max().orElse(0);
        double minY = sub.stream().mapToDouble(Point2D::getY).min().orElse(0);
        double maxY = sub.stream().mapToDouble(Point2D::getY).max().orElse(0);
        if (maxY - minY <= 3 && maxX - minX > 3) keep(new double[] {minX, (minY + maxY) / 2, maxX, (minY + maxY) / 2});
        else if (maxX - minX <= 3 && maxY - minY > 3) keep(new double[] {(minX + maxX) / 2, minY, (minX + maxX) / 2, maxY});
      }
      clear();
    }

    @Override
    public void fillAndStrokePath(int windingRule) {
      for (double[] s : path) keep(s);
      fillPath(windingRule);
    }

    /** Text draws no rules: a Type 3 font's glyphs are drawn with paths (Chromium's CJK text), never taken for rules. */
    @Override
    public void showTextString(byte[] string) {}

    @Override
    public void showTextStrings(org.apache.pdfbox.cos.COSArray array) {}

    @Override
    public void drawImage(PDImage pdImage) {
      images++;
    }

    /**
     * A clip changes nothing: a rule drawn under a clip (WeasyPrint clips each border side to its trapezoid, then fills
     * it; a table a little wider than the page is clipped by the page) is a rule all the same.
     */
    @Override
    public void clip(int windingRule) {}

    @Override
    public void shadingFill(COSName shadingName) {}

    private void clear() {
      path.clear();
      subpaths.clear();
    }

    /** An axis-parallel segment, in page coordinates from the top-left of the crop box. */
    private void keep(double[] s) {
      double x1 = s[0] - crop.getLowerLeftX();
      double x2 = s[2] - crop.getLowerLeftX();
      double y1 = crop.getUpperRightY() - s[1];
      double y2 = crop.getUpperRightY() - s[3];
      boolean horizontal = Math.abs(y1 - y2) <= 1.0 && Math.abs(x1 - x2) > 3;
      boolean vertical = Math.abs(x1 - x2) <= 1.0 && Math.abs(y1 - y2) > 3;
      if (horizontal) page.rules.add(new Rule(Math.min(x1, x2), (y1 + y2) / 2, Math.max(x1, x2), (y1 + y2) / 2));
      else if (vertical) page.rules.add(new Rule((x1 + x2) / 2, Math.min(y1, y2), (x1 + x2) / 2, Math.max(y1, y2)));
    }
  }
}
