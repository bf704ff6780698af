package org.hrssplan.document;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.hrssplan.model.QuarantineReason;

/**
 * An HTML plan page (as government CMSs publish them: prose in {@code <p>}, tables as {@code <table>} with
 * {@code rowspan}/{@code colspan}, {@code <th>} cells, {@code <br>} inside cells) → blocks. Prose becomes one line
 * per block element; a table becomes a {@link Grid} with its merged cells resolved, and one line per cell (so that
 * every cell keeps the source line of its own element). A table whose cells hold tables is a page layout, read as
 * the blocks inside it. jsoup parses the page and tracks source positions.
 */
public final class HtmlPlanReader {
  /** Spans beyond these are typing errors in the page; they are cut, never allowed to blow the grid up. */
  private static final int MAX_ROWSPAN = 200;
  private static final int MAX_COLSPAN = 50;

  private HtmlPlanReader() {}

  public record Parsed(List<String> lines, int[] sourceLines, List<Block> blocks) {}

  /** The page's lines and blocks; a page whose elements nest deeper than {@code maxDepth} is refused, not walked. */
  public static Parsed read(String html, int maxDepth) throws RefusedDocumentException {
    Parser parser = Parser.htmlParser().setTrackPosition(true);
    Document doc = Jsoup.parse(html, "", parser);
    int depth = depth(doc.body());
    if (depth > maxDepth) {
      throw new RefusedDocumentException(QuarantineReason.NESTED_TOO_DEEPLY, "its HTML elements nest " + depth + " deep, more than the limit of "
          + maxDepth + " (limits.nesting_depth in conf/hrss.yaml); a plan page nests a few dozen");
    }
    Builder b = new Builder();
    b.walk(doc.body());
    int[] s = new int[b.src.size()];
    for (int i = 0; i < s.length; i++) s[i] = b.src.get(i);
    return new Parsed(List.copyOf(b.lines), s, List.copyOf(b.blocks));
  }

  /** How deeply elements nest under {@code root}, counted without recursion (the count must survive any page). */
  static int depth(Element root) {
    int max = 0;
    java.util.ArrayDeque<Element> stack = new java.util.ArrayDeque<>();
    java.util.ArrayDeque<Integer> depths = new java.util.ArrayDeque<>();
    stack.push(root);
    depths.push(0);
    while (!stack.isEmpty()) {
      Element e = stack.pop();
      int d = depths.pop();
      max = Math.max(max, d);
      for (Element c : e.children()) {
        stack.push(c);
        depths.push(d + 1);
      }
    }
    return max;
  }

  private static final class Builder {
    final List<String> lines = new ArrayList<>();
    final List<Integer> src = new ArrayList<>();
    final List<Block> blocks = new ArrayList<>();

    void walk(Element el) {
      for (Element child : el.children()) {
        String tag = child.tagName();
        if (tag.equals("table") && child.select("td table, th table").isEmpty()) {
          table(child);
        } else if (tag.equals("table")) {
          // a layout table (old CMS pages put the whole page in one): its cells are containers, not data
          for (Element cell : rows(child).stream().flatMap(tr -> cells(tr).stream()).toList()) {
            if (!cell.ownText().isBlank()) paragraph(cell.ownText(), cell);
            walk(cell);
          }
        } else if (!child.select("table").isEmpty()) {
          // a block that holds a table (often an unclosed <h1> or <p> in real pages): its own text, then its children
          if (!child.ownText().isBlank()) paragraph(child.ownText(), child);
          walk(child);
        } else if (tag.matches("p|h[1-6]|li|pre|caption|dt|dd") || (tag.equals("div") && child.children().isEmpty())) {
          paragraph(child.text(), child);
        } else if (!tag.equals("br")) {
          walk(child);
        }
      }
    }

    void paragraph(String text, Node node) {
      int idx = add(TextFolding.fold(text), node);
      blocks.add(new Paragraph(lines.get(idx).strip(), idx));
    }

    int add(String text, Node node) {
      lines.add(text);
      src.add(node.sourceRange().isTracked() ? node.sourceRange().start().lineNumber() : 0);
      return lines.size() - 1;
    }

    void table(Element table) {
      int first = lines.size();
      String caption = null;
      int captionLine = -1;
      Element cap = table.selectFirst("> caption");
      if (cap != null && !cap.text().isBlank()) {
        captionLine = add(TextFolding.fold(cap.text()), cap);
        caption = lines.get(captionLine).strip();
      }
      List<Element> trs = rows(table);
      List<GridCell[]> grid = new ArrayList<>();
      for (int r = 0; r < trs.size(); r++) {
        while (grid.size() <= r) grid.add(new GridCell[0]);
        int col = 0;
        for (Element td : cells(trs.get(r))) {
          while (col < grid.get(r).length && grid.get(r)[col] != null) col++;
          int rowspan = Math.max(1, Math.min(span(td, "rowspan"), Math.min(MAX_ROWSPAN, trs.size() - r)));
          int colspan = Math.max(1, Math.min(span(td, "colspan"), MAX_COLSPAN));
          String text = cellText(td);
          int line = text.isBlank() ? -1 : add(text.replace('\n', ' '), td);
          GridCell origin = new GridCell(text, line, true);
          for (int dr = 0; dr < rowspan; dr++) {
            while (grid.size() <= r + dr) grid.add(new GridCell[0]);
            for (int dc = 0; dc < colspan; dc++) {
              GridCell[] row = grid.get(r + dr);
              if (row.length <= col + dc) grid.set(r + dr, row = java.util.Arrays.copyOf(row, col + dc + 1));
              if (row[col + dc] == null) row[col + dc] = dr == 0 && dc == 0 ? origin : origin.covered();
            }
          }
          col += colspan;
        }
      }
      List<List<GridCell>> rows = new ArrayList<>();
      for (GridCell[] row : grid) {
        List<GridCell> cells = new ArrayList<>(row.length);
        for (GridCell c : row) cells.add(c == null ? GridCell.BLANK : c);
        if (!cells.isEmpty()) rows.add(List.copyOf(cells));
      }
      if (lines.size() == first) add("", table); // a table without any text still has a place
      blocks.add(new Grid("html", List.copyOf(rows), List.of(), caption, captionLine, first, lines.size()));
    }

    /**
     * The table's own rows, in order ({@code <tr>} children and those of its {@code thead}/{@code tbody}/{@code tfoot}),
     * never a nested table's. (A jsoup selector group like {@code "> tr, > tbody > tr"} anchors only its first part.)
     */
    private static List<Element> rows(Element table) {
      List<Element> out = new ArrayList<>();
      for (Element c : table.children()) {
        if (c.tagName().equals("tr")) out.add(c);
        else if (c.tagName().matches("thead|tbody|tfoot")) for (Element tr : c.children()) if (tr.tagName().equals("tr")) out.add(tr);
      }
      return out;
    }

    private static List<Element> cells(Element tr) {
      return tr.children().stream().filter(c -> c.tagName().equals("td") || c.tagName().equals("th")).toList();
    }

    private static int span(Element td, String attr) {
      String v = td.attr(attr).strip();
      if (v.isEmpty()) return 1;
      try {
        return Integer.parseInt(v.replaceAll("\\D.*$", ""));
      } catch (NumberFormatException e) {
        return 1;
      }
    }

    /** The cell's text with {@code <br>} and block children ({@code <p>}, {@code <div>}) as line breaks, width-folded. */
    private static String cellText(Element td) {
      StringBuilder sb = new StringBuilder();
      appendText(td, sb);
      List<String> parts = sb.toString().lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
      return TextFolding.fold(String.join("\n", parts));
    }

    private static void appendText(Node node, StringBuilder sb) {
      for (Node child : node.childNodes()) {
        if (child instanceof TextNode t) {
          sb.append(t.text());
        } else if (child instanceof Element e) {
          if (e.tagName().equals("br")) {
            sb.append('\n');
          } else if (e.isBlock()) {
            sb.append('\n');
            appendText(e, sb);
            sb.append('\n');
          } else {
            appendText(e, sb);
          }
        }
      }
    }
  }
}
