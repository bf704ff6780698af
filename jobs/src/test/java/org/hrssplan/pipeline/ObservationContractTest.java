package org.hrssplan.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.StringWriter;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructField;
import org.hrssplan.extract.ExtractionResult;
import org.hrssplan.extract.ObservationCsv;
import org.hrssplan.model.ColumnType;
import org.hrssplan.model.DatasetCheck;
import org.hrssplan.model.Observation;
import org.hrssplan.model.ObservationColumn;
import org.hrssplan.model.SourceKind;
import org.hrssplan.testing.TestFixtures;
import org.junit.jupiter.api.Test;
import org.hrssplan.tables.Rows;
import org.hrssplan.tables.Schemas;

/**
 * The observation contract ({@link ObservationColumn}) and everything derived from it agree: the record, the Spark schema,
 * the CSV header, the committed schema doc and normalized CSV, and the dataset readers' checks.
 */
class ObservationContractTest {
  /** What the record holds a column of each type as (int and boolean columns are never NULL in a record). */
  private static final Map<ColumnType, Class<?>> RECORD_TYPES = Map.of(ColumnType.STRING, String.class, ColumnType.INT, int.class,
      ColumnType.DOUBLE, Double.class, ColumnType.BOOLEAN, boolean.class);

  @Test
  void theRecordHoldsTheContractsColumnsInItsOrder() {
    RecordComponent[] components = Observation.class.getRecordComponents();
    assertEquals(ObservationColumn.ALL.size(), components.length, "one record component per column");
    for (ObservationColumn c : ObservationColumn.ALL) {
      RecordComponent rc = components[c.ordinal()];
      // observation_id ↔ observationId; is_cumulative ↔ cumulative
      String camel = camel(c.columnName().replaceFirst("^is_", ""));
      assertEquals(camel, rc.getName(), "component " + c.ordinal() + " is column " + c.columnName());
      assertEquals(RECORD_TYPES.get(c.type()), rc.getType(), c.columnName() + " is a " + c.type());
    }
  }

  @Test
  void theSparkSchemaIsTheContract() {
    StructField[] fields = Schemas.OBSERVATION.fields();
    assertEquals(ObservationColumn.names(), List.of(Schemas.OBSERVATION.fieldNames()));
    for (ObservationColumn c : ObservationColumn.ALL) {
      StructField f = fields[c.ordinal()];
      assertEquals(c.type().sqlName(), f.dataType().simpleString(), c.columnName());
      assertEquals(Schemas.type(c.type()), f.dataType(), c.columnName());
      assertEquals(c.comment(), f.getComment().get(), c.columnName());
      assertTrue(f.nullable(), "the published table's columns are all nullable: " + c.columnName());
    }
  }

  @Test
  void theCsvHeaderAndTheCommittedFilesAreTheContract() throws Exception {
    StringWriter csv = new StringWriter();
    ObservationCsv.write(List.of(), csv);
    assertEquals(String.join(",", ObservationColumn.names()), csv.toString().strip(), "the header ObservationCsv writes");
    assertEquals(ObservationColumn.names(), ObservationCsv.COLUMNS);
    String committed = Files.readString(TestFixtures.repoRoot().resolve("data/normalized/indicator_observations.csv"));
    assertEquals(String.join(",", ObservationColumn.names()), committed.lines().findFirst().orElseThrow(),
        "the header of the committed indicator_observations.csv");

    JsonNode doc = new ObjectMapper().readTree(TestFixtures.repoRoot().resolve("data/normalized/indicator_observations.schema.json").toFile());
    JsonNode columns = doc.get("columns");
    assertEquals(ObservationColumn.ALL.size(), columns.size());
    for (ObservationColumn c : ObservationColumn.ALL) {
      JsonNode j = columns.get(c.ordinal());
      assertEquals(c.columnName(), j.get("name").asText());
      assertEquals(c.type().sqlName(), j.get("type").asText(), c.columnName());
      assertEquals(c.nullable(), j.get("nullable").asBoolean(), c.columnName());
      assertEquals(c.comment(), j.get("description").asText(), c.columnName());
    }
    assertEquals(ObservationColumn.OBSERVATION_ID.columnName(), doc.get("primary_key").get(0).asText());
  }

  @Test
  void bothReadersCheckEveryNotNullAndEveryCodedColumn() {
    for (ObservationColumn c : ObservationColumn.ALL) {
      boolean notEmpty = DatasetCheck.ROWS.stream().anyMatch(k -> k.kind() == DatasetCheck.Kind.NOT_EMPTY && k.column() == c);
      assertEquals(!c.nullable(), notEmpty, c.columnName());
      boolean coded = DatasetCheck.ROWS.stream().anyMatch(k -> k.kind() == DatasetCheck.Kind.CODE && k.column() == c);
      assertEquals(c.codes().isPresent(), coded, c.columnName());
      boolean typed = DatasetCheck.ROWS.stream().anyMatch(k -> k.kind() == DatasetCheck.Kind.TYPE && k.column() == c);
      assertEquals(c.type() != ColumnType.STRING, typed, c.columnName());
    }
  }

  /**
   * The committed normalized CSV, read back as a dataset: every row is an observation, and written again (CSV) and
   * through a Spark row and back, it is the same, but for source_kind (read from a dataset).
   */
  @Test
  void theNormalizedCsvReadsBackAsItWasWritten() throws Exception {
    byte[] committed = Files.readAllBytes(TestFixtures.repoRoot().resolve("data/normalized/indicator_observations.csv"));
    ExtractionResult r = TestFixtures.extractor().extract("indicator_observations.csv", committed);
    assertEquals(List.of(), r.quarantined());
    assertEquals(578, r.observations().size());
    for (Observation o : r.observations()) {
      assertEquals(o, Rows.toObservation(new GenericRowWithSchema(rowValues(o), Schemas.OBSERVATION)), o.observationId());
    }
    StringWriter again = new StringWriter();
    ObservationCsv.write(r.observations(), again);
    List<List<String>> expected = cells(new String(committed, java.nio.charset.StandardCharsets.UTF_8));
    int kind = ObservationColumn.SOURCE_KIND.ordinal();
    for (List<String> row : expected.subList(1, expected.size())) row.set(kind, SourceKind.DATASET.code());
    assertEquals(expected, cells(again.toString()));
  }

  private static Object[] rowValues(Observation o) {
    org.apache.spark.sql.Row row = Rows.observation(o);
    Object[] values = new Object[row.size()];
    for (int i = 0; i < values.length; i++) values[i] = row.get(i);
    return values;
  }

  private static List<List<String>> cells(String csv) throws Exception {
    List<List<String>> rows = new ArrayList<>();
    try (var it = new CsvMapper().readerForListOf(String.class).with(CsvParser.Feature.WRAP_AS_ARRAY).<List<String>>readValues(csv)) {
      while (it.hasNext()) rows.add(new ArrayList<>(it.next()));
    }
    return rows;
  }

  private static String camel(String snake) {
    StringBuilder b = new StringBuilder();
    boolean up = false;
    for (char ch : snake.toCharArray()) {
      if (ch == '_') {
        up = true;
      } else {
        b.append(up ? Character.toUpperCase(ch) : ch);
        up = false;
      }
    }
    return b.toString();
  }
}
