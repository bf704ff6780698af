package org.hrssplan.synth;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a document being written; each add returns the 1-based line number the extractor will report.
 *
 * <p>An HTML page ({@link #html}) is written the way government CMSs publish plans: a head, then every text
 * line as a {@code <p>} of its own line (its number is the {@code <p>}'s line), blank lines left out, and tables
 * added as markup lines by {@link #markup}.
 */
final class DocumentLines {
  private final List<String> lines = new ArrayList<>();
  private final boolean html;
  /** For a Word or PDF document: what is printed, in order; null for text and HTML. */
  private final List<Item> printed;
  private int handles;

  DocumentLines() {
    this.html = false;
    this.printed = null;
  }

  private DocumentLines(List<Item> printed) {
    this.html = false;
    this.printed = printed;
  }

  /**
   * A Word or PDF document: lines are paragraphs, {@link #table} adds a ruled table, and what {@link #add} returns is a
   * handle, resolved to a locator ({@code P12}, {@code T1:R3:C2}, {@code p2:L14}) once the document is printed.
   */
  static DocumentLines laidOut() {
    return new DocumentLines(new ArrayList<>());
  }

  boolean isLaidOut() {
    return printed != null;
  }

  /** What a laid-out document prints: a paragraph, an empty line, a ruled table. */
  sealed interface Item permits Paragraph, Blank, PrintedGrid {}

  /** A paragraph of a laid-out document. */
  record Paragraph(String text, int handle) implements Item {}

  /** An empty line between paragraphs of a laid-out document. */
  record Blank() implements Item {}

  /** Paragraphs, blanks and tables in order. */
  List<Item> printed() {
    return printed;
  }

  /** A handle for a value cell of a table about to be added. */
  int cellHandle() {
    return ++handles;
  }

  void table(PrintedGrid grid) {
    printed.add(grid);
  }

  private DocumentLines(String title) {
    this.html = true;
    this.printed = null;
    markup("<!DOCTYPE html>");
    markup("<html>");
    markup("<head>");
    markup("<meta charset=\"utf-8\">");
    markup("<title>" + escape(title) + "</title>");
    markup("</head>");
    markup("<body>");
    markup("<div class=\"TRS_Editor\">");
  }

  /** An HTML page titled {@code title}: text lines become paragraphs. */
  static DocumentLines html(String title) {
    return new DocumentLines(title);
  }

  boolean isHtml() {
    return html;
  }

  int add(String line) {
    if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) throw new IllegalArgumentException("one line at a time: " + line);
    if (printed != null) {
      if (line.isBlank()) {
        printed.add(new Blank());
        return 0;
      }
      int h = ++handles;
      printed.add(new Paragraph(line, h));
      return h;
    }
    if (html) {
      if (line.isBlank()) return lines.size();
      return markup("<p>" + escape(line) + "</p>");
    }
    lines.add(line);
    return lines.size();
  }

  /** A line as it is (HTML markup); returns its 1-based number. */
  int markup(String line) {
    if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) throw new IllegalArgumentException("one line at a time: " + line);
    lines.add(line);
    return lines.size();
  }

  void blank() {
    add("");
  }

  /** UTF-8 text, LF line ends, a final newline. */
  String text() {
    if (html) return String.join("\n", lines) + "\n</div>\n</body>\n</html>\n";
    return String.join("\n", lines) + "\n";
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
