package org.hrssplan.document;

/** A line of prose (or a heading, or a table title) outside any table. */
public record Paragraph(String text, int firstLineIndex) implements Block {
  @Override
  public int endLineIndex() {
    return firstLineIndex + 1;
  }
}
