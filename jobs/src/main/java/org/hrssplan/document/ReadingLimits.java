package org.hrssplan.document;

import java.io.Serializable;

/**
 * How much one document may ask of the reader, so that one file cannot stop a night: its size in bytes (checked
 * before it is read), the table rows of all its tables together, and how deeply its elements nest (HTML, Word). A
 * document over a limit is refused with reason {@code too_large} or {@code nested_too_deeply}, naming the limit and
 * the setting that raises it ({@code limits:} in {@code conf/hrss.yaml}).
 *
 * <p>The defaults are far above any plan seen (the largest real plan: under 5 MB, under 200 table rows, HTML nesting
 * under 40) and far below what exhausts the launcher's smallest heap (1 GiB): a 117 MB text of two million table rows
 * ran a 2.9 GiB heap out of memory.
 */
public record ReadingLimits(long documentBytes, int tableRows, int nestingDepth) implements Serializable {
  public static final ReadingLimits DEFAULTS = new ReadingLimits(64L << 20, 20_000, 200);

  public ReadingLimits {
    if (documentBytes < 1 || tableRows < 1 || nestingDepth < 1) {
      throw new IllegalArgumentException("limits must be positive: document_megabytes, table_rows, nesting_depth");
    }
  }

  /** The document's size as a refusal, or null when within the limit. */
  public String tooLarge(long bytes) {
    if (bytes <= documentBytes) return null;
    return "the file has " + megabytes(bytes) + ", more than the limit of " + megabytes(documentBytes)
        + " per document (limits.document_megabytes in conf/hrss.yaml)";
  }

  static String megabytes(long bytes) {
    return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
  }
}
