package org.hrssplan.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.hrssplan.catalog.Indicator;
import org.hrssplan.document.Region;
import org.hrssplan.extract.DocumentAccount;
import org.hrssplan.extract.ExtractionResult;
import org.hrssplan.extract.Finding;
import org.hrssplan.model.Observation;
import org.hrssplan.model.ObservationColumn;
import org.hrssplan.extract.QuarantinedCell;
import org.hrssplan.extract.RawCell;
import scala.jdk.javaapi.CollectionConverters;

/** Domain records → Spark rows in the column order of {@link Schemas}. */
public final class Rows {
  private Rows() {}

  public static Row extraction(ExtractionResult r) {
    return RowFactory.create(account(r.account()), seq(r.rawCells(), Rows::rawCell), seq(r.observations(), Rows::observation),
        seq(r.quarantined(), Rows::quarantined), seq(r.findings(), Rows::finding));
  }

  private static <T> scala.collection.Seq<Row> seq(List<T> items, Function<T, Row> f) {
    List<Row> rows = new ArrayList<>(items.size());
    for (T t : items) rows.add(f.apply(t));
    return CollectionConverters.asScala(rows).toSeq();
  }

  /** A row of {@link Schemas#OBSERVATION}: the record's columns in contract order; no quality flags is NULL. */
  public static Row observation(Observation o) {
    Object[] values = new Object[ObservationColumn.ALL.size()];
    for (ObservationColumn c : ObservationColumn.ALL) values[c.ordinal()] = c.of(o);
    values[ObservationColumn.QUALITY_FLAGS.ordinal()] = emptyToNull(o.qualityFlags());
    return RowFactory.create(values);
  }

  /** A row of {@link Schemas#OBSERVATION} as the observation it holds (NULL quality_flags: none). */
  public static Observation toObservation(Row r) {
    return Observation.of(c -> r.getAs(c.columnName()));
  }

  public static Row rawCell(RawCell c) {
    return RowFactory.create(c.cellId(), c.sourceFile(), c.sourceSha256(), c.tableRef(), c.tableTitle(), c.layout(), c.rowIndex(),
        c.colIndex(), c.columnHeader(), c.cellType(), c.text(), c.sourceLine(), c.sourceLocator());
  }

  public static Row quarantined(QuarantinedCell q) {
    return RowFactory.create(q.cellId(), q.sourceFile(), q.sourceLine(), q.sourceLocator(), q.stage(), q.reasonCode(), q.reason(), q.rawText(),
        q.regionCode(), q.tableRef(), q.columnHeader(), q.rowLabel());
  }

  public static Row finding(Finding f) {
    return RowFactory.create(f.findingId(), f.findingType(), f.severity(), f.regionCode(), f.indicatorId(), f.planPeriod(), f.year(),
        f.detail(), f.sourceFile(), f.sourceLines());
  }

  public static Row account(DocumentAccount a) {
    return RowFactory.create(a.sourceFile(), a.sha256(), a.encoding(), a.format(), a.regionCode(), a.regionName(), a.status(),
        a.tables(), a.indicatorRows(), a.valueCellsFound(), a.proseTargetsFound(), a.observations(), a.quarantinedCells(),
        a.findings());
  }

  /** A row of {@link Schemas#ACCOUNT} as the account it was made from. */
  public static DocumentAccount toAccount(Row r) {
    return new DocumentAccount(r.getAs("source_file"), r.getAs("source_sha256"), r.getAs("encoding"), r.getAs("format"),
        r.getAs("region_code"), r.getAs("region_name"), r.getAs("status"), r.<Integer>getAs("tables"), r.<Integer>getAs("indicator_rows"),
        r.<Integer>getAs("value_cells"), r.<Integer>getAs("prose_targets"), r.<Integer>getAs("observations"),
        r.<Integer>getAs("quarantined_cells"), r.<Integer>getAs("findings"));
  }

  public static Row region(Region r) {
    return RowFactory.create(r.code(), r.name(), r.level(), r.parentCity(), r.province(), r.sourceFile());
  }

  public static Row indicator(Indicator i) {
    return RowFactory.create(i.id(), i.nameZh(), i.nameEn(), i.category(), emptyToNull(i.unit()), i.polarity().code(), i.kind().code(),
        String.join(";", i.aliases()), emptyToNull(i.note()));
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
