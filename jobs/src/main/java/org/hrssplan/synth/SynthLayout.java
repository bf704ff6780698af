package org.hrssplan.synth;

/**
 * The three table layouts the extractor reads (TableLocator): pipe rows (叙永), one cell per TAB-led line
 * (达川, 奉节, 铜梁), bare lines (嘉定). Documents take them in turn, so each gets a third of the corpus.
 */
enum SynthLayout {
  PIPE_ROWS("专栏"), TAB_CELLS("专栏"), BARE_LINES("附表");

  private final String refWord;

  SynthLayout(String refWord) {
    this.refWord = refWord;
  }

  static SynthLayout forDocument(int ordinal) {
    return values()[(ordinal - 1) % values().length];
  }

  String ref(int number) {
    return refWord + number;
  }
}
