package org.hrssplan.extract;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hrssplan.model.Csv;

/**
 * One value cell of a document's indicator table as a person read it: a row of a hand-written
 * {@code NAME.expected.csv} beside the document (columns
 * {@code region,plan_period,indicator_raw,role,value,comparator,cumulative,ratio_parts,missing[,annual]}; format in
 * docs/reading-inputs.md#measuring-the-reader-on-your-own-plans-hrss-eval).
 *
 * @param line the CSV line the cell is written on (the header is line 1; a row is one line)
 * @param role {@code base}, {@code target} or {@code actual}
 * @param value the number without unit or comparator; null for a text, missing or several-number cell
 * @param comparator {@code <=, <, >=, >, ~}; null for {@code =} or none
 * @param annual null when the file has no {@code annual} column
 */
public record ExpectedCell(
    int line,
    String region,
    String planPeriod,
    String indicatorRaw,
    String role,
    int year,
    Double value,
    String comparator,
    boolean cumulative,
    String ratioParts,
    boolean missing,
    Boolean annual) {

  private static final Pattern ROLE = Pattern.compile("(base|target|actual)_(\\d{4})");

  /** Whether the cell holds one number: the cells a reader is measured on. */
  public boolean numeric() {
    return value != null;
  }

  /** The rows of an expected-cells CSV; a malformed row is an {@link IllegalArgumentException} naming its line. */
  public static List<ExpectedCell> read(Reader in, String name) throws IOException {
    List<ExpectedCell> cells = new ArrayList<>();
    CsvSchema header = CsvSchema.emptySchema().withHeader();
    try (MappingIterator<Map<String, String>> rows = Csv.mapper().readerForMapOf(String.class).with(header).readValues(in)) {
      int line = 1;
      while (rows.hasNext()) {
        Map<String, String> r = rows.next();
        line++;
        Matcher role = ROLE.matcher(field(r, "role", name, line));
        if (!role.matches()) {
          throw new IllegalArgumentException(name + " line " + line + ": role '" + r.get("role") + "' is not base_YYYY, target_YYYY or actual_YYYY");
        }
        String v = r.getOrDefault("value", "").strip();
        Double value;
        try {
          value = v.isEmpty() ? null : Double.valueOf(v);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(name + " line " + line + ": value '" + v + "' is not a number");
        }
        String cmp = r.getOrDefault("comparator", "").strip();
        String annual = r.get("annual");
        cells.add(new ExpectedCell(line, field(r, "region", name, line), field(r, "plan_period", name, line),
            field(r, "indicator_raw", name, line), role.group(1), Integer.parseInt(role.group(2)), value,
            cmp.isEmpty() || cmp.equals("=") ? null : cmp, truth(r.get("cumulative")), blankToNull(r.get("ratio_parts")),
            truth(r.get("missing")), annual == null ? null : truth(annual)));
      }
    }
    return cells;
  }

  private static String field(Map<String, String> r, String column, String name, int line) {
    String v = r.get(column);
    if (v == null || v.isBlank()) throw new IllegalArgumentException(name + " line " + line + ": no " + column);
    return v.strip();
  }

  private static boolean truth(String s) {
    return s != null && s.strip().equalsIgnoreCase("true");
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
