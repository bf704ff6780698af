package org.hrssplan.synth;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hrssplan.extract.CorpusExtractor;
import org.hrssplan.extract.ExtractionResult;
import org.hrssplan.model.Observation;
import org.hrssplan.extract.PlanExtractor;
import org.hrssplan.extract.QuarantinedCell;

/**
 * Extracts a folder with the plain-Java {@link CorpusExtractor} and compares the observations with the
 * expected rows as a multiset on the golden columns (as GoldenObservationsTest does for the seeds). Exact
 * means: no expected row missing, no unexpected row, no quarantined cell, every document extracted.
 */
public final class CorpusVerifier {
  /** The outcome: counts, the extraction's wall time, and every difference. */
  public record Report(int documents, int documentsNotExtracted, long observations, long quarantined, long expectedRows,
      long extractionMillis, List<String> missing, List<String> unexpected, List<String> problems) {

    public boolean exact() {
      return missing.isEmpty() && unexpected.isEmpty() && problems.isEmpty() && quarantined == 0 && documentsNotExtracted == 0;
    }
  }

  private final PlanExtractor extractor;

  public CorpusVerifier(PlanExtractor extractor) {
    this.extractor = extractor;
  }

  public Report verify(Reader expectedCsv, String expectedName, Path input) throws IOException {
    List<String> expectedKeys = ExpectedObservationCsv.readKeys(expectedCsv, expectedName);
    Tally tally = new Tally(expectedKeys);
    long start = System.nanoTime();
    // each result is tallied as it comes and then dropped: the raw cells of thousands of documents are never all held
    new CorpusExtractor(extractor).extractEach(CorpusExtractor.listInputs(input), tally::add);
    long millis = (System.nanoTime() - start) / 1_000_000;
    return tally.report(millis);
  }

  /** The comparison built up one document at a time: what is left of the expected multiset, and the problems. */
  private static final class Tally {
    private final Map<String, Integer> balance = new TreeMap<>();
    private final long expectedRows;
    private final List<String> problems = new ArrayList<>();
    private int documents;
    private long observations;
    private long quarantined;
    private int notExtracted;

    Tally(List<String> expectedKeys) {
      for (String k : expectedKeys) balance.merge(k, 1, Integer::sum);
      expectedRows = expectedKeys.size();
    }

    void add(ExtractionResult r) {
      documents++;
      if (!"extracted".equals(r.account().status())) {
        notExtracted++;
        problems.add(r.account().sourceFile() + ": status " + r.account().status());
      }
      for (Observation o : r.observations()) {
        observations++;
        balance.merge(ExpectedObservation.key(ExpectedObservation.cellsOf(o)), -1, Integer::sum);
      }
      for (QuarantinedCell q : r.quarantined()) {
        quarantined++;
        problems.add("quarantined " + q.reasonCode() + ": " + q.reason());
      }
    }

    Report report(long millis) {
      List<String> missing = new ArrayList<>();
      List<String> unexpected = new ArrayList<>();
      for (var e : balance.entrySet()) {
        for (int i = 0; i < e.getValue(); i++) missing.add(e.getKey());
        for (int i = 0; i < -e.getValue(); i++) unexpected.add(e.getKey());
      }
      return new Report(documents, notExtracted, observations, quarantined, expectedRows, millis, missing, unexpected, problems);
    }
  }
}
