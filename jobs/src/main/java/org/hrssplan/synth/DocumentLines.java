package org.hrssplan.synth;

import java.util.ArrayList;
import java.util.List;

/** The lines of a document being written; each add returns the 1-based line number the extractor will report. */
final class DocumentLines {
  private final List<String> lines = new ArrayList<>();

  int add(String line) {
    if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) throw new IllegalArgumentException("one line at a time: " + line);
    lines.add(line);
    return lines.size();
  }

  void blank() {
    add("");
  }

  /** UTF-8 text, LF line ends, a final newline. */
  String text() {
    return String.join("\n", lines) + "\n";
  }
}
