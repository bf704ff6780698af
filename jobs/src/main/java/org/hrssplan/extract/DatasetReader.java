package org.hrssplan.extract;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hrssplan.catalog.IndicatorCatalog;
import org.hrssplan.document.DecodedText;
import org.hrssplan.document.DocumentDecoder;
import org.hrssplan.document.PlanDocument;
import org.hrssplan.document.RegionDirectory;
import org.hrssplan.document.UndecodableDocumentException;
import org.hrssplan.model.Code;
import org.hrssplan.model.DatasetCheck;
import org.hrssplan.model.Observation;
import org.hrssplan.model.ObservationColumn;
import org.hrssplan.model.QuarantineReason;
import org.hrssplan.model.SourceKind;

/**
 * A normalized dataset extracted elsewhere, as CSV in exactly the format of {@code indicator_observations.csv}
 * ({@link ObservationColumn}): read next to the plan documents, checked strictly, nothing dropped silently.
 * A file whose header lacks a column or has an extra one is rejected whole (its data would otherwise be lost or
 * misread); a row with more or fewer fields than the header, or that fails a check of {@link DatasetCheck#ROWS} (a value
 * of the wrong type, an empty required column, an unknown code, region or indicator, a repeated observation_id), is
 * quarantined with its line; every other row becomes an observation. The checks and their reasons are the Parquet
 * reader's ({@code pipeline.DatasetInput}).
 */
final class DatasetReader {
  private DatasetReader() {}

  static ExtractionResult read(String fileName, byte[] bytes, IndicatorCatalog catalog, RegionDirectory regions) {
    String sha = PlanDocument.sha256(bytes);
    DecodedText text;
    try {
      text = DocumentDecoder.decode(bytes);
    } catch (UndecodableDocumentException e) {
      return rejected(fileName, sha, e.line(), QuarantineReason.UNDECODABLE, fileName + ": " + e.getMessage());
    }
    String csv = text.text().startsWith("\uFEFF") ? text.text().substring(1) : text.text();
    List<List<String>> rows = new ArrayList<>();
    try (MappingIterator<List<String>> it = new CsvMapper().readerForListOf(String.class).with(CsvParser.Feature.WRAP_AS_ARRAY)
        .readValues(new StringReader(csv))) {
      while (it.hasNext()) rows.add(it.next());
    } catch (IOException | RuntimeException e) {
      return rejected(fileName, sha, 0, QuarantineReason.MALFORMED_CSV, fileName + ": not valid CSV: " + e.getMessage());
    }
    if (rows.isEmpty()) return rejected(fileName, sha, 0, QuarantineReason.EMPTY_DOCUMENT, fileName + ": the file is empty");
    List<String> header = rows.get(0);
    Optional<DatasetCheck.Problem> columns = DatasetCheck.columns(header);
    if (columns.isPresent()) {
      return rejected(fileName, sha, 1, columns.get().reason(), fileName + " line 1: header " + columns.get().words());
    }
    int[] position = new int[ObservationColumn.ALL.size()];
    for (ObservationColumn c : ObservationColumn.ALL) position[c.ordinal()] = header.indexOf(c.columnName());
    ExtractionSink sink = new ExtractionSink();
    Set<String> seen = new HashSet<>();
    for (int r = 1; r < rows.size(); r++) {
      List<String> row = rows.get(r);
      int line = r + 1;
      sink.valueCells++;
      String raw = String.join(",", row);
      if (row.size() != header.size()) {
        sink.quarantine(q(fileName, line, row.size() < header.size() ? QuarantineReason.ROW_TOO_FEW_CELLS : QuarantineReason.ROW_TOO_MANY_CELLS,
            fileName + " line " + line + ": " + row.size() + " fields, the header has " + header.size(), raw));
        continue;
      }
      String[] cells = new String[position.length];  // by column; null for an empty cell or a column the file lacks
      for (int c = 0; c < position.length; c++) {
        String v = position[c] < 0 ? "" : row.get(position[c]).strip();
        cells[c] = v.isEmpty() ? null : v;
      }
      // an id repeats when an earlier row of the file has it, whether or not that row was valid (as in DatasetInput)
      boolean firstOfItsId = cells[ObservationColumn.OBSERVATION_ID.ordinal()] == null || seen.add(cells[ObservationColumn.OBSERVATION_ID.ordinal()]);
      Optional<DatasetCheck> failed = DatasetCheck.ROWS.stream().filter(check -> !passes(check, cells, catalog, regions, firstOfItsId)).findFirst();
      if (failed.isPresent()) {
        sink.quarantine(q(fileName, line, failed.get().reason(),
            fileName + " line " + line + ": " + failed.get().words(cells[failed.get().column().ordinal()]), raw));
        continue;
      }
      Integer sourceLine = (Integer) ObservationColumn.SOURCE_LINE.type().parse(cells[ObservationColumn.SOURCE_LINE.ordinal()]);
      int at = sourceLine == null ? line : sourceLine;
      sink.observe(Observation.of(c -> switch (c) {
        // read from a dataset, wherever the row was read before; the file and line of the row when it names none
        case SOURCE_KIND -> SourceKind.DATASET.code();
        case SOURCE_FILE -> cells[c.ordinal()] == null ? fileName : cells[c.ordinal()];
        case SOURCE_LINE -> at;
        case SOURCE_LOCATOR -> cells[c.ordinal()] != null ? cells[c.ordinal()] : PlanDocument.lineLocator(at);
        default -> c.type().parse(cells[c.ordinal()]);
      }));
    }
    String region = sink.observations.stream().map(Observation::regionCode).distinct().count() == 1
        ? sink.observations.get(0).regionCode() : null;
    DocumentAccount account = new DocumentAccount(fileName, sha, text.encoding(), "dataset", region, null, "extracted", 0, 0,
        sink.valueCells, 0, sink.observations.size(), sink.quarantine.size(), 0);
    return new ExtractionResult(account, List.of(), sink.observations, sink.quarantine, List.of());
  }

  /** Whether a row's cells pass the check. */
  private static boolean passes(DatasetCheck check, String[] cells, IndicatorCatalog catalog, RegionDirectory regions, boolean firstOfItsId) {
    String v = cells[check.column().ordinal()];
    return switch (check.kind()) {
      case TYPE -> check.column().type().accepts(v);
      case NOT_EMPTY -> v != null;
      case CODE -> v == null || Code.isCode(check.column().codes().orElseThrow(), v);  // NULL: a NOT_EMPTY check's
      case KNOWN_REGION -> v != null && regions.byCode(v).isPresent();
      case KNOWN_INDICATOR -> v == null || catalog.byId(v).isPresent();
      case FIRST_OF_ITS_ID -> firstOfItsId;
    };
  }

  private static QuarantinedCell q(String file, int line, QuarantineReason reason, String words, String raw) {
    return new QuarantinedCell(file + ":L" + line, file, line, PlanDocument.lineLocator(line), "dataset_row", reason.code(), words, raw,
        null, null, null, null);
  }

  private static ExtractionResult rejected(String file, String sha, int line, QuarantineReason reason, String message) {
    QuarantinedCell q = new QuarantinedCell(file + ":document", file, line, PlanDocument.lineLocator(line), "document", reason.code(), message,
        null, null, null, null, null);
    return new ExtractionResult(new DocumentAccount(file, sha, null, "dataset", null, null, reason.code(), 0, 0, 0, 0, 0, 0, 0), List.of(),
        List.of(), List.of(q), List.of());
  }
}
