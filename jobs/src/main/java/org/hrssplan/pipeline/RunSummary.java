package org.hrssplan.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/** What a run did, for the console summary (and, later, the run table): per document, per table, per stage. */
public final class RunSummary {
  public final String runId;
  public final Map<String, Long> stageMillis = new LinkedHashMap<>();
  public final List<Row> documents = new ArrayList<>();
  public final Map<String, Long> tableRows = new LinkedHashMap<>();
  public final Map<String, Long> tableVersions = new LinkedHashMap<>();
  /** Data files the run's commit wrote per table. */
  public final Map<String, Long> tableFiles = new LinkedHashMap<>();
  /** Tables too large for a CSV snapshot (Parquet and Delta only). */
  public final java.util.List<String> csvSkipped = new java.util.ArrayList<>();
  public final Map<String, String> inputChecksums = new LinkedHashMap<>();
  public final Map<String, String> notebooks = new LinkedHashMap<>();
  public final List<org.hrssplan.quality.GateResult> gates = new ArrayList<>();
  public final List<String> unknownIndicators = new ArrayList<>();
  public final List<String> inputProblems = new ArrayList<>();
  /** Tables and rows found and not read (findings table_not_read / row_not_read), with file and line. */
  public final List<String> notRead = new ArrayList<>();
  public final Map<String, Long> quarantineByReason = new LinkedHashMap<>();
  public final Map<String, Long> findingsByType = new LinkedHashMap<>();
  public boolean balanced = true;

  public RunSummary(String runId) {
    this.runId = runId;
  }

  public String render() {
    StringBuilder sb = new StringBuilder();
    sb.append("\nRun ").append(runId).append(" — documents\n");
    String fmt = "  %-28s %-7s %-7s %-8s %6s %6s %6s %6s %6s %6s %8s  %s%n";
    sb.append(String.format(fmt, "file", "region", "format", "encoding", "tables", "rows", "cells", "prose", "obs", "quar", "findings",
        "status"));
    for (Row r : documents) {
      sb.append(String.format(fmt, trim(r.getAs("source_file"), 28), nz(r.getAs("region_code")), trim(nz(r.getAs("format")), 7),
          trim(nz(r.getAs("encoding")), 8),
          r.getAs("tables"), r.getAs("indicator_rows"), r.getAs("value_cells"), r.getAs("prose_targets"), r.getAs("observations"),
          r.getAs("quarantined_cells"), r.getAs("findings"), r.getAs("status")));
    }
    sb.append("\nTables written\n");
    tableRows.forEach((t, n) -> sb.append(String.format("  %-36s %9d rows  v%-4d %d file(s)%n", t, n, tableVersions.getOrDefault(t, -1L),
        tableFiles.getOrDefault(t, 0L))));
    if (!csvSkipped.isEmpty()) {
      sb.append("  no CSV snapshot (more rows than a spreadsheet holds; Parquet and Delta only): ").append(String.join(", ", csvSkipped)).append('\n');
    }
    if (!quarantineByReason.isEmpty()) {
      sb.append("\nQuarantined, by reason\n");
      quarantineByReason.forEach((t, n) -> sb.append(String.format("  %-28s %8d%n", t, n)));
    }
    if (!findingsByType.isEmpty()) {
      sb.append("\nFindings, by type\n");
      findingsByType.forEach((t, n) -> sb.append(String.format("  %-36s %6d%n", t, n)));
    }
    if (!notRead.isEmpty()) {
      sb.append("\nFound and not read (their cells are quarantined)\n");
      notRead.forEach(u -> sb.append("  ").append(u).append('\n'));
    }
    if (!unknownIndicators.isEmpty()) {
      sb.append("\nLabels the catalog does not know (kept, flagged unknown_indicator)\n");
      unknownIndicators.forEach(u -> sb.append("  ").append(u).append('\n'));
    }
    if (!inputProblems.isEmpty()) {
      sb.append("\nInput problems\n");
      inputProblems.forEach(u -> sb.append("  ").append(u).append('\n'));
    }
    if (!gates.isEmpty()) {
      sb.append("\nQuality gates\n");
      gates.forEach(g -> sb.append("  ").append(g).append('\n'));
    }
    sb.append("\nAccounting: ").append(balanced ? "every cell found is an observation or quarantined" : "UNBALANCED — cells were lost")
        .append('\n');
    sb.append("Stages: ");
    stageMillis.forEach((s, ms) -> sb.append(s).append(' ').append(String.format("%.1f s", ms / 1000.0)).append("  "));
    sb.append('\n');
    return sb.toString();
  }

  private static String nz(Object o) {
    return o == null ? "-" : o.toString();
  }

  private static String trim(Object o, int n) {
    String s = String.valueOf(o);
    return s.length() <= n ? s : s.substring(0, n - 1) + "…";
  }
}
