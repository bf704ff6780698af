package org.hrssplan.extract;

/** A cell's text as read from a table, and the 0-based line index where its first non-blank character is (-1: blank cell). */
public record TextCell(String text, int lineIndex) {
  public boolean blank() {
    return text.isBlank();
  }

  public String trimmed() {
    return text.strip();
  }
}
