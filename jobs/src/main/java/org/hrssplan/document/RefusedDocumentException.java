package org.hrssplan.document;

/**
 * A document that is well formed but cannot be read for a reason its publisher can fix: password protection
 * ({@code encrypted}), a PDF of scanned pages with no text ({@code no_text_layer}). {@link #reason()} is the
 * quarantine reason; the message says what to do.
 */
public final class RefusedDocumentException extends Exception {
  private final String reason;

  public RefusedDocumentException(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
