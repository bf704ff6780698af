package org.hrssplan.quality;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The gates, evaluated on tonight's extraction against what is published now (yesterday's tables, when they exist):
 * <ul>
 *   <li>{@code quarantine_share}: quarantined cells / cells found ≤ limit;</li>
 *   <li>{@code rejected_documents}: documents not extracted (undecodable, duplicate, no region, …) ≤ limit;</li>
 *   <li>{@code tables_not_read}: documents with an indicator table, or a row of one, found and not read
 *       ({@code partially_extracted}, {@code no_table_read}) ≤ limit;</li>
 *   <li>{@code unknown_indicators}: table observations whose label the catalog does not know ≤ limit (a prose phrase outside
 *       the catalog is expected);</li>
 *   <li>{@code region_lost_indicator}: region × indicator pairs published yesterday and missing tonight ≤ limit;</li>
 *   <li>{@code value_changed_same_document}: observations of a document whose bytes did not change whose value moved
 *       by more than the limit (relative) — the extraction or the catalog changed the meaning of a number.</li>
 * </ul>
 */
public final class QualityGates {
  private QualityGates() {}

  public static List<GateResult> evaluate(Map<String, GateRule> rules, Dataset<Row> observations, Dataset<Row> accounting,
      Dataset<Row> previousObservations, Dataset<Row> previousAccounting) {
    List<GateResult> out = new ArrayList<>();
    Row totals = accounting.selectExpr("coalesce(sum(value_cells + prose_targets), 0)", "coalesce(sum(quarantined_cells), 0)",
        "count_if(status NOT IN ('extracted', 'cells_quarantined', 'partially_extracted', 'no_table_read'))",
        "count_if(status IN ('partially_extracted', 'no_table_read'))").first();
    long found = totals.getLong(0);
    long quarantined = totals.getLong(1);
    long rejected = totals.getLong(2);
    long notRead = totals.getLong(3);
    GateRule q = rules.get("quarantine_share");
    if (q != null) {
      double share = found == 0 ? 0 : (double) quarantined / found;
      out.add(new GateResult(q, share <= q.limit(), String.format("%d of %d cells quarantined (%.2f%%, limit %.2f%%)", quarantined, found,
          100 * share, 100 * q.limit())));
    }
    GateRule r = rules.get("rejected_documents");
    if (r != null) out.add(new GateResult(r, rejected <= r.limit(), rejected + " document(s) not extracted (limit " + (long) r.limit() + ")"));
    GateRule t = rules.get("tables_not_read");
    if (t != null) {
      List<String> examples = notRead == 0 ? List.of() : accounting.where("status IN ('partially_extracted', 'no_table_read')")
          .orderBy("source_file").limit(5).collectAsList().stream().map(a -> a.getAs("source_file") + " (" + a.getAs("status") + ")").toList();
      out.add(new GateResult(t, notRead <= t.limit(), notRead == 0 ? "every indicator table found was read"
          : notRead + " document(s) with a table or row found and not read (limit " + (long) t.limit() + "), e.g. " + examples
              + "; the findings table_not_read / row_not_read name the lines"));
    }
    GateRule u = rules.get("unknown_indicators");
    if (u != null) {
      // table labels: a sentence's phrase outside the catalog (公共租赁住房 3653套) is expected, listed by catalog suggest
      Dataset<Row> tableRows = observations.where(col("source_kind").notEqual(org.hrssplan.model.SourceKind.PROSE.code()));
      long unknown = tableRows.where(col("indicator_id").isNull()).count();
      long unconverted = unknown == 0 ? 0
          : tableRows.where(col("indicator_id").isNull().and(col("quality_flags").contains(org.hrssplan.model.QualityFlags.UNIT_NOT_IN_TABLE))).count();
      out.add(new GateResult(u, unknown <= u.limit(), unknown + " table observation(s) with a label the catalog does not know"
          + (unconverted == 0 ? "" : ", " + unconverted + " of them in a unit the unit table lacks (kept as printed)") + " (limit "
          + (long) u.limit() + ")"));
    }
    GateRule lost = rules.get("region_lost_indicator");
    if (lost != null && previousObservations != null) {
      List<Row> missing = previousObservations.where(col("indicator_id").isNotNull()).select("region_code", "indicator_id").distinct()
          .except(observations.where(col("indicator_id").isNotNull()).select("region_code", "indicator_id").distinct())
          .orderBy("region_code", "indicator_id").limit(20).collectAsList();
      long n = missing.size();
      out.add(new GateResult(lost, n <= lost.limit(), n == 0 ? "no region lost an indicator it had in the published tables"
          : n + " region × indicator pair(s) published before and missing now, e.g. " + missing.subList(0, (int) Math.min(n, 5))));
    }
    GateRule changed = rules.get("value_changed_same_document");
    if (changed != null && previousObservations != null && previousAccounting != null) {
      // documents (not Parquet datasets, which are read by plain casts) whose bytes are the same as last time
      Dataset<Row> sameDocs = accounting.alias("a").join(previousAccounting.alias("b"),
              col("a.source_file").equalTo(col("b.source_file")).and(col("a.source_sha256").equalTo(col("b.source_sha256"))))
          .where(col("a.format").notEqual("dataset"))
          .select(col("a.source_file").as("source_file"));
      Dataset<Row> now = observations.join(broadcast(sameDocs), observations.col("source_file").equalTo(sameDocs.col("source_file")), "left_semi");
      Dataset<Row> before = previousObservations.join(broadcast(sameDocs),
          previousObservations.col("source_file").equalTo(sameDocs.col("source_file")), "left_semi");
      Dataset<Row> moved = now.alias("n").join(before.alias("p"), col("n.observation_id").equalTo(col("p.observation_id")))
          .where(col("n.value").isNotNull().and(col("p.value").isNotNull())
              .and(abs(col("n.value").minus(col("p.value"))).gt(abs(col("p.value")).multiply(changed.limit()).plus(1e-12))));
      List<Row> examples = moved.select("n.observation_id", "p.value", "n.value").orderBy("n.observation_id").limit(5).collectAsList();
      long n = moved.count();
      out.add(new GateResult(changed, n == 0, n == 0 ? "no value of an unchanged document moved"
          : n + " value(s) of unchanged documents moved by more than " + changed.limit() + " (relative), e.g. " + examples));
    }
    return out;
  }
}
