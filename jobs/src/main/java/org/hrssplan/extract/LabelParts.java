package org.hrssplan.extract;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hrssplan.document.TextFolding;

/**
 * A table row label taken apart: {@code *5.其中:农民工参加职业培训人次(万人次)} → name 农民工参加职业培训人次, unit 万人次,
 * marked (the leading *, or a footnote mark after it: [1], ①), sub-indicator (其中). The trailing parenthesis counts as the unit when it is short
 * and has no digits; inner parentheses ({@code 乡镇(街道)}) stay in the name.
 */
public record LabelParts(String name, String unitRaw, boolean marked, boolean subIndicator) {
  private static final Pattern NUMBERING = Pattern.compile("^\\d+\\s*[.、]\\s*");
  /** A footnote mark after a label: [1], ［2］, ①, 注1 — a reference to a note under the table, not part of the name. */
  private static final Pattern FOOTNOTE = Pattern.compile("\\s*(\\[\\d{1,2}]|[①②③④⑤⑥⑦⑧⑨⑩]|注\\d{1,2})$");
  private static final Pattern TRAILING_UNIT = Pattern.compile("^(.*\\S)\\s*\\(([^()\\d]{1,6})\\)$");

  public static LabelParts parse(String label) {
    String s = TextFolding.fold(label).strip();
    boolean marked = false;
    java.util.regex.Matcher note = FOOTNOTE.matcher(s);
    if (note.find()) {
      marked = true;
      s = s.substring(0, note.start()).strip();
    }
    for (int pass = 0; pass < 2; pass++) {
      if (s.startsWith("*")) {
        marked = true;
        s = s.substring(1).strip();
      }
      s = NUMBERING.matcher(s).replaceFirst("");
    }
    boolean sub = false;
    if (s.startsWith("其中")) {
      sub = true;
      s = s.substring(2).replaceFirst("^[:,、\\s]+", "");
    }
    String unit = null;
    Matcher m = TRAILING_UNIT.matcher(s);
    if (m.matches()) {
      unit = m.group(2).strip();
      s = m.group(1).strip();
    }
    return new LabelParts(s, unit, marked, sub);
  }
}
