package org.hrssplan.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The file formats a synthetic corpus prints its plans in. Text exports take the text shapes in turn; a web page is
 * the CMS table; Word and PDF print each table as a ruled grid with a merged 类别 cell, a two-row header whose period
 * cell spans the value columns, and a 单位 column ({@link SynthLayout#RULED}).
 */
enum SynthFormat {
  TXT(".txt"), HTML(".html"), DOCX(".docx"), PDF(".pdf");

  private static final List<SynthLayout> TEXT_SHAPES = List.of(SynthLayout.PIPE_ROWS, SynthLayout.TAB_CELLS,
      SynthLayout.BARE_LINES, SynthLayout.BLANK_CELLS, SynthLayout.TWO_LEVEL);

  private final String extension;

  SynthFormat(String extension) {
    this.extension = extension;
  }

  String extension() {
    return extension;
  }

  /** The shape of the {@code nth} (0-based) document of this format. */
  SynthLayout layout(int nth) {
    return switch (this) {
      case TXT -> TEXT_SHAPES.get(nth % TEXT_SHAPES.size());
      case HTML -> SynthLayout.HTML;
      case DOCX, PDF -> SynthLayout.RULED;
    };
  }

  /** {@code txt,html,docx,pdf} → the formats, in that order; an unknown name is an error naming the known ones. */
  static List<SynthFormat> parse(String list) {
    List<SynthFormat> out = new ArrayList<>();
    for (String name : list.split(",")) {
      String n = name.strip().toUpperCase(Locale.ROOT);
      if (n.isEmpty()) continue;
      try {
        SynthFormat f = valueOf(n);
        if (!out.contains(f)) out.add(f);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("unknown format '" + name.strip() + "'; known: txt, html, docx, pdf");
      }
    }
    if (out.isEmpty()) throw new IllegalArgumentException("no format given; known: txt, html, docx, pdf");
    return List.copyOf(out);
  }
}
