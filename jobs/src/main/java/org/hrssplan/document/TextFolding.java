package org.hrssplan.document;

/**
 * Folds the width variants Chinese documents mix freely, so that parsing sees one spelling:
 * full-width ASCII forms (U+FF01–U+FF5E: {@code ２．０６ （ ） ： ＞ －}) become ASCII, the ideographic
 * space, no-break spaces and the typographic spaces U+2000–U+200A (嘉定's em spaces) become a plain space. CJK punctuation that has no ASCII twin
 * ({@code 、 【 】 “ ” — ≤ ≥}) is left as printed.
 */
public final class TextFolding {
  private TextFolding() {}

  public static String fold(String s) {
    if (s == null) return null;
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      char f = foldChar(c);
      if (f != c && out == null) {
        out = new StringBuilder(s.length());
        out.append(s, 0, i);
      }
      if (out != null) out.append(f);
    }
    return out == null ? s : out.toString();
  }

  /** One character folded (see {@link #fold}). */
  public static char foldChar(char c) {
    if (c >= '\uFF01' && c <= '\uFF5E') return (char) (c - 0xFEE0);
    if (c == '\u3000' || c == '\u00A0' || c == '\u202F' || c == '\u205F' || (c >= '\u2000' && c <= '\u200A')) return ' ';
    if (c == '\uFE64') return '<';
    if (c == '\uFE65') return '>';
    return c;
  }

  /**
   * A character set full width in Chinese text: CJK ideographs and radicals, CJK symbols and punctuation (、。「」), full-
   * width forms. Text has no space beside one where a line breaks: a line wrapped next to one joins without a space.
   */
  public static boolean wide(int codePoint) {
    int c = codePoint;
    return c >= 0x2E80 && c <= 0x9FFF || c >= 0xF900 && c <= 0xFAFF || c >= 0xFF00 && c <= 0xFFEF || c >= 0x3000 && c <= 0x303F;
  }
}
