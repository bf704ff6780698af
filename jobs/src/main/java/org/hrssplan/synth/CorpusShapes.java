package org.hrssplan.synth;

import java.util.List;

/**
 * Which format and shape each document of a corpus takes. Without formats chosen, documents take the six shapes of
 * {@link SynthLayout} in turn (text and HTML); with formats, documents take the formats in turn and, within a format,
 * its shapes in turn.
 */
record CorpusShapes(List<SynthFormat> formats) {
  static final CorpusShapes TEXT_AND_HTML = new CorpusShapes(null);

  static CorpusShapes of(List<SynthFormat> formats) {
    return new CorpusShapes(List.copyOf(formats));
  }

  SynthFormat format(int ordinal) {
    if (formats == null) return SynthLayout.forDocument(ordinal) == SynthLayout.HTML ? SynthFormat.HTML : SynthFormat.TXT;
    return formats.get((ordinal - 1) % formats.size());
  }

  SynthLayout layout(int ordinal) {
    if (formats == null) return SynthLayout.forDocument(ordinal);
    return format(ordinal).layout((ordinal - 1) / formats.size());
  }

  String extension(int ordinal) {
    return format(ordinal).extension();
  }
}
