package org.hrssplan.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hrssplan.extract.DocumentAccount;
import org.hrssplan.quality.GateResult;
import org.hrssplan.tables.Rows;

/**
 * What a run did, built from its stages' results as they finish, so a failed run's record still says how far it got:
 * the console summary, and the run log's row ({@link OpsRunLog}).
 */
public final class RunSummary {
  public final String runId;
  private final Map<String, Long> stageMillis = new LinkedHashMap<>();
  private ExtractStage.Report extraction = new ExtractStage.Report(List.of(), List.of(), List.of());
  private List<GateResult> gates = List.of();
  private final List<PublishStage.TableWrite> written = new ArrayList<>();
  private final List<String> csvSkipped = new ArrayList<>();
  private Map<String, String> notebooks = Map.of();
  private RunTally tally = new RunTally(Map.of(), Map.of(), List.of(), Map.of(), 0);

  public RunSummary(String runId) {
    this.runId = runId;
  }

  void stage(String name, long millis) {
    stageMillis.put(name, millis);
  }

  void extraction(ExtractStage.Report report) {
    extraction = report;
  }

  void gates(List<GateResult> results) {
    gates = List.copyOf(results);
  }

  void written(List<PublishStage.TableWrite> writes) {
    written.addAll(writes);
  }

  void exports(ExportStage.Exports exports) {
    csvSkipped.addAll(exports.csvSkipped());
  }

  void notebooks(Map<String, String> status) {
    notebooks = Map.copyOf(status);
  }

  void tally(RunTally t) {
    tally = t;
  }

  /** Milliseconds per stage, in the order they ran. */
  public Map<String, Long> stageMillis() {
    return java.util.Collections.unmodifiableMap(stageMillis);
  }

  public List<DocumentAccount> documents() {
    return extraction.documents();
  }

  public boolean balanced() {
    return extraction.balanced();
  }

  public List<GateResult> gates() {
    return gates;
  }

  /** Rows per table this run wrote, by qualified name, in the order written. */
  public Map<String, Long> tableRows() {
    return byTable(w -> w.commit().rows());
  }

  /** The Delta version per table this run committed, by qualified name. */
  public Map<String, Long> tableVersions() {
    return byTable(w -> w.commit().version());
  }

  /** SHA-256 per input file. */
  public Map<String, String> inputChecksums() {
    Map<String, String> m = new LinkedHashMap<>();
    for (DocumentAccount d : documents()) m.put(d.sourceFile(), d.sha256());
    return m;
  }

  public Map<String, String> notebooks() {
    return notebooks;
  }

  private Map<String, Long> byTable(java.util.function.ToLongFunction<PublishStage.TableWrite> f) {
    Map<String, Long> m = new LinkedHashMap<>();
    for (PublishStage.TableWrite w : written) m.put(w.qualifiedName(), f.applyAsLong(w));
    return m;
  }

  public String render() {
    StringBuilder sb = new StringBuilder();
    sb.append("\nRun ").append(runId).append(" — documents\n");
    String fmt = "  %-28s %-7s %-7s %-8s %6s %6s %6s %6s %6s %6s %8s  %s%n";
    sb.append(String.format(fmt, "file", "region", "format", "encoding", "tables", "rows", "cells", "prose", "obs", "quar", "findings",
        "status"));
    for (DocumentAccount d : documents()) {
      sb.append(String.format(fmt, trim(org.hrssplan.document.PrintableText.of(d.sourceFile()), 28), nz(d.regionCode()), trim(nz(d.format()), 7), trim(nz(d.encoding()), 8),
          d.tables(), d.indicatorRows(), d.valueCellsFound(), d.proseTargetsFound(), d.observations(), d.quarantinedCells(), d.findings(),
          d.status()));
    }
    sb.append("\nTables written\n");
    for (PublishStage.TableWrite w : written) {
      sb.append(String.format("  %-36s %9d rows  v%-4d %d file(s)%n", w.qualifiedName(), w.commit().rows(), w.commit().version(),
          w.commit().files()));
    }
    if (!csvSkipped.isEmpty()) {
      sb.append("  no CSV snapshot (more rows than a spreadsheet holds; Parquet and Delta only): ").append(String.join(", ", csvSkipped)).append('\n');
    }
    if (!tally.quarantineByReason().isEmpty()) {
      sb.append("\nQuarantined, by reason\n");
      tally.quarantineByReason().forEach((t, n) -> sb.append(String.format("  %-28s %8d%n", t, n)));
    }
    if (!tally.findingsByType().isEmpty()) {
      sb.append("\nFindings, by type\n");
      tally.findingsByType().forEach((t, n) -> sb.append(String.format("  %-36s %6d%n", t, n)));
    }
    if (!tally.proseRefusedByReason().isEmpty()) {
      sb.append("\nFigures in the prose not taken, by reason (bronze cells prose_refused)\n");
      tally.proseRefusedByReason().forEach((t, n) -> sb.append(String.format("  %-28s %8d%n", t, n)));
    }
    if (tally.unknownProsePhrases() > 0) {
      sb.append("\nProse figures whose phrase the catalog does not know: ").append(tally.unknownProsePhrases())
          .append(" (kept, flagged unknown_indicator; hrss catalog suggest lists them)\n");
    }
    list(sb, "Found and not read (their cells are quarantined)", extraction.notRead());
    list(sb, "Labels the catalog does not know (kept, flagged unknown_indicator)", tally.unknownIndicators());
    list(sb, "Input problems", extraction.inputProblems());
    list(sb, "Quality gates", gates.stream().map(GateResult::toString).toList());
    sb.append("\nAccounting: ").append(balanced() ? "every cell found is an observation or quarantined" : "UNBALANCED — cells were lost")
        .append('\n');
    sb.append("Stages: ");
    stageMillis.forEach((s, ms) -> sb.append(s).append(' ').append(String.format("%.1f s", ms / 1000.0)).append("  "));
    sb.append('\n');
    return sb.toString();
  }

  private static void list(StringBuilder sb, String title, List<String> lines) {
    if (lines.isEmpty()) return;
    sb.append('\n').append(title).append('\n');
    lines.forEach(u -> sb.append("  ").append(u).append('\n'));
  }

  private static String nz(Object o) {
    return o == null ? "-" : o.toString();
  }

  private static String trim(Object o, int n) {
    String s = String.valueOf(o);
    return s.length() <= n ? s : s.substring(0, n - 1) + "…";
  }
}
