package org.hrssplan.document;

/** A document whose bytes are not text in a supported encoding; carries the line of the first bad byte. */
public final class UndecodableDocumentException extends Exception {
  private final int line;

  public UndecodableDocumentException(String message, int line) {
    super(message);
    this.line = line;
  }

  public int line() {
    return line;
  }
}
