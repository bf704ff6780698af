package org.hrssplan.document;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.hrssplan.model.QuarantineReason;

/**
 * A plan document ready for extraction: its lines after decoding, width folding and removal of Word bookmark
 * tags ({@code [bookmark: _Toc123]}), each with the line number it came from in the source file (for an HTML
 * page, the source line of the element that produced it), and its {@link #blocks()}: paragraphs and tables as
 * grids, made by the reader of its format ({@link TextTableReader}, {@link HtmlPlanReader}). Line structure is
 * kept: every reported line number points into the file as published.
 */
public final class PlanDocument {
  private static final Pattern BOOKMARK = Pattern.compile("\\[bookmark: [^\\]]*]");

  private final String fileName;
  private final String sha256;
  private final String encoding;
  private final String format;
  private final List<String> lines;
  private final int[] sourceLines;
  private final List<Block> blocks;
  /** Per line, where it is in the published file when that is not a line number (Word: P12, T1:R3:C2); null for text and HTML. */
  private final String[] locators;

  private PlanDocument(String fileName, String sha256, String encoding, String format, List<String> lines, int[] sourceLines,
      List<Block> blocks) {
    this(fileName, sha256, encoding, format, lines, sourceLines, blocks, null);
  }

  private PlanDocument(String fileName, String sha256, String encoding, String format, List<String> lines, int[] sourceLines,
      List<Block> blocks, String[] locators) {
    this.fileName = fileName;
    this.sha256 = sha256;
    this.encoding = encoding;
    this.format = format;
    this.lines = lines;
    this.sourceLines = sourceLines;
    this.blocks = blocks;
    this.locators = locators;
  }

  /** Decodes and prepares a document from its bytes; the format follows the file name's extension. */
  public static PlanDocument fromBytes(String fileName, byte[] bytes) throws UndecodableDocumentException, RefusedDocumentException {
    return fromBytes(fileName, bytes, sha256(bytes), ReadingLimits.DEFAULTS);
  }

  /**
   * The same, with the bytes' SHA-256 already computed by the caller (hashing a document is not free), within
   * {@code limits}: a document over one is refused ({@link RefusedDocumentException}), never read half-way.
   */
  public static PlanDocument fromBytes(String fileName, byte[] bytes, String sha, ReadingLimits limits)
      throws UndecodableDocumentException, RefusedDocumentException {
    String tooLarge = limits.tooLarge(bytes.length);
    if (tooLarge != null) throw new RefusedDocumentException(QuarantineReason.TOO_LARGE, tooLarge);
    PlanDocument doc = read(fileName, bytes, sha, limits);
    long rows = doc.blocks.stream().filter(b -> b instanceof Grid).mapToLong(b -> ((Grid) b).rows().size()).sum();
    if (rows > limits.tableRows()) {
      throw new RefusedDocumentException(QuarantineReason.TOO_LARGE, "its tables have " + rows + " rows together, more than the limit of "
          + limits.tableRows() + " per document (limits.table_rows in conf/hrss.yaml)");
    }
    return doc;
  }

  private static PlanDocument read(String fileName, byte[] bytes, String sha, ReadingLimits limits)
      throws UndecodableDocumentException, RefusedDocumentException {
    DocumentFormat format = DocumentFormat.of(fileName, bytes);
    if (format == DocumentFormat.PDF) {
      DocumentContent pdf;
      try {
        pdf = PdfPlanReader.read(bytes);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e.getMessage(), e);
      }
      return new PlanDocument(fileName, sha, "pdf", "pdf", clean(pdf.lines()), pdf.sourceLines(), pdf.blocks(), pdf.locators());
    }
    if (format == DocumentFormat.DOCX || format == DocumentFormat.DOC) {
      DocumentContent word;
      try {
        word = format == DocumentFormat.DOCX ? DocxPlanReader.read(bytes, limits.nestingDepth()) : DocPlanReader.read(bytes);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e.getMessage(), e);
      }
      return new PlanDocument(fileName, sha, format == DocumentFormat.DOCX ? "ooxml" : "ole2", format.name().toLowerCase(Locale.ROOT),
          clean(word.lines()), word.sourceLines(), word.blocks(), word.locators());
    }
    DecodedText decoded = DocumentDecoder.decode(bytes);
    String lower = fileName.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".html") || lower.endsWith(".htm")) {
      HtmlPlanReader.Parsed html = HtmlPlanReader.read(decoded.text(), limits.nestingDepth());
      return new PlanDocument(fileName, sha, decoded.encoding(), "html", clean(html.lines()), html.sourceLines(), html.blocks());
    }
    String text = decoded.text();
    if (text.startsWith("\uFEFF")) text = text.substring(1);
    String[] raw = text.split("\r\n|\r|\n", -1);
    List<String> lines = new ArrayList<>(raw.length);
    for (String l : raw) lines.add(l);
    int[] src = new int[lines.size()];
    for (int i = 0; i < src.length; i++) src[i] = i + 1;
    List<String> clean = clean(lines);
    return new PlanDocument(fileName, sha, decoded.encoding(), "text", clean, src, TextTableReader.read(clean));
  }

  private static List<String> clean(List<String> raw) {
    List<String> out = new ArrayList<>(raw.size());
    for (String l : raw) out.add(TextFolding.fold(BOOKMARK.matcher(l).replaceAll("")));
    return List.copyOf(out);
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** SHA-256 of a stream read in blocks (datasets of gigabytes are never held in memory whole). */
  public static String sha256(java.io.InputStream in) throws java.io.IOException {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 20];
      for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String sha256(String s) {
    return sha256(s.getBytes(StandardCharsets.UTF_8));
  }

  public String fileName() {
    return fileName;
  }

  /** The file name as messages and terminals print it: control characters escaped ({@link PrintableText}). */
  public String displayName() {
    return PrintableText.of(fileName);
  }

  public String sha256() {
    return sha256;
  }

  public String encoding() {
    return encoding;
  }

  public String format() {
    return format;
  }

  public List<String> lines() {
    return lines;
  }

  public int size() {
    return lines.size();
  }

  public String line(int index) {
    return lines.get(index);
  }

  /** 1-based line in the source file for a 0-based index into {@link #lines()}. */
  public int sourceLine(int index) {
    return sourceLines[index];
  }

  /** The document in reading order: paragraphs and tables (grids). */
  public List<Block> blocks() {
    return blocks;
  }

  /**
   * Where a line is in the published file, as stored in {@code source_locator}: {@code L123} (a text line, or the
   * line of an HTML element); {@code document} when the whole file is meant (line 0 or unknown).
   */
  public static String lineLocator(int sourceLine) {
    return sourceLine > 0 ? "L" + sourceLine : "document";
  }

  /**
   * The locator of a source line as {@link #sourceLine} gives it: {@code L123} for text and HTML; for a Word document,
   * whose "lines" are its paragraphs and table cells in reading order, the paragraph or cell ({@code P12},
   * {@code T1:R3:C2}).
   */
  public String locatorAt(int sourceLine) {
    if (locators == null) return lineLocator(sourceLine);
    return sourceLine >= 1 && sourceLine <= locators.length ? locators[sourceLine - 1] : lineLocator(0);
  }

  /**
   * Where a source line is, as a person looks for it in the file: {@code line 123} in a text or HTML file; the
   * paragraph, cell or printed line in a Word or PDF file ({@code T1:R3:C2}, {@code p7:L12}), whose line numbers are
   * only the reader's count.
   */
  public String where(int sourceLine) {
    return locators == null ? "line " + sourceLine : locatorAt(sourceLine);
  }

  /** The whole text, for region recognition. */
  public String text() {
    return String.join("\n", lines);
  }
}
