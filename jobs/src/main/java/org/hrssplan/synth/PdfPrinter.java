package org.hrssplan.synth;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.hrssplan.document.LineBreaks;

/**
 * A synthetic plan as a PDF (Apache PDFBox), set the way a bureau's Word plan prints: A4, a running head with the plan's
 * title and a page number (- 3 -) at the foot of every page, paragraphs with a two-character first-line indent wrapped
 * at the margin, and each table ruled, its merged cells without the rules inside them, its header rows repeated on
 * each page it continues on. A CJK font of the machine is embedded (the subset used): WenQuanYi Micro Hei, Noto Sans
 * CJK or Source Han Sans, or the file {@code HRSS_CJK_FONT} names.
 *
 * <p>Locators as the reader gives them, {@code p2:L14}: the page, and the printed line on it counted from the top, a
 * printed line being all text on one baseline (the running head is line 1).
 */
final class PdfPrinter implements AutoCloseable {
  static final float PAGE_W = PDRectangle.A4.getWidth();
  static final float PAGE_H = PDRectangle.A4.getHeight();
  private static final float LEFT = 56.7f;
  private static final float RIGHT = PAGE_W - 56.7f;
  private static final float HEAD_BASE = 45;
  private static final float FIRST_BASE = 90;
  private static final float BOTTOM = 775;
  private static final float FOOT_BASE = 805;
  private static final float BODY = 10.5f;
  private static final float BODY_PITCH = 16;
  private static final float SMALL = 9;
  private static final float TABLE_PITCH = 13;
  private static final float PAD = 3;
  private static final List<String> FONT_FILES = List.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
      "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
      "/usr/share/fonts/opentype/adobe-source-han-sans/SourceHanSansSC-Regular.otf");

  private final TrueTypeCollection collection;
  private final TrueTypeFont ttf;

  PdfPrinter() throws IOException {
    File file = fontFile();
    if (file.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".ttc")) {
      collection = new TrueTypeCollection(file);
      TrueTypeFont[] first = new TrueTypeFont[1];
      collection.processAllFonts(f -> {
        if (first[0] == null) first[0] = f;
      });
      ttf = first[0];
    } else {
      collection = null;
      ttf = new org.apache.fontbox.ttf.TTFParser().parse(new org.apache.pdfbox.io.RandomAccessReadBufferedFile(file));
    }
  }

  private static File fontFile() {
    String named = System.getenv("HRSS_CJK_FONT");
    if (named != null && !named.isBlank()) {
      File f = new File(named);
      if (f.isFile()) return f;
      throw new IllegalStateException("HRSS_CJK_FONT=" + named + " is not a file");
    }
    for (String path : FONT_FILES) if (new File(path).isFile()) return new File(path);
    throw new IllegalStateException("printing PDF plans needs a CJK font and none was found (" + String.join(", ", FONT_FILES)
        + "): install one (Debian: apt-get install fonts-wqy-microhei) or set HRSS_CJK_FONT to a .ttf/.ttc file");
  }

  @Override
  public void close() throws IOException {
    if (collection != null) collection.close();
    else ttf.close();
  }

  PlanPrinter.Printed print(String title, List<DocumentLines.Item> printed) throws IOException {
    try (PDDocument pdf = new PDDocument()) {
      PDType0Font font = PDType0Font.load(pdf, ttf, true);
      Pages pages = new Pages(pdf, font, title);
      for (DocumentLines.Item o : printed) {
        if (o instanceof DocumentLines.Paragraph p) pages.paragraph(p.text(), p.handle());
        else if (o instanceof DocumentLines.Blank) pages.blank();
        else if (o instanceof PrintedGrid g) pages.table(g);
      }
      pages.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      pdf.save(out);
      return new PlanPrinter.Printed(out.toByteArray(), pages.locators);
    }
  }

  /** The pages being printed: the current page's content stream, where the next line goes, the lines drawn so far. */
  private static final class Pages {
    final PDDocument pdf;
    final PDType0Font font;
    final String head;
    final Map<Integer, String> locators = new HashMap<>();
    PDPageContentStream out;
    int page;
    float base;
    /** Baselines drawn on the current page with their type size, and handles waiting for their line number. */
    final List<float[]> baselines = new ArrayList<>();
    final Map<Integer, Float> pending = new HashMap<>();

    Pages(PDDocument pdf, PDType0Font font, String head) {
      this.pdf = pdf;
      this.font = font;
      this.head = head;
    }

    void newPage() throws IOException {
      finishPage();
      PDPage p = new PDPage(PDRectangle.A4);
      pdf.addPage(p);
      out = new PDPageContentStream(pdf, p);
      page++;
      text(head, (PAGE_W - width(head, SMALL)) / 2, HEAD_BASE, SMALL);
      String number = "- " + page + " -";
      text(number, (PAGE_W - width(number, SMALL)) / 2, FOOT_BASE, SMALL);
      base = FIRST_BASE;
    }

    /** Gives each handle of the finished page its line: baselines in order, one line per baseline as the reader groups them. */
    void finishPage() throws IOException {
      if (out == null) return;
      out.close();
      baselines.sort((a, b) -> Float.compare(a[0], b[0]));
      List<Float> lineBase = new ArrayList<>();
      float current = Float.NaN;
      float currentSize = 0;
      for (float[] b : baselines) {
        if (Float.isNaN(current) || b[0] - current > 0.5f * Math.min(b[1], currentSize)) {
          current = b[0];
          currentSize = b[1];
          lineBase.add(current);
        } else {
          currentSize = Math.max(currentSize, b[1]);
        }
        // lines clustered as the reader does: a baseline within half a type size of the line's first joins it
      }
      for (Map.Entry<Integer, Float> e : pending.entrySet()) {
        int line = 0;
        for (int i = 0; i < lineBase.size(); i++) if (lineBase.get(i) <= e.getValue() + 0.01f) line = i + 1;
        locators.put(e.getKey(), "p" + page + ":L" + line);
      }
      baselines.clear();
      pending.clear();
    }

    void finish() throws IOException {
      if (out == null) newPage();
      finishPage();
    }

    void text(String s, float x, float baseline, float size) throws IOException {
      if (s.isEmpty()) return;
      out.beginText();
      out.setFont(font, size);
      out.newLineAtOffset(x, PAGE_H - baseline);
      out.showText(s);
      out.endText();
      baselines.add(new float[] {baseline, size});
    }

    float width(String s, float size) throws IOException {
      return font.getStringWidth(s) / 1000f * size;
    }

    void paragraph(String text, int handle) throws IOException {
      if (out == null) newPage();
      List<String> lines = wrap(text, RIGHT - LEFT, BODY, 2 * BODY);
      for (int i = 0; i < lines.size(); i++) {
        if (base > BOTTOM) newPage();
        text(lines.get(i), LEFT + (i == 0 ? 2 * BODY : 0), base, BODY);
        if (i == 0) pending.put(handle, base);
        base += BODY_PITCH;
      }
    }

    void blank() throws IOException {
      if (out == null) newPage();
      if (base > FIRST_BASE) base += BODY_PITCH;
    }

    /** Lines of at most {@code width} (the first {@code indent} narrower), broken where the reader joins without a space. */
    List<String> wrap(String text, float width, float size, float indent) throws IOException {
      List<String> lines = new ArrayList<>();
      int start = 0;
      float room = width - indent;
      while (start < text.length()) {
        int end = start;
        int lastBreak = -1;
        while (end < text.length() && width(text.substring(start, end + 1), size) <= room) {
          end++;
          if (end < text.length() && breakable(text, end)) lastBreak = end;
        }
        if (end >= text.length()) {
          lines.add(text.substring(start));
          break;
        }
        int cut = lastBreak > start ? lastBreak : Math.max(end, start + 1);
        lines.add(text.substring(start, cut));
        start = cut;
        room = width;
      }
      return lines;
    }

    /** A line may break before {@code i}: where Chinese text breaks ({@link LineBreaks}). */
    static boolean breakable(String text, int i) {
      return LineBreaks.allowed(text.charAt(i - 1), text.charAt(i));
    }

    void table(PrintedGrid g) throws IOException {
      if (out == null) newPage();
      float[] x = columnEdges(g);
      // each cell's lines, then each row's height: its own cells' lines, and room for a merged cell's lines in its first row
      Map<PrintedGrid.Cell, List<String>> text = new HashMap<>();
      float[] height = new float[g.rows()];
      for (PrintedGrid.Cell c : g.cells()) {
        List<String> lines = c.text().isEmpty() ? List.of() : wrap(c.text(), x[c.column() + c.columnSpan()] - x[c.column()] - 2 * PAD, SMALL, 0);
        text.put(c, lines);
        if (c.rowSpan() == 1) height[c.row()] = Math.max(height[c.row()], rowHeight(lines.size()));
      }
      for (int r = 0; r < g.rows(); r++) if (height[r] == 0) height[r] = rowHeight(1);
      for (PrintedGrid.Cell c : g.cells()) {
        // a merged cell's lines fit in its first row: its text stands there whatever page the rows after it go to
        if (c.rowSpan() > 1 && c.row() >= g.headerRows()) height[c.row()] = Math.max(height[c.row()], rowHeight(text.get(c).size()));
      }
      float headerHeight = 0;
      for (int r = 0; r < g.headerRows(); r++) headerHeight += height[r];
      float top = base - BODY_PITCH + 4;
      if (top + headerHeight + height[Math.min(g.headerRows(), g.rows() - 1)] > BOTTOM + BODY_PITCH) {
        newPage();
        top = base - BODY_PITCH + 4;
      }
      int from = g.headerRows();
      while (from < g.rows()) {
        // the rows that fit on this page after the header
        float y = top + headerHeight;
        int to = from;
        while (to < g.rows() && (to == from || y + height[to] <= BOTTOM + BODY_PITCH)) y += height[to++];
        drawSegment(g, x, height, text, top, from, to);
        base = y + BODY_PITCH + 4;
        from = to;
        if (from < g.rows()) {
          newPage();
          top = base - BODY_PITCH + 4;
        }
      }
      base = Math.max(base, FIRST_BASE);
    }

    private static float rowHeight(int lines) {
      return Math.max(1, lines) * TABLE_PITCH + 5;
    }

    /** The header rows and rows [from, to) at {@code top}: each cell's rules around it (none inside a merged cell), its lines. */
    private void drawSegment(PrintedGrid g, float[] x, float[] height, Map<PrintedGrid.Cell, List<String>> text, float top, int from,
        int to) throws IOException {
      // the rows drawn on this page, in order, and the y of each one's top
      List<Integer> rows = new ArrayList<>();
      for (int r = 0; r < g.headerRows(); r++) rows.add(r);
      for (int r = from; r < to; r++) rows.add(r);
      Map<Integer, Float> rowTop = new HashMap<>();
      float y = top;
      for (int r : rows) {
        rowTop.put(r, y);
        y += height[r];
      }
      out.setLineWidth(0.5f);
      for (PrintedGrid.Cell c : g.cells()) {
        boolean header = c.row() < g.headerRows();
        int first = header ? c.row() : Math.max(c.row(), from);
        int last = header ? c.lastRow() : Math.min(c.lastRow(), to - 1);
        if (first > last) continue;
        float y0 = rowTop.get(first);
        float y1 = rowTop.get(last) + height[last];
        float x0 = x[c.column()];
        float x1 = x[c.column() + c.columnSpan()];
        out.addRect(x0, PAGE_H - y1, x1 - x0, y1 - y0);
        out.stroke();
        if (first != c.row()) continue; // a merged cell goes on from the page before: its text stood there
        List<String> lines = text.get(c);
        if (c.handle() > 0) pending.put(c.handle(), y0 + 11); // a blank value cell is located on its row's line
        for (int i = 0; i < lines.size(); i++) {
          float b = y0 + 11 + i * TABLE_PITCH;
          text(lines.get(i), x0 + PAD, b, SMALL);
        }
      }
    }

    /** Column edges: the text width shared in the grid's proportions. */
    private static float[] columnEdges(PrintedGrid g) {
      int total = g.widths().stream().mapToInt(Integer::intValue).sum();
      float[] x = new float[g.columns() + 1];
      x[0] = LEFT;
      for (int k = 0; k < g.columns(); k++) x[k + 1] = x[k] + (RIGHT - LEFT) * g.widths().get(k) / total;
      return x;
    }
  }
}
