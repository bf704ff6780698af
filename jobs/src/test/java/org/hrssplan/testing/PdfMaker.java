package org.hrssplan.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * PDFs a bureau can send, made in memory from a good PDF so that no such binary is committed: a password-protected copy,
 * a scan of it (each page only an image, or an image with its page number stamped on as text), and a long document of
 * its pages over and over.
 */
public final class PdfMaker {
  private PdfMaker() {}

  /**
   * A copy encrypted with AES-256 (PDFBox {@link StandardProtectionPolicy}). With a user password the file does not open
   * without it; with an empty one it opens, and only the owner's restrictions (no copying, no printing) are set.
   */
  public static byte[] protect(byte[] pdf, String userPassword) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      AccessPermission restricted = new AccessPermission();
      restricted.setCanExtractContent(false);
      restricted.setCanExtractForAccessibility(false);
      restricted.setCanPrint(false);
      restricted.setCanModify(false);
      StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword, restricted);
      policy.setEncryptionKeyLength(256);
      doc.protect(policy);
      return save(doc);
    }
  }

  /** A scan: every page rendered at {@code dpi} in grey and put back as a JPEG image filling a page of the same size. */
  public static byte[] scan(byte[] pdf, int dpi) throws IOException {
    try (PDDocument source = Loader.loadPDF(pdf); PDDocument scan = new PDDocument()) {
      PDFRenderer renderer = new PDFRenderer(source);
      for (int i = 0; i < source.getNumberOfPages(); i++) {
        BufferedImage image = renderer.renderImageWithDPI(i, dpi, ImageType.GRAY);
        PDRectangle box = source.getPage(i).getMediaBox();
        PDPage page = new PDPage(box);
        scan.addPage(page);
        PDImageXObject jpeg = JPEGFactory.createFromImage(scan, image, 0.75f);
        try (PDPageContentStream content = new PDPageContentStream(scan, page)) {
          content.drawImage(jpeg, 0, 0, box.getWidth(), box.getHeight());
        }
      }
      return save(scan);
    }
  }

  /** The same pages with {@code - n -} stamped on as text at the foot of each (Helvetica), as a scanning office does. */
  public static byte[] stampPageNumbers(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDType1Font helvetica = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      int n = 0;
      for (PDPage page : doc.getPages()) {
        n++;
        try (PDPageContentStream content = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true)) {
          content.beginText();
          content.setFont(helvetica, 10.5f);
          content.newLineAtOffset(page.getMediaBox().getWidth() / 2 - 10, 40);
          content.showText("- " + n + " -");
          content.endText();
        }
      }
      return save(doc);
    }
  }

  /** A document of {@code pages} pages: the pages of {@code pdf} imported again and again (the last copy cut short). */
  public static byte[] repeatPages(byte[] pdf, int pages) throws IOException {
    try (PDDocument source = Loader.loadPDF(pdf); PDDocument out = new PDDocument()) {
      while (out.getNumberOfPages() < pages) {
        for (PDPage p : source.getPages()) {
          if (out.getNumberOfPages() == pages) break;
          out.importPage(p);
        }
      }
      return save(out); // the source stays open until the imported pages are written
    }
  }

  private static byte[] save(PDDocument doc) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    doc.save(out);
    return out.toByteArray();
  }
}
