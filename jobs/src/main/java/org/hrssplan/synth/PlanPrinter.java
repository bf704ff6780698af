package org.hrssplan.synth;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Prints a laid-out synthetic plan ({@link DocumentLines#laidOut}) as a Word or PDF file, and says where each handle
 * ended up: its locator in the printed file, as the extractor reports it. One printer serves a whole corpus (the PDF
 * printer keeps its font loaded); close it at the end.
 */
final class PlanPrinter implements AutoCloseable {
  /** The file's bytes and, per handle, its locator. */
  record Printed(byte[] bytes, Map<Integer, String> locators) {}

  private PdfPrinter pdf;

  Printed print(SynthFormat format, String title, List<DocumentLines.Item> printed) {
    try {
      return switch (format) {
        case DOCX -> WordPrinter.print(printed);
        case PDF -> {
          if (pdf == null) pdf = new PdfPrinter();
          yield pdf.print(title, printed);
        }
        default -> throw new IllegalArgumentException(format + " is written as text");
      };
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    if (pdf != null) pdf.close();
  }
}
