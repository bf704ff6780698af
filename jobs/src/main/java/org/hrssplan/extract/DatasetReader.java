package org.hrssplan.extract;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hrssplan.catalog.IndicatorCatalog;
import org.hrssplan.document.DecodedText;
import org.hrssplan.document.DocumentDecoder;
import org.hrssplan.document.PlanDocument;
import org.hrssplan.document.RegionDirectory;
import org.hrssplan.document.UndecodableDocumentException;
import org.hrssplan.model.Observation;

/**
 * A normalized dataset extracted elsewhere, as CSV in exactly the format of {@code indicator_observations.csv}
 * ({@link ObservationCsv#COLUMNS}): read next to the plan documents, checked strictly, nothing dropped silently.
 * A file whose header lacks a column or has an extra one is rejected whole (its data would otherwise be lost or
 * misread); a row with a value of the wrong type, an unknown region or indicator, or a repeated observation_id is
 * quarantined with its line; every other row becomes an observation.
 */
final class DatasetReader {
  private static final Set<String> ROLES = Set.of("base", "target", "actual");
  private static final Set<String> KINDS = Set.of("number", "ratio", "qualitative", "missing");

  private DatasetReader() {}

  static ExtractionResult read(String fileName, byte[] bytes, IndicatorCatalog catalog, RegionDirectory regions) {
    String sha = PlanDocument.sha256(bytes);
    DecodedText text;
    try {
      text = DocumentDecoder.decode(bytes);
    } catch (UndecodableDocumentException e) {
      return rejected(fileName, sha, e.line(), "undecodable", fileName + ": " + e.getMessage());
    }
    String csv = text.text().startsWith("\uFEFF") ? text.text().substring(1) : text.text();
    List<List<String>> rows = new ArrayList<>();
    try (MappingIterator<List<String>> it = new CsvMapper().readerForListOf(String.class).with(CsvParser.Feature.WRAP_AS_ARRAY)
        .readValues(new StringReader(csv))) {
      while (it.hasNext()) rows.add(it.next());
    } catch (IOException | RuntimeException e) {
      return rejected(fileName, sha, 0, "malformed_csv", fileName + ": not valid CSV: " + e.getMessage());
    }
    if (rows.isEmpty()) return rejected(fileName, sha, 0, "empty_document", fileName + ": the file is empty");
    List<String> header = rows.get(0);
    Set<String> missing = new LinkedHashSet<>(ObservationCsv.COLUMNS);
    header.forEach(missing::remove);
    missing.removeAll(ObservationCsv.OPTIONAL_COLUMNS);
    Set<String> extra = new LinkedHashSet<>(header);
    ObservationCsv.COLUMNS.forEach(extra::remove);
    if (!missing.isEmpty() || !extra.isEmpty()) {
      return rejected(fileName, sha, 1, missing.isEmpty() ? "dataset_unexpected_columns" : "dataset_missing_columns",
          fileName + " line 1: header " + (missing.isEmpty() ? "" : "lacks " + missing) + (missing.isEmpty() || extra.isEmpty() ? "" : " and ")
              + (extra.isEmpty() ? "" : "has columns the format does not know " + extra) + "; the file is not read");
    }
    ExtractionSink sink = new ExtractionSink();
    Set<String> seen = new HashSet<>();
    for (int r = 1; r < rows.size(); r++) {
      List<String> row = rows.get(r);
      int line = r + 1;
      sink.valueCells++;
      String raw = String.join(",", row);
      if (row.size() != header.size()) {
        sink.quarantine(q(fileName, line, "row_too_few_cells", fileName + " line " + line + ": " + row.size() + " fields, the header has "
            + header.size(), raw));
        continue;
      }
      java.util.function.Function<String, String> f = c -> {
        if (header.indexOf(c) < 0) return null; // an optional column (source_locator) the file does not have
        String v = row.get(header.indexOf(c)).strip();
        return v.isEmpty() ? null : v;
      };
      String problem = null;
      Integer year = integer(f.apply("year"));
      Integer sourceLine = integer(f.apply("source_line"));
      Double value = f.apply("value") == null ? null : number(f.apply("value"));
      if (f.apply("observation_id") == null) problem = "observation_id is empty";
      else if (year == null) problem = "year '" + f.apply("year") + "' is not a whole number";
      else if (f.apply("value") != null && value == null) problem = "value '" + f.apply("value") + "' is not a number";
      else if (f.apply("source_line") != null && sourceLine == null) problem = "source_line '" + f.apply("source_line") + "' is not a whole number";
      else if (!ROLES.contains(String.valueOf(f.apply("role")))) problem = "role '" + f.apply("role") + "' is not base, target or actual";
      else if (!KINDS.contains(String.valueOf(f.apply("value_kind")))) problem = "value_kind '" + f.apply("value_kind") + "' is unknown";
      else if (!bool(f.apply("is_cumulative")) || !bool(f.apply("is_annual"))) problem = "is_cumulative / is_annual must be true or false";
      else if (f.apply("region_code") == null || regions.byCode(f.apply("region_code")).isEmpty()) {
        problem = "region_code '" + f.apply("region_code") + "' is not in regions.csv";
      } else if (f.apply("indicator_id") != null && catalog.byId(f.apply("indicator_id")).isEmpty()) {
        problem = "indicator_id '" + f.apply("indicator_id") + "' is not in the catalog";
      } else if (!seen.add(f.apply("observation_id"))) problem = "observation_id '" + f.apply("observation_id") + "' repeats an earlier row";
      if (problem != null) {
        sink.quarantine(q(fileName, line, problem.startsWith("observation_id '") ? "duplicate_row" : "dataset_invalid_value",
            fileName + " line " + line + ": " + problem, raw));
        continue;
      }
      sink.observe(new Observation(f.apply("observation_id"), f.apply("region_code"), f.apply("region_name"), f.apply("plan_period"),
          f.apply("indicator_id"), f.apply("indicator_name_raw"), f.apply("role"), year, f.apply("value_kind"), value, f.apply("unit"),
          f.apply("value_raw"), f.apply("unit_raw"), f.apply("comparator"), Boolean.parseBoolean(f.apply("is_cumulative")),
          Boolean.parseBoolean(f.apply("is_annual")), f.apply("attribute"), f.apply("note"), "dataset",
          f.apply("source_file") == null ? fileName : f.apply("source_file"), sourceLine == null ? line : sourceLine,
          f.apply("source_locator") != null ? f.apply("source_locator") : PlanDocument.lineLocator(sourceLine == null ? line : sourceLine),
          f.apply("source_table"), f.apply("source_column"), f.apply("quality_flags") == null ? "" : f.apply("quality_flags")));
    }
    String region = sink.observations.stream().map(Observation::regionCode).distinct().count() == 1
        ? sink.observations.get(0).regionCode() : null;
    DocumentAccount account = new DocumentAccount(fileName, sha, text.encoding(), "dataset", region, null, "extracted", 0, 0,
        sink.valueCells, 0, sink.observations.size(), sink.quarantine.size(), 0);
    return new ExtractionResult(account, List.of(), sink.observations, sink.quarantine, List.of());
  }

  private static QuarantinedCell q(String file, int line, String code, String reason, String raw) {
    return new QuarantinedCell(file + ":L" + line, file, line, PlanDocument.lineLocator(line), "dataset_row", code, reason, raw, null, null, null, null);
  }

  private static ExtractionResult rejected(String file, String sha, int line, String code, String message) {
    QuarantinedCell q = new QuarantinedCell(file + ":document", file, line, PlanDocument.lineLocator(line), "document", code, message, null, null, null, null, null);
    return new ExtractionResult(new DocumentAccount(file, sha, null, "dataset", null, null, code, 0, 0, 0, 0, 0, 0, 0), List.of(), List.of(),
        List.of(q), List.of());
  }

  private static Integer integer(String s) {
    if (s == null) return null;
    try {
      return Integer.valueOf(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Double number(String s) {
    try {
      double d = Double.parseDouble(s);
      return Double.isFinite(d) && s.matches("[-+]?[0-9.eE+-]+") ? d : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean bool(String s) {
    return "true".equals(s) || "false".equals(s);
  }
}
