package org.hrssplan.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.hrssplan.model.QuarantineReason;

/**
 * A Word 2007+ plan (.docx, .docm — macros are never run, only the XML is read) → blocks. The package is opened with
 * Apache POI's OPC layer (content types, the main document part, its zip-bomb limits) and the main part is read as a
 * stream of WordprocessingML: the body in document order, a Word table ({@code w:tbl}) becoming a {@link Grid} with
 * {@code w:gridSpan} and {@code w:vMerge} resolved (a merged cell's text at every position it covers), a cell's
 * paragraphs and line breaks kept as lines of the cell; the paragraphs between tables read as a text export is
 * ({@link TextTableReader}), so a table typed with TABs or pipes inside paragraphs is found too. Text is read as
 * accepted: inserted runs ({@code w:ins}, {@code w:moveTo}) are text, deleted ones ({@code w:del}, {@code w:moveFrom})
 * are not; content controls ({@code w:sdt}) are read through; field codes are not text, their results are; text boxes,
 * headers, footers and comments are not the body and are not read.
 *
 * <p>(POI's XWPF object model reads the same XML; building it costs an XPath query per table cell — 60 s for 2,850
 * plans on 2 cores against a few seconds reading the part as a stream. See docs/development.md#libraries-and-why.)
 *
 * <p>A Word document has no lines: its "lines" are its paragraphs and table cells in reading order, numbered from 1
 * ({@code source_line}), and each has a locator into the file: {@code P12} (the 12th body paragraph) or
 * {@code T1:R3:C2} (table 1, row 3, column 2, counted on the table's grid).
 */
public final class DocxPlanReader {
  private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  private static final XMLInputFactory XML = XMLInputFactory.newFactory();

  static {
    XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    XML.setProperty(XMLInputFactory.IS_COALESCING, true);
  }

  private DocxPlanReader() {}

  /**
   * The document's lines and blocks. A document part that declares a DOCTYPE (the way to entities that read this
   * machine's files: Word never writes one) or whose tables nest deeper than {@code maxTableDepth} is refused.
   */
  public static DocumentContent read(byte[] bytes, int maxTableDepth) throws IOException, RefusedDocumentException {
    try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(bytes))) {
      List<PackagePart> main = pkg.getPartsByRelationshipType(PackageRelationshipTypes.CORE_DOCUMENT);
      if (main.isEmpty()) throw new IOException("no main document part: not a Word document");
      Builder b = new Builder();
      try (InputStream in = main.get(0).getInputStream()) {
        XMLStreamReader x = XML.createXMLStreamReader(in);
        try {
          new Body(x, b, maxTableDepth).document();
        } finally {
          x.close();
        }
      } catch (Refusal r) {
        throw new RefusedDocumentException(r.reason, r.getMessage());
      } catch (XMLStreamException e) {
        throw new IOException("the document part is not well-formed XML: " + e.getMessage(), e);
      }
      b.flushParagraphs();
      int[] src = new int[b.lines.size()];
      Arrays.setAll(src, i -> i + 1);
      return new DocumentContent(List.copyOf(b.lines), src, b.locators.toArray(String[]::new), List.copyOf(b.blocks));
    } catch (InvalidFormatException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  /** Why the stream reader stops reading a document that it must not read on. */
  private static final class Refusal extends RuntimeException {
    final QuarantineReason reason;

    Refusal(QuarantineReason reason, String message) {
      super(message, null, false, false);
      this.reason = reason;
    }
  }

  /** A cell of a Word table row as written: its text, the grid columns it spans, whether it continues a vertical merge. */
  record CellSpec(String text, int span, boolean continuesMerge) {}

  /** The WordprocessingML reader: body elements in order to the {@link Builder}. */
  private static final class Body {
    final XMLStreamReader x;
    final Builder b;
    final int maxTableDepth;
    int tableDepth;

    Body(XMLStreamReader x, Builder b, int maxTableDepth) {
      this.x = x;
      this.b = b;
      this.maxTableDepth = maxTableDepth;
    }

    void document() throws XMLStreamException {
      while (x.hasNext()) {
        int e = x.next();
        if (e == XMLStreamConstants.DTD) {
          throw new Refusal(QuarantineReason.DECLARES_ENTITIES, "its document part declares a DOCTYPE (entities that could read files of this"
              + " machine), which Word never writes; such a document is refused — open it in Word or WPS and save it again");
        }
        if (e == XMLStreamConstants.START_ELEMENT && is("body")) {
          blockContent("body");
          return;
        }
      }
    }

    /** Paragraphs and tables until the end of the element {@code end}; content controls read through. */
    void blockContent(String end) throws XMLStreamException {
      while (x.hasNext()) {
        int e = x.next();
        if (e == XMLStreamConstants.END_ELEMENT && is(end)) return;
        if (e != XMLStreamConstants.START_ELEMENT) continue;
        if (is("p")) b.paragraph(paragraph());
        else if (is("tbl")) b.table(table());
        else if (!is("sdt") && !is("sdtContent") && !is("customXml")) skip();
      }
    }

    /** The paragraph's text as accepted; TAB as '\t', a line break as '\n'. Positioned on {@code w:p}. */
    String paragraph() throws XMLStreamException {
      StringBuilder s = new StringBuilder();
      while (x.hasNext()) {
        int e = x.next();
        if (e == XMLStreamConstants.END_ELEMENT && is("p")) break;
        if (e != XMLStreamConstants.START_ELEMENT) continue;
        if (is("t")) s.append(x.getElementText());
        else if (is("tab")) s.append('\t'); // a w:tab of w:pPr/w:tabs is skipped with w:pPr
        else if (is("br") || is("cr")) s.append('\n');
        else if (is("del") || is("moveFrom") || is("pPr") || is("rPr") || is("instrText") || is("txbxContent") || isFallback()) skip();
      }
      return s.toString();
    }

    /** The rows of a table, positioned on {@code w:tbl}; rows and cells inside content controls read through. */
    List<List<CellSpec>> table() throws XMLStreamException {
      if (++tableDepth > maxTableDepth) {
        throw new Refusal(QuarantineReason.NESTED_TOO_DEEPLY, "its tables nest more than " + maxTableDepth
            + " deep (limits.nesting_depth in conf/hrss.yaml); a plan's tables nest two or three deep");
      }
      List<List<CellSpec>> rows = new ArrayList<>();
      List<CellSpec> row = null;
      while (x.hasNext()) {
        int e = x.next();
        if (e == XMLStreamConstants.END_ELEMENT) {
          if (is("tbl")) {
            tableDepth--;
            break;
          }
          if (is("tr") && row != null) {
            rows.add(List.copyOf(row));
            row = null;
          }
          continue;
        }
        if (e != XMLStreamConstants.START_ELEMENT) continue;
        if (is("tr")) row = new ArrayList<>();
        else if (is("tc") && row != null) row.add(cell());
        else if (!is("sdt") && !is("sdtContent") && !is("customXml")) skip();
      }
      return rows;
    }

    /** A cell, positioned on {@code w:tc}: its span, merge and lines (its paragraphs, and a nested table's cells, in order). */
    CellSpec cell() throws XMLStreamException {
      int span = 1;
      boolean continues = false;
      List<String> lines = new ArrayList<>();
      while (x.hasNext()) {
        int e = x.next();
        if (e == XMLStreamConstants.END_ELEMENT && is("tc")) break;
        if (e != XMLStreamConstants.START_ELEMENT) continue;
        if (is("gridSpan")) {
          span = Math.max(1, Math.min(parse(attribute("val"), 1), 50));
        } else if (is("vMerge")) {
          String v = attribute("val");
          continues = v == null || v.equals("continue");
        } else if (is("p")) {
          lines.add(paragraph());
        } else if (is("tbl")) {
          for (List<CellSpec> nested : table()) for (CellSpec c : nested) lines.add(c.text());
        }
      }
      List<String> parts = new ArrayList<>();
      for (String l : lines) for (String part : l.split("\\r?\\n")) if (!part.isBlank()) parts.add(TextFolding.fold(part.strip()));
      return new CellSpec(String.join("\n", parts), span, continues);
    }

    private boolean is(String local) {
      return local.equals(x.getLocalName()) && W.equals(x.getNamespaceURI());
    }

    /** {@code mc:Fallback}: the same content again for older readers (read once, from its {@code mc:Choice}). */
    private boolean isFallback() {
      return "Fallback".equals(x.getLocalName());
    }

    private String attribute(String local) {
      return x.getAttributeValue(W, local);
    }

    private static int parse(String v, int otherwise) {
      try {
        return v == null ? otherwise : Integer.parseInt(v.strip());
      } catch (NumberFormatException e) {
        return otherwise;
      }
    }

    /** Skips the element the reader is on, with everything in it. */
    private void skip() throws XMLStreamException {
      int depth = 1;
      while (depth > 0 && x.hasNext()) {
        int e = x.next();
        if (e == XMLStreamConstants.START_ELEMENT) depth++;
        else if (e == XMLStreamConstants.END_ELEMENT) depth--;
      }
    }
  }

  private static final class Builder {
    final List<String> lines = new ArrayList<>();
    final List<String> locators = new ArrayList<>();
    final List<Block> blocks = new ArrayList<>();
    int paragraphs;
    int tables;
    /** First line of the paragraphs not yet read into blocks, -1 when none. */
    int pending = -1;

    void paragraph(String text) {
      paragraphs++;
      if (pending < 0) pending = lines.size();
      for (String line : text.split("\\r?\\n", -1)) add(TextFolding.fold(line), "P" + paragraphs);
    }

    int add(String line, String locator) {
      lines.add(line);
      locators.add(locator);
      return lines.size() - 1;
    }

    void flushParagraphs() {
      if (pending < 0) return;
      blocks.addAll(TextTableReader.read(lines, pending, lines.size()));
      pending = -1;
    }

    void table(List<List<CellSpec>> spec) {
      flushParagraphs();
      tables++;
      int first = lines.size();
      List<List<GridCell>> rows = new ArrayList<>();
      for (int r = 0; r < spec.size(); r++) {
        List<GridCell> row = new ArrayList<>();
        for (CellSpec cell : spec.get(r)) {
          int col = row.size();
          GridCell g;
          if (cell.continuesMerge()) {
            List<GridCell> above = r > 0 ? rows.get(r - 1) : List.of();
            g = col < above.size() ? above.get(col).covered() : GridCell.BLANK;
          } else {
            // every cell is a line, a blank one too: a missing value is located at its own cell
            int line = add(cell.text().replace('\n', ' '), "T" + tables + ":R" + (r + 1) + ":C" + (col + 1));
            g = new GridCell(cell.text(), line, true);
          }
          row.add(g);
          for (int k = 1; k < cell.span(); k++) row.add(g.covered());
        }
        rows.add(List.copyOf(row));
      }
      if (lines.size() == first) add("", "T" + tables);
      blocks.add(new Grid("docx", List.copyOf(rows), List.of(), null, -1, first, lines.size()));
    }
  }
}
