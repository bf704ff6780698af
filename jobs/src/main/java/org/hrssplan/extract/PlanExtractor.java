package org.hrssplan.extract;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hrssplan.catalog.IndicatorCatalog;
import org.hrssplan.document.DocumentFormat;
import org.hrssplan.document.PlanDocument;
import org.hrssplan.document.PrintableText;
import org.hrssplan.document.ReadingLimits;
import org.hrssplan.document.Region;
import org.hrssplan.document.RegionDirectory;
import org.hrssplan.document.RefusedDocumentException;
import org.hrssplan.document.UndecodableDocumentException;
import org.hrssplan.model.QuarantineReason;

/**
 * Extracts one plan document: decode → recognize the region → find and interpret the indicator tables →
 * read the prose targets → findings. Pure Java, no Spark: the pipeline runs it per document inside a Spark
 * job, {@code hrss extract} runs it directly. A document that cannot be read at all yields one quarantine row
 * saying why (file and line), never an exception that stops the run.
 *
 * <p>Thread-safe: its fields are immutable and everything one document needs (sink, interpreter, prose
 * extractor, finding rules, regex matchers) is created per call, so {@link CorpusExtractor} shares one
 * instance between its threads.
 */
public final class PlanExtractor implements Serializable {
  private final IndicatorCatalog catalog;
  private final RegionDirectory regions;
  private final QualityThresholds thresholds;
  private final ReadingLimits limits;

  /** Every table read, every row placed, every value cell an observation. */
  public static final String STATUS_EXTRACTED = "extracted";
  /**
   * Every table read and every row placed, but some value cells quarantined (an unknown unit, words where a number was
   * expected): reported, weighed by the quarantine_share gate, never {@code extracted}.
   */
  public static final String STATUS_CELLS_QUARANTINED = "cells_quarantined";
  /** Some indicator table, or some row of one, was found and not read: its cells are quarantined, findings say where. */
  public static final String STATUS_PARTIALLY_EXTRACTED = "partially_extracted";
  /** An indicator table (or its title, or its header words) was found and no table could be read. */
  public static final String STATUS_NO_TABLE_READ = "no_table_read";
  public static final String STATUS_NO_TABLES = "no_tables";
  public static final String STATUS_REGION_NOT_IDENTIFIED = "region_not_identified";

  public PlanExtractor(IndicatorCatalog catalog, RegionDirectory regions, QualityThresholds thresholds) {
    this(catalog, regions, thresholds, ReadingLimits.DEFAULTS);
  }

  public PlanExtractor(IndicatorCatalog catalog, RegionDirectory regions, QualityThresholds thresholds, ReadingLimits limits) {
    this.catalog = catalog;
    this.regions = regions;
    this.thresholds = thresholds;
    this.limits = limits;
  }

  public ReadingLimits limits() {
    return limits;
  }

  /** A file the extractor reads by its name: a plan (.txt, .html, .htm, .docx, .docm, .doc, .pdf) or a normalized dataset (.csv). */
  public static boolean supportedFile(String fileName) {
    String f = fileName.toLowerCase(Locale.ROOT);
    return f.endsWith(".txt") || f.endsWith(".html") || f.endsWith(".htm") || f.endsWith(".csv") || f.endsWith(".docx")
        || f.endsWith(".docm") || f.endsWith(".doc") || f.endsWith(".pdf");
  }

  /**
   * The document's result, whatever happens while reading it: the bulkhead of one document. A failure of the reader
   * itself — an exception, a stack overflow, memory exhausted — becomes this document's quarantine row naming the
   * file and what failed, so the other documents and the run go on.
   */
  public ExtractionResult extract(String fileName, byte[] bytes) {
    String sha = PlanDocument.sha256(bytes);
    String name = PrintableText.of(fileName);
    try {
      return read(fileName, bytes, sha);
    } catch (StackOverflowError e) {
      return rejected(fileName, sha, 0, QuarantineReason.NESTED_TOO_DEEPLY, name + ": its structure nests too deeply for the reader (stack"
          + " overflow in " + frame(e) + "); the other documents are read");
    } catch (OutOfMemoryError e) {
      return rejected(fileName, sha, 0, QuarantineReason.TOO_LARGE, name + ": reading it exhausted the memory (" + e.getMessage() + ") although it"
          + " is within the limits (limits: in conf/hrss.yaml); lower them or give the job more memory");
    } catch (RuntimeException | LinkageError e) {
      return rejected(fileName, sha, 0, QuarantineReason.READER_FAILED, name + ": the reader failed on it (" + e.getClass().getSimpleName() + ": "
          + e.getMessage() + " in " + frame(e) + "); the document is not read, the other documents are");
    }
  }

  /** The unreadable file's result: the file could not be opened or read (permissions, a broken link, an I/O error). */
  public ExtractionResult unreadableFile(String fileName, String why) {
    return rejected(fileName, null, 0, QuarantineReason.UNREADABLE_FILE, PrintableText.of(fileName) + ": the file cannot be read (" + why + ")");
  }

  /** The result of a file over the size limit, refused before its bytes are read. */
  public ExtractionResult tooLargeFile(String fileName, long bytes) {
    String tooLarge = limits.tooLarge(bytes);
    if (tooLarge == null) throw new IllegalArgumentException(fileName + " is within the size limit");
    return rejected(fileName, null, 0, QuarantineReason.TOO_LARGE, PrintableText.of(fileName) + ": " + tooLarge);
  }

  /** Where in our code a failure happened: the first frame of the project's own classes, else the top frame. */
  private static String frame(Throwable e) {
    StackTraceElement[] st = e.getStackTrace();
    for (StackTraceElement f : st) {
      if (f.getClassName().startsWith("org.hrssplan.")) return f.getClassName().replaceFirst("^org\\.hrssplan\\.", "") + "." + f.getMethodName();
    }
    return st.length == 0 ? "unknown" : st[0].getClassName() + "." + st[0].getMethodName();
  }

  private ExtractionResult read(String fileName, byte[] bytes, String sha) {
    DocumentFormat format = DocumentFormat.of(fileName, bytes);
    switch (format) {
      case ENCRYPTED -> {
        return rejected(fileName, sha, 0, QuarantineReason.ENCRYPTED, PrintableText.of(fileName) + ": the Word document is password-protected; save an"
            + " unprotected copy (File → Info → Protect Document → remove the password)");
      }
      case UNSUPPORTED -> {
        return rejected(fileName, sha, 0, QuarantineReason.UNSUPPORTED_FORMAT, PrintableText.of(fileName) + ": " + unsupportedBecause(fileName));
      }
      default -> { }
    }
    if (bytes.length == 0) {
      return rejected(fileName, sha, 0, QuarantineReason.EMPTY_DOCUMENT, PrintableText.of(fileName) + ": the file is empty");
    }
    if (format == DocumentFormat.CSV) return DatasetReader.read(fileName, bytes, catalog, regions);
    PlanDocument doc;
    try {
      doc = PlanDocument.fromBytes(fileName, bytes, sha, limits);
    } catch (UndecodableDocumentException e) {
      return rejected(fileName, sha, e.line(), QuarantineReason.UNDECODABLE, PrintableText.of(fileName) + ": " + e.getMessage());
    } catch (RefusedDocumentException e) {
      return rejected(fileName, sha, 0, e.reason(), PrintableText.of(fileName) + ": " + e.getMessage());
    } catch (RuntimeException e) {
      return rejected(fileName, sha, 0, QuarantineReason.UNREADABLE, PrintableText.of(fileName) + ": cannot be read as a " + format.name().toLowerCase(Locale.ROOT)
          + " file, it is damaged or cut short (" + rootCause(e) + ")");
    }
    RegionDirectory.Recognition recognition = regions.identify(doc.text());
    Optional<Region> region = recognition.region();
    ExtractionSink sink = new ExtractionSink();
    TableInterpreter interpreter = new TableInterpreter(catalog);
    TableLocator.Located located = TableLocator.locate(doc);
    List<RawTable> tables = located.tables();
    List<String> scopeNotes = new ArrayList<>();
    PlanPeriod docPeriod = documentPeriod(doc, tables);
    int tablesRead = 0;
    int tablesNotFullyRead = 0;
    for (RawTable t : tables) {
      TableInterpreter.Outcome outcome = interpreter.interpret(doc, region.orElse(null), t, docPeriod, sink);
      if (outcome != TableInterpreter.Outcome.NOT_READ) tablesRead++;
      if (outcome != TableInterpreter.Outcome.READ) tablesNotFullyRead++;
      scopeNotes.addAll(new TableNotes(t.notes()).scopeClauses().stream().map(s -> t.tableRef() + ": " + s).toList());
    }
    for (int title : located.titlesWithoutTable()) {
      tablesNotFullyRead++;
      sink.findings.add(TableInterpreter.finding(doc, region.orElse(null), TableInterpreter.TABLE_NOT_READ, docPeriod, doc.sourceLine(title),
          "the title '" + doc.line(title).strip() + "' names an indicator table, but no table with a 指标 header and value columns follows it"));
    }
    for (int header : located.headerWordsWithoutTable()) {
      tablesNotFullyRead++;
      sink.findings.add(TableInterpreter.finding(doc, region.orElse(null), TableInterpreter.TABLE_NOT_READ, docPeriod, doc.sourceLine(header),
          "the words of an indicator table header ('" + doc.line(header).strip() + "' with 属性/目标/基数 nearby) stand outside any table read"));
    }
    for (int title : located.numberRunsWithoutTable()) {
      tablesNotFullyRead++;
      sink.findings.add(TableInterpreter.finding(doc, region.orElse(null), TableInterpreter.TABLE_NOT_READ, docPeriod, doc.sourceLine(title),
          "the title '" + doc.line(title).strip() + "' is followed by lines of figures laid out as a table, but no indicator table"
              + " (a 指标 header with value columns) was read there"));
    }
    if (docPeriod != null) new ProseTargetExtractor(catalog).extract(doc, region.orElse(null), docPeriod, tables, sink);
    List<Finding> findings = new ArrayList<>(sink.findings);
    findings.addAll(new FindingRules(catalog, thresholds).apply(doc, sink.observations, scopeNotes));
    if (region.isEmpty()) {
      findings.add(new Finding(PlanDocument.sha256("region|" + fileName).substring(0, 16), "region_not_identified", Finding.ERROR,
          null, null, null, null, PrintableText.of(fileName) + ": no region of regions.csv is clearly named in the document's text (" + recognition.reason() + "); its "
              + (sink.valueCells + sink.proseTargets) + " cells are quarantined", fileName, ""));
    }
    boolean nothingFound = tables.isEmpty() && tablesNotFullyRead == 0 && sink.proseTargets == 0;
    if (nothingFound) {
      findings.add(new Finding(PlanDocument.sha256("notables|" + fileName).substring(0, 16), "no_indicator_tables", Finding.WARNING,
          region.map(Region::code).orElse(null), null, null, null,
          PrintableText.of(fileName) + ": no indicator table (a 指标 header with value columns) and no 主要目标 target found", fileName, ""));
    }
    // a document with nothing to extract is reported as such, whatever else it lacks (its region finding still stands)
    String status = nothingFound ? STATUS_NO_TABLES
        : region.isEmpty() ? STATUS_REGION_NOT_IDENTIFIED
        : tablesNotFullyRead == 0 ? (sink.quarantine.isEmpty() ? STATUS_EXTRACTED : STATUS_CELLS_QUARANTINED)
        : tablesRead > 0 ? STATUS_PARTIALLY_EXTRACTED
        : STATUS_NO_TABLE_READ;
    DocumentAccount account = new DocumentAccount(fileName, sha, doc.encoding(), doc.format(), region.map(Region::code).orElse(null),
        region.map(Region::name).orElse(null), status, sink.tables, sink.indicatorRows, sink.valueCells, sink.proseTargets,
        sink.observations.size(), sink.quarantine.size(), findings.size());
    return new ExtractionResult(account, sink.rawCells, sink.observations, sink.quarantine, findings);
  }

  /** The innermost message of a failure, as the library that read the file words it. */
  private static String rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) t = t.getCause();
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  /** Why a file is not read, and what to do: the office formats a bureau may send are named with what to save them as. */
  private static String unsupportedBecause(String fileName) {
    String f = fileName.toLowerCase(Locale.ROOT);
    if (f.endsWith(".odt")) return "an OpenDocument text (.odt), not read; save it as .docx (LibreOffice: File → Save As → Word 2007-365)";
    if (f.endsWith(".wps")) return "a WPS Writer document (.wps), not read; save it as .docx in WPS (文件 → 另存为 → Word 文件 *.docx)";
    if (f.endsWith(".ofd")) return "an OFD document (版式文档), not read; export it as PDF or text, or use the plan's .docx or web version";
    if (f.endsWith(".rtf")) return "a Rich Text file (.rtf), not read; save it as .docx";
    return "not a .txt, .html, Word (.docx/.docm/.doc) or PDF plan document nor a .csv dataset; skipped";
  }

  /** A second copy (same bytes, by their SHA-256) of a document already extracted: reported, not extracted twice. */
  public ExtractionResult duplicate(String fileName, String sha256, String firstFile) {
    return rejected(fileName, sha256, 0, QuarantineReason.DUPLICATE_DOCUMENT, PrintableText.of(fileName) + ": same content (sha256) as " + PrintableText.of(firstFile) + "; not extracted twice");
  }

  private static PlanPeriod documentPeriod(PlanDocument doc, List<RawTable> tables) {
    for (int i = 0; i < Math.min(20, doc.size()); i++) {
      PlanPeriod p = PlanPeriod.fromText(doc.line(i));
      if (p != null) return p;
    }
    PlanPeriod latest = null;
    for (RawTable t : tables) {
      PlanPeriod p = PlanPeriod.fromText(t.title());
      if (p != null && (latest == null || p.number() > latest.number())) latest = p;
    }
    return latest;
  }

  private static ExtractionResult rejected(String fileName, String sha, int line, QuarantineReason reason, String message) {
    String code = reason.code();
    QuarantinedCell q = new QuarantinedCell(fileName + ":document", fileName, line, PlanDocument.lineLocator(line), "document", code, message, null, null, null, null, null);
    DocumentAccount account = new DocumentAccount(fileName, sha, null, null, null, null, code, 0, 0, 0, 0, 0, 0, 0);
    return new ExtractionResult(account, List.of(), List.of(), List.of(q), List.of());
  }
}
