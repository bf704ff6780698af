package org.hrssplan.document;

import org.hrssplan.model.QuarantineReason;

/**
 * A document that is well formed but cannot be read for a reason its publisher can fix: password protection
 * ({@code encrypted}), a PDF of scanned pages with no text ({@code no_text_layer}). {@link #reason()} is the
 * quarantine reason; the message says what to do.
 */
public final class RefusedDocumentException extends Exception {
  private final QuarantineReason reason;

  public RefusedDocumentException(QuarantineReason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public QuarantineReason reason() {
    return reason;
  }
}
