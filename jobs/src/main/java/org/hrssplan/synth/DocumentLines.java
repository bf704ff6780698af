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

  DocumentLines() {
    this.html = false;
  }

  private DocumentLines(String title) {
    this.html = true;
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
