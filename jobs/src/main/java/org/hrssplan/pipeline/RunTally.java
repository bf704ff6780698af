package org.hrssplan.pipeline;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.hrssplan.tables.PublishedTable;

/**
 * The run summary's counts, from the tables as published: quarantined cells by reason, findings by type, and the
 * labels the catalog does not know, each with where it stands in its file.
 */
record RunTally(Map<String, Long> quarantineByReason, Map<String, Long> findingsByType, List<String> unknownIndicators) {

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
    for (Row r : ctx.published(PublishedTable.OBSERVATIONS).filter(col("indicator_id").isNull())
        .select("region_code", "indicator_name_raw", "source_file", "source_line", "source_locator").orderBy("source_file", "source_line")
        .collectAsList()) {
      // where it stands in the file's own terms: line 12 of a text, T1:R3:C2 of a Word table, p2:L14 of a PDF
      String locator = r.getString(4);
      String where = locator == null || locator.matches("L\\d+") ? "line " + r.getInt(3) : locator;
      unknown.add(r.getString(2) + " " + where + ": " + r.getString(1));
    }
    return new RunTally(quarantine, findings, List.copyOf(unknown));
  }
}
