package org.hrssplan.document;

/**
 * A name as it may be printed: a file name can hold any character but '/' and NUL, so a newline, a carriage return,
 * an escape sequence or a right-to-left override in one could forge or hide lines of a report or a terminal. Every
 * such character is written as a visible escape ({@code \n}, {@code \u202E}); everything else, CJK included, as it is.
 * The tables keep the true name ({@code source_file}); messages and terminal output use this form.
 */
public final class PrintableText {
  private PrintableText() {}

  public static String of(String text) {
    if (text == null) return null;
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String escape = escape(c);
      if (escape == null) {
        if (out != null) out.append(c);
        continue;
      }
      if (out == null) out = new StringBuilder(text.length() + 8).append(text, 0, i);
      out.append(escape);
    }
    return out == null ? text : out.toString();
  }

  private static String escape(char c) {
    switch (c) {
      case '\n': return "\\n";
      case '\r': return "\\r";
      case '\t': return "\\t";
      case '\\': return null;
      default:
    }
    boolean control = c < 0x20 || (c >= 0x7f && c < 0xa0);
    boolean invisibleFormat = (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
        || c == 0x2028 || c == 0x2029 || c == 0xfeff;
    return control || invisibleFormat ? String.format("\\u%04X", (int) c) : null;
  }
}
