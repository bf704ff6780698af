package org.hrssplan.extract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hrssplan.model.Observation;
import org.hrssplan.model.SourceKind;

/**
 * How exactly one document was read, measured against the cells a person wrote down for it ({@link ExpectedCell}):
 * the measure of {@code hrss eval} and of the real-plans test.
 *
 * <p>A cell is found by its key — region name, plan period, role and year, and the row label compared loosely
 * (NFKC, no white space, no leading 序号 like {@code 1.} or {@code 1、}, no {@code *}, no leading {@code 其中：}, no
 * trailing parenthesis such as a unit {@code （%）}). A numeric expected cell is <b>exact</b> when a table observation
 * with its key has its number (the first number printed in {@code value_raw}, or {@code value}), its comparator
 * ({@code =} and none are one) and its five-year-total flag — and, where the file has the column, its per-year flag;
 * <b>wrong</b> when observations have its key but none agrees; <b>missing</b> when none has its key (a quarantined
 * cell is missing). Table observations whose key no expected row has are <b>extra</b>. Text, missing and
 * several-number cells are counted as <b>found</b> when an observation has their key; they are not scored.
 */
public final class ReadingFidelity {
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");
  private static final Pattern LEADING_ORDINAL = Pattern.compile("^\\d+[.、]\\s*");
  private static final Pattern TRAILING_PARENTHESIS = Pattern.compile("\\([^()]*\\)$");

  /** One expected cell not read exactly, or one observation no expected cell has. */
  public record Mismatch(String kind, String document, String key, String expected, String read, String where) {
    @Override
    public String toString() {
      return String.format("%-7s %s  %s: expected %s, read %s%s", kind, document, key, expected, read, where.isEmpty() ? "" : " at " + where);
    }
  }

  /** The measure of one document. */
  public record Result(String document, String status, int numeric, int exact, int wrong, int missing, int otherCells,
                       int otherFound, int extra, List<Mismatch> mismatches) {
    /** Every numeric cell exact and nothing read that the person did not write down. */
    public boolean perfect() {
      return exact == numeric && extra == 0;
    }
  }

  /** The suffix of the hand-written cells of a document: {@code NAME.expected.csv} beside {@code NAME.txt}. */
  public static final String EXPECTED_SUFFIX = ".expected.csv";

  private ReadingFidelity() {}

  /** The documents of {@code dir} that have expected cells, in name order. */
  public static List<Path> documentsWithExpectedCells(Path dir) throws IOException {
    List<Path> docs = new ArrayList<>();
    for (Path p : CorpusExtractor.listInputs(dir)) {
      String name = p.getFileName().toString();
      if (name.endsWith(EXPECTED_SUFFIX) || name.equals("regions.csv")) continue;
      if (Files.isRegularFile(expectedCellsOf(p))) docs.add(p);
    }
    return docs;
  }

  /** {@code NAME.expected.csv} beside {@code NAME.ext}. */
  public static Path expectedCellsOf(Path document) {
    String name = document.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return document.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + EXPECTED_SUFFIX);
  }

  /** Extracts and measures every document of {@code dir} with expected cells. */
  public static List<Result> measureFolder(Path dir, PlanExtractor extractor) throws IOException {
    List<Result> results = new ArrayList<>();
    CorpusExtractor corpus = new CorpusExtractor(extractor);
    for (Path doc : documentsWithExpectedCells(dir)) {
      List<ExpectedCell> expected;
      Path file = expectedCellsOf(doc);
      try (var r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        expected = ExpectedCell.read(r, file.getFileName().toString());
      }
      ExtractionResult read = corpus.extractAll(List.of(doc)).get(0);
      results.add(measure(read, expected));
    }
    return results;
  }


  /** Measures what {@code read} (one document's extraction) holds against {@code expected}. */
  public static Result measure(ExtractionResult read, List<ExpectedCell> expected) {
    String document = read.account().sourceFile();
    Map<String, List<Observation>> byKey = new LinkedHashMap<>();
    for (Observation o : read.observations()) {
      if (!SourceKind.TABLE.code().equals(o.sourceKind())) continue;
      byKey.computeIfAbsent(key(o.regionName(), o.planPeriod(), o.role(), o.year(), o.indicatorNameRaw()), k -> new ArrayList<>()).add(o);
    }
    int numeric = 0;
    int exact = 0;
    int wrong = 0;
    int missing = 0;
    int other = 0;
    int otherFound = 0;
    List<Mismatch> mismatches = new ArrayList<>();
    Set<String> expectedKeys = new HashSet<>();
    for (ExpectedCell e : expected) {
      String key = key(e.region(), e.planPeriod(), e.role(), e.year(), e.indicatorRaw());
      expectedKeys.add(key);
      List<Observation> candidates = byKey.getOrDefault(key, List.of());
      String shown = e.region() + " " + e.planPeriod() + " " + e.role() + "_" + e.year() + " " + e.indicatorRaw();
      if (!e.numeric()) {
        other++;
        if (!candidates.isEmpty()) otherFound++;
        continue;
      }
      numeric++;
      if (candidates.isEmpty()) {
        missing++;
        mismatches.add(new Mismatch("missing", document, shown, describe(e), "nothing", ""));
        continue;
      }
      if (candidates.stream().anyMatch(o -> agrees(e, o))) {
        exact++;
      } else {
        wrong++;
        Observation o = candidates.get(0);
        mismatches.add(new Mismatch("wrong", document, shown, describe(e), describe(o), where(o)));
      }
    }
    int extra = 0;
    for (var entry : byKey.entrySet()) {
      if (expectedKeys.contains(entry.getKey())) continue;
      for (Observation o : entry.getValue()) {
        extra++;
        mismatches.add(new Mismatch("extra", document, o.regionName() + " " + o.planPeriod() + " " + o.role() + "_" + o.year() + " "
            + o.indicatorNameRaw(), "no such cell", describe(o), where(o)));
      }
    }
    return new Result(document, read.account().status(), numeric, exact, wrong, missing, other, otherFound, extra, mismatches);
  }

  private static boolean agrees(ExpectedCell e, Observation o) {
    Double raw = firstNumber(o.valueRaw());
    boolean number = (raw != null && Math.abs(raw - e.value()) < 1e-9) || (o.value() != null && Math.abs(o.value() - e.value()) < 1e-9);
    boolean comparator = java.util.Objects.equals(e.comparator(), o.comparator());
    boolean annual = e.annual() == null || e.annual() == o.annual();
    return number && comparator && e.cumulative() == o.cumulative() && annual;
  }

  /** The key of a cell: region, period, role and year, and the label as {@link ReadingFidelity} compares it. */
  static String key(String region, String planPeriod, String role, int year, String label) {
    return nfkc(region) + "|" + nfkc(planPeriod) + "|" + role + "_" + year + "|" + label(label);
  }

  /** The row label compared loosely: see the class comment. */
  static String label(String raw) {
    String s = nfkc(raw).replaceAll("\\s+", "").replace("*", "");
    s = LEADING_ORDINAL.matcher(s).replaceFirst("");
    if (s.startsWith("其中:")) s = s.substring(3);
    return TRAILING_PARENTHESIS.matcher(s).replaceFirst("");
  }

  private static String nfkc(String s) {
    return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFKC).strip();
  }

  private static Double firstNumber(String s) {
    if (s == null) return null;
    Matcher m = NUMBER.matcher(nfkc(s));
    return m.find() ? Double.valueOf(m.group()) : null;
  }

  private static String describe(ExpectedCell e) {
    return (e.comparator() == null ? "" : e.comparator()) + num(e.value()) + flags(e.cumulative(), e.annual() != null && e.annual());
  }

  private static String describe(Observation o) {
    String printed = o.valueRaw() == null ? "(" + o.valueKind() + ")" : "'" + o.valueRaw() + "'";
    return printed + " = " + (o.comparator() == null ? "" : o.comparator()) + (o.value() == null ? "NULL" : num(o.value()))
        + flags(o.cumulative(), o.annual());
  }

  private static String flags(boolean cumulative, boolean annual) {
    return (cumulative ? " cumulative" : "") + (annual ? " per year" : "");
  }

  private static String num(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  private static String where(Observation o) {
    return (o.sourceLocator() == null ? "" : o.sourceLocator()) + (o.sourceLine() > 0 ? " (line " + o.sourceLine() + ")" : "");
  }
}
