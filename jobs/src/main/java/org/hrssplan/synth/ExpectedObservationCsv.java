package org.hrssplan.synth;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hrssplan.model.Csv;

/** {@code expected_observations.csv}: the golden-row columns, UTF-8, header row, RFC 4180 quoting. */
final class ExpectedObservationCsv {
  private ExpectedObservationCsv() {}

  static SequenceWriter open(Writer out) throws IOException {
    CsvSchema.Builder b = CsvSchema.builder();
    ExpectedObservation.COLUMNS.forEach(b::addColumn);
    return Csv.mapper().writer(b.build().withHeader()).writeValues(out);
  }

  static void write(SequenceWriter w, List<ExpectedObservation> rows) throws IOException {
    for (ExpectedObservation r : rows) w.write(r.cells());
  }

  /** Rows as comparison keys ({@link ExpectedObservation#key}); a missing column is an error, not an empty value. */
  static List<String> readKeys(Reader in, String fileName) throws IOException {
    List<String> keys = new ArrayList<>();
    try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
        .with(CsvSchema.emptySchema().withHeader()).readValues(in)) {
      int line = 1;
      while (it.hasNext()) {
        line++;
        Map<String, String> r = it.next();
        List<String> cells = new ArrayList<>(ExpectedObservation.COLUMNS.size());
        for (String c : ExpectedObservation.COLUMNS) {
          String v = r.get(c);
          if (v == null) throw new IOException(fileName + " line " + line + ": column " + c + " is missing");
          cells.add(v);
        }
        keys.add(ExpectedObservation.key(cells));
      }
    }
    return keys;
  }
}
