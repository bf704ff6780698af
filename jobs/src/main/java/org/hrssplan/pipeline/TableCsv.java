package org.hrssplan.pipeline;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;

/**
 * A table as a CSV that Excel opens correctly: UTF-8 with a byte-order mark (so Chinese shows), a header row, RFC 4180
 * quoting, and text cells that begin with {@code = + - @} (or a tab / carriage return) prefixed with {@code '} so no
 * spreadsheet evaluates them as formulas (OWASP CSV injection). Numbers are written as numbers and never prefixed.
 */
public final class TableCsv {
  private TableCsv() {}

  public static long write(Dataset<Row> table, Path out) throws IOException {
    if (out.toAbsolutePath().getParent() != null) Files.createDirectories(out.toAbsolutePath().getParent());
    StructField[] fields = table.schema().fields();
    CsvSchema.Builder b = CsvSchema.builder();
    for (StructField f : fields) b.addColumn(f.name());
    CsvMapper mapper = org.hrssplan.model.Csv.mapper();
    Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
    long n = 0;
    try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      w.write('\uFEFF');
      try (SequenceWriter sw = mapper.writer(b.build().withHeader()).writeValues(w)) {
        Iterator<Row> it = table.toLocalIterator();
        while (it.hasNext()) {
          Row r = it.next();
          List<String> cells = new ArrayList<>(fields.length);
          for (int i = 0; i < fields.length; i++) {
            String v = r.isNullAt(i) ? "" : String.valueOf(r.get(i));
            cells.add(fields[i].dataType() instanceof StringType ? neutralize(v) : v);
          }
          sw.write(cells);
          n++;
        }
      }
    }
    Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    return n;
  }

  /** {@code =1+1} → {@code '=1+1}; other text unchanged. */
  public static String neutralize(String v) {
    if (v.isEmpty()) return v;
    char c = v.charAt(0);
    return (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') ? "'" + v : v;
  }
}
