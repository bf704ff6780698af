package org.hrssplan.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * What a plan file is, decided by its first bytes where they say it (a Word file renamed .doc or .docx is read as what
 * it is), else by its name. A Word document is a zip (OOXML) or an OLE2 compound file (Word 97–2003, or a
 * password-protected OOXML, which Word wraps in OLE2 as an {@code EncryptedPackage}).
 */
public enum DocumentFormat {
  TEXT, HTML, DOCX, CSV,
  /** Word 97–2003 (OLE2), read with POI HWPF. */
  DOC,
  /** A password-protected Word document: answered encrypted. */
  ENCRYPTED,
  PDF,
  UNSUPPORTED;

  private static final byte[] ZIP = {'P', 'K', 3, 4};
  private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
  private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};

  public static DocumentFormat of(String fileName, byte[] bytes) {
    String f = fileName.toLowerCase(Locale.ROOT);
    boolean wordName = f.endsWith(".docx") || f.endsWith(".docm") || f.endsWith(".doc") || f.endsWith(".dotx");
    if (startsWith(bytes, ZIP)) return wordName ? DOCX : UNSUPPORTED;
    if (startsWith(bytes, OLE2)) return !wordName ? UNSUPPORTED : encryptedOoxml(bytes) ? ENCRYPTED : DOC;
    if (wordName) return DOCX; // named Word but neither container: empty, truncated or not Word — said when it is read
    if (startsWith(bytes, PDF_MAGIC) || f.endsWith(".pdf")) return PDF;
    if (f.endsWith(".txt")) return TEXT;
    if (f.endsWith(".html") || f.endsWith(".htm")) return HTML;
    if (f.endsWith(".csv")) return CSV;
    return UNSUPPORTED;
  }

  private static boolean startsWith(byte[] bytes, byte[] magic) {
    if (bytes.length < magic.length) return false;
    for (int i = 0; i < magic.length; i++) if (bytes[i] != magic[i]) return false;
    return true;
  }

  private static boolean encryptedOoxml(byte[] bytes) {
    try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
      return fs.getRoot().hasEntry("EncryptedPackage");
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
