package org.hrssplan.document;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.parser.Parser;

/**
 * An HTML plan page (as government sites publish them: prose in {@code <p>}, tables as {@code <table>}) →
 * lines in the same shape as the plain-text exports: one line per block of prose, one pipe-separated line per
 * table row ({@code cell | cell | … |}). jsoup parses the page and tracks source positions, so every line keeps
 * the line number of the element it came from.
 */
public final class HtmlPlanReader {
  private HtmlPlanReader() {}

  public record Lines(List<String> lines, int[] sourceLines) {}

  public static Lines toLines(String html) {
    Parser parser = Parser.htmlParser().setTrackPosition(true);
    Document doc = Jsoup.parse(html, "", parser);
    List<String> lines = new ArrayList<>();
    List<Integer> src = new ArrayList<>();
    walk(doc.body(), lines, src);
    int[] s = new int[src.size()];
    for (int i = 0; i < s.length; i++) s[i] = src.get(i);
    return new Lines(lines, s);
  }

  private static void walk(Element el, List<String> lines, List<Integer> src) {
    for (Element child : el.children()) {
      String tag = child.tagName();
      if (tag.equals("table")) {
        Element caption = child.selectFirst("caption");
        if (caption != null) add(lines, src, caption.text(), caption);
        for (Element tr : child.select("tr")) {
          StringBuilder row = new StringBuilder();
          for (Element cell : tr.select("> th, > td")) {
            row.append(cell.text().strip()).append(" | ");
          }
          add(lines, src, row.toString().strip(), tr);
        }
      } else if (!child.select("table").isEmpty()) {
        // a block that holds a table (often an unclosed <h1> or <p> in real pages): its own text, then its children
        if (!child.ownText().isBlank()) add(lines, src, child.ownText(), child);
        walk(child, lines, src);
      } else if (tag.matches("p|h[1-6]|li|pre|caption|dt|dd") || (tag.equals("div") && child.children().isEmpty())) {
        add(lines, src, child.text(), child);
      } else if (tag.equals("br")) {
        // line break between inline runs: nothing of its own
      } else {
        walk(child, lines, src);
      }
    }
  }

  private static void add(List<String> lines, List<Integer> src, String text, Node node) {
    lines.add(text);
    int line = node.sourceRange().isTracked() ? node.sourceRange().start().lineNumber() : 0;
    src.add(line);
  }
}
