package org.hrssplan.document;

/**
 * One block of a document in reading order: a {@link Paragraph} of text or a {@link Grid} table. Every format
 * reader (plain text, HTML, and Word/PDF readers to come) produces these; the table interpreter reads only grids.
 */
public sealed interface Block permits Paragraph, Grid {
  /** 0-based index into {@link PlanDocument#lines()} where the block begins. */
  int firstLineIndex();

  /** 0-based index after the block's last line. */
  int endLineIndex();
}
