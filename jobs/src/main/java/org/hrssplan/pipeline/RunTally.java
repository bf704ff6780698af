package org.hrssplan.pipeline;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.hrssplan.tables.PublishedTable;

/**
 * The run summary's counts, from the tables as published: quarantined cells by reason, findings by type, the table
 * labels the catalog does not know, each with where it stands in its file, and the figures of the prose not taken, by
 * reason (bronze cells {@code prose_refused}; a prose phrase outside the catalog is counted, not listed).
 */
record RunTally(Map<String, Long> quarantineByReason, Map<String, Long> findingsByType, List<String> unknownIndicators,
    Map<String, Long> proseRefusedByReason, long unknownProsePhrases) {

  static RunTally count(StageContext ctx) {
    ctx.progress.accept("[8/8] summary");
    Map<String, Long> quarantine = new LinkedHashMap<>();
    for (Row r : ctx.published(PublishedTable.QUARANTINE).groupBy("reason_code").count().orderBy(col("count").desc(), col("reason_code"))
        .collectAsList()) {
      quarantine.put(r.getString(0), r.getLong(1));
    }
    Map<String, Long> findings = new LinkedHashMap<>();
    for (Row r : ctx.published(PublishedTable.FINDINGS).groupBy("finding_type").count().orderBy(col("count").desc(), col("finding_type"))
        .collectAsList()) {
      findings.put(r.getString(0), r.getLong(1));
    }
    List<String> unknown = new ArrayList<>();
    for (Row r : ctx.published(PublishedTable.OBSERVATIONS).filter(col("indicator_id").isNull().and(col("source_kind").notEqual("prose")))
        .select("region_code", "indicator_name_raw", "source_file", "source_line", "source_locator").orderBy("source_file", "source_line")
        .collectAsList()) {
      // where it stands in the file's own terms: line 12 of a text, T1:R3:C2 of a Word table, p2:L14 of a PDF
      String locator = r.getString(4);
      String where = locator == null || locator.matches("L\\d+") ? "line " + r.getInt(3) : locator;
      unknown.add(r.getString(2) + " " + where + ": " + r.getString(1));
    }
    Map<String, Long> refused = new LinkedHashMap<>();
    for (Row r : ctx.published(PublishedTable.RAW_CELLS).filter(col("cell_type").equalTo("prose_refused")).groupBy("column_header").count()
        .orderBy(col("count").desc(), col("column_header")).collectAsList()) {
      refused.put(r.getString(0), r.getLong(1));
    }
    long unknownProse = ctx.published(PublishedTable.OBSERVATIONS).filter(col("indicator_id").isNull().and(col("source_kind").equalTo("prose"))).count();
    return new RunTally(quarantine, findings, List.copyOf(unknown), refused, unknownProse);
  }
}
