package org.hrssplan.extract;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.hrssplan.model.Observation;

/**
 * The normalized dataset as CSV ({@code data/normalized/indicator_observations.csv}): UTF-8, header row,
 * RFC 4180 quoting (Jackson CSV), values as plain decimals, booleans as true/false, nulls as empty cells.
 * Rows in a stable order (file, line, id) so that the committed file diffs cleanly.
 */
public final class ObservationCsv {
  public static final List<String> COLUMNS = List.of("observation_id", "region_code", "region_name", "plan_period", "indicator_id",
      "indicator_name_raw", "role", "year", "value_kind", "value", "unit", "value_raw", "unit_raw", "comparator", "is_cumulative",
      "is_annual", "attribute", "note", "source_kind", "source_file", "source_line", "source_locator", "source_table", "source_column",
      "quality_flags");
  /** Columns a dataset read as input may lack: derived when absent ({@code source_locator} = {@code L} + source_line). */
  public static final java.util.Set<String> OPTIONAL_COLUMNS = java.util.Set.of("source_locator");

  private ObservationCsv() {}

  /** The file's row order: source_file, source_line, observation_id (strings as {@link String#compareTo}). */
  public static final java.util.Comparator<Observation> ORDER = java.util.Comparator.comparing(Observation::sourceFile)
      .thenComparingInt(Observation::sourceLine).thenComparing(Observation::observationId);

  public static void write(List<Observation> observations, Writer out) throws IOException {
    List<Observation> sorted = new ArrayList<>(observations);
    sorted.sort(ORDER);
    writeOrdered(sorted.iterator(), out);
  }

  /**
   * Rows that come in {@link #ORDER} already, written as they come: nothing is held, so the pipeline streams a table
   * sorted by Spark (a list of 313,500 observations ran a 512 MiB heap out, {@code SmallHeapRunIT}).
   */
  public static void writeOrdered(java.util.Iterator<Observation> observations, Writer out) throws IOException {
    CsvSchema.Builder b = CsvSchema.builder();
    COLUMNS.forEach(b::addColumn);
    CsvMapper mapper = org.hrssplan.config.Csv.mapper();
    try (SequenceWriter w = mapper.writer(b.build().withHeader()).writeValues(out)) {
      while (observations.hasNext()) w.write(row(observations.next()));
    }
  }

  static List<String> row(Observation o) {
    List<String> r = new ArrayList<>(COLUMNS.size());
    r.add(o.observationId());
    r.add(s(o.regionCode()));
    r.add(s(o.regionName()));
    r.add(o.planPeriod());
    r.add(s(o.indicatorId()));
    r.add(s(o.indicatorNameRaw()));
    r.add(o.role());
    r.add(String.valueOf(o.year()));
    r.add(o.valueKind());
    r.add(o.value() == null ? "" : plain(o.value()));
    r.add(s(o.unit()));
    r.add(s(o.valueRaw()));
    r.add(s(o.unitRaw()));
    r.add(s(o.comparator()));
    r.add(String.valueOf(o.cumulative()));
    r.add(String.valueOf(o.annual()));
    r.add(s(o.attribute()));
    r.add(s(o.note()));
    r.add(o.sourceKind());
    r.add(o.sourceFile());
    r.add(String.valueOf(o.sourceLine()));
    r.add(s(o.sourceLocator()));
    r.add(s(o.sourceTable()));
    r.add(s(o.sourceColumn()));
    r.add(s(o.qualityFlags()));
    return r;
  }

  /** Shortest plain decimal that reads back as the same double: 2.5667, 95, 0.0001. */
  public static String plain(double v) {
    return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
  }

  private static String s(String v) {
    return v == null ? "" : v;
  }
}
