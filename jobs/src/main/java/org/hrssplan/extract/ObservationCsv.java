package org.hrssplan.extract;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.hrssplan.model.ColumnType;
import org.hrssplan.model.Observation;
import org.hrssplan.model.ObservationColumn;

/**
 * The normalized dataset as CSV ({@code data/normalized/indicator_observations.csv}): UTF-8, header row,
 * RFC 4180 quoting (Jackson CSV), values as plain decimals, booleans as true/false, nulls as empty cells.
 * Rows in a stable order (file, line, id) so that the committed file diffs cleanly.
 */
public final class ObservationCsv {
  /** The header: the columns of {@link ObservationColumn}, in its order. */
  public static final List<String> COLUMNS = ObservationColumn.names();

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
    CsvMapper mapper = org.hrssplan.model.Csv.mapper();
    try (SequenceWriter w = mapper.writer(b.build().withHeader()).writeValues(out)) {
      while (observations.hasNext()) w.write(row(observations.next()));
    }
  }

  static List<String> row(Observation o) {
    List<String> r = new ArrayList<>(ObservationColumn.ALL.size());
    for (ObservationColumn c : ObservationColumn.ALL) r.add(c.type().format(c.of(o)));
    return r;
  }

  /** Shortest plain decimal that reads back as the same double: 2.5667, 95, 0.0001. */
  public static String plain(double v) {
    return ColumnType.plain(v);
  }
}
