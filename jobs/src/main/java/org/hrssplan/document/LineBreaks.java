package org.hrssplan.document;

/**
 * Where a line of Chinese text may break, as word processors break it: beside a full-width character (ideograph, CJK
 * punctuation), never inside a run of Latin letters and digits (2.37, 16.4:46.3), and by the rules of Chinese
 * typesetting never before a closing mark (，。、；：”）%…) nor after an opening one (“（《). Where a PDF wrapped a line,
 * the text joins again without a space, since a break always has a full-width character on one side.
 */
public final class LineBreaks {
  private static final String NO_END = "“‘（《([【〔";
  private static final String NO_START = "”’）》)]】〕，。、；：！？,.;:!?%…·";

  private LineBreaks() {}

  /** May a line break between {@code before} and {@code after} (as printed, before width folding)? */
  public static boolean allowed(char before, char after) {
    if (NO_END.indexOf(before) >= 0 || NO_START.indexOf(after) >= 0) return false;
    return TextFolding.wide(TextFolding.foldChar(before)) || TextFolding.wide(TextFolding.foldChar(after))
        || Character.isWhitespace(before) || Character.isWhitespace(after);
  }
}
