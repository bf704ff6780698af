package org.hrssplan.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.hrssplan.extract.ExtractionResult;
import org.hrssplan.extract.QuarantinedCell;
import org.hrssplan.model.ObservationColumn;
import org.hrssplan.model.QuarantineReason;
import org.hrssplan.testing.SharedSpark;
import org.hrssplan.testing.TestFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.hrssplan.tables.Rows;
import org.hrssplan.tables.Schemas;

/**
 * The same defect gets the same reason, whichever reader meets it: a .csv dataset read next to the plans (by
 * {@code hrss extract} and by the run's extraction on Spark, both through {@code extract.DatasetReader}) and a Parquet
 * dataset ({@link DatasetInput}).
 */
class DatasetReadersAgreeTest {
  private static final SparkSession spark = SharedSpark.get();

  /** A valid row, as CSV cells, with one cell changed. */
  private static Map<ObservationColumn, String> row(String id, ObservationColumn changed, String to) {
    Map<ObservationColumn, String> r = new EnumMap<>(ObservationColumn.class);
    for (ObservationColumn c : ObservationColumn.ALL) r.put(c, "");
    r.put(ObservationColumn.OBSERVATION_ID, id);
    r.put(ObservationColumn.REGION_CODE, "510524");
    r.put(ObservationColumn.REGION_NAME, "叙永县");
    r.put(ObservationColumn.PLAN_PERIOD, "13th");
    r.put(ObservationColumn.INDICATOR_ID, "unemployment_insurance_insured");
    r.put(ObservationColumn.INDICATOR_NAME_RAW, "失业保险参保人数");
    r.put(ObservationColumn.ROLE, "base");
    r.put(ObservationColumn.YEAR, "2015");
    r.put(ObservationColumn.VALUE_KIND, "number");
    r.put(ObservationColumn.VALUE, "1.81");
    r.put(ObservationColumn.UNIT, "万人");
    r.put(ObservationColumn.VALUE_RAW, "1.81");
    r.put(ObservationColumn.IS_CUMULATIVE, "false");
    r.put(ObservationColumn.IS_ANNUAL, "false");
    r.put(ObservationColumn.SOURCE_KIND, "table");
    r.put(ObservationColumn.SOURCE_FILE, "001_2751235d0c90732c.txt");
    r.put(ObservationColumn.SOURCE_LINE, "16");
    r.put(ObservationColumn.SOURCE_TABLE, "专栏1");
    if (changed != null) r.put(changed, to);
    return r;
  }

  private static String csvLine(Map<ObservationColumn, String> r) {
    return String.join(",", r.values());
  }

  /** The rows with a defect a Parquet file can have too, and the reason and words each must get. */
  private static final Map<String, List<String>> DEFECTS = new LinkedHashMap<>();

  static {
    DEFECTS.put("year", List.of("dataset_invalid_value", "year '20x' is not a whole number"));
    DEFECTS.put("value", List.of("dataset_invalid_value", "value 'abc' is not a number"));
    DEFECTS.put("plan_period", List.of("dataset_invalid_value", "plan_period is empty"));
    DEFECTS.put("role", List.of("dataset_invalid_value", "role 'goal' is not base, target or actual"));
    DEFECTS.put("value_kind", List.of("dataset_invalid_value", "value_kind 'amount' is not number, ratio, change, range, qualitative or missing"));
    DEFECTS.put("region_code", List.of("dataset_invalid_value", "region_code '999999' is not in regions.csv"));
    DEFECTS.put("indicator_id", List.of("dataset_invalid_value", "indicator_id 'no_such_indicator' is not in the catalog"));
    DEFECTS.put("repeat", List.of("duplicate_row", "observation_id 'a' repeats an earlier row"));
  }

  private static List<Map<ObservationColumn, String>> defectiveRows() {
    return List.of(
        row("b", ObservationColumn.YEAR, "20x"),
        row("c", ObservationColumn.VALUE, "abc"),
        row("d", ObservationColumn.PLAN_PERIOD, ""),
        row("e", ObservationColumn.ROLE, "goal"),
        row("f", ObservationColumn.VALUE_KIND, "amount"),
        row("g", ObservationColumn.REGION_CODE, "999999"),
        row("h", ObservationColumn.INDICATOR_ID, "no_such_indicator"),
        row("a", ObservationColumn.ROLE, "target"));
  }

  @Test
  void aCsvRowWithTooManyOrTooFewFieldsGetsItsOwnReasonInTheExtractAndTheRun(@TempDir Path tmp) throws Exception {
    String csv = String.join(",", ObservationColumn.names()) + "\n"
        + csvLine(row("a", null, null)) + "\n"                    // line 2: read
        + csvLine(row("x", null, null)) + ",one more\n"           // line 3: a field more than the header
        + csvLine(row("y", null, null)).replaceFirst(",$", "") + "\n";  // line 4: a field fewer
    Path dir = Files.createDirectories(tmp.resolve("plans"));
    Files.writeString(dir.resolve("ds.csv"), csv);
    Map<Integer, String> expected = Map.of(3, "row_too_many_cells", 4, "row_too_few_cells");

    // hrss extract: PlanExtractor → DatasetReader
    ExtractionResult r = TestFixtures.extractor().extract("ds.csv", csv.getBytes(StandardCharsets.UTF_8));
    assertEquals(1, r.observations().size());
    Map<Integer, String> extract = new TreeMap<>();
    for (QuarantinedCell q : r.quarantined()) extract.put(q.sourceLine(), q.reasonCode());
    assertEquals(expected, extract);
    assertEquals(QuarantineReason.ROW_TOO_MANY_CELLS.code(), extract.get(3));

    // hrss run: the same file among the plans, extracted on Spark
    Dataset<Row> extraction = DocumentExtraction.extract(spark,
        DocumentExtraction.planFiles(spark.sparkContext().hadoopConfiguration(), org.hrssplan.config.Location.local(dir)), TestFixtures.extractor());
    Map<Integer, String> run = new TreeMap<>();
    for (Row q : DocumentExtraction.quarantine(extraction).collectAsList()) {
      run.put(q.getInt(q.fieldIndex("source_line")), q.getString(q.fieldIndex("reason_code")));
    }
    assertEquals(expected, run);
    assertEquals(1L, DocumentExtraction.observations(extraction).count());
  }

  @Test
  void theSameDefectGetsTheSameReasonAndWordsFromTheCsvAndTheParquetReader(@TempDir Path tmp) throws Exception {
    List<Map<ObservationColumn, String>> rows = new ArrayList<>();
    rows.add(row("a", null, null));
    rows.addAll(defectiveRows());
    List<List<String>> expected = new ArrayList<>(DEFECTS.values());

    // CSV: line 2 is the valid row, the defects from line 3
    StringBuilder csv = new StringBuilder(String.join(",", ObservationColumn.names())).append('\n');
    for (Map<ObservationColumn, String> r : rows) csv.append(csvLine(r)).append('\n');
    ExtractionResult fromCsv = TestFixtures.extractor().extract("ds.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
    List<List<String>> csvReasons = new ArrayList<>();
    for (QuarantinedCell q : fromCsv.quarantined()) {
      csvReasons.add(List.of(q.reasonCode(), q.reason().substring(q.reason().indexOf(": ") + 2)));
    }
    assertEquals(expected, csvReasons);
    assertEquals(1, fromCsv.observations().size());

    // Parquet: the same rows, every column as text (cast to the format's type by the reader); row 1 the valid one
    List<Row> parquetRows = new ArrayList<>();
    for (Map<ObservationColumn, String> r : rows) parquetRows.add(RowFactory.create(r.values().stream().map(v -> v.isEmpty() ? null : v).toArray()));
    StructType text = new StructType();
    for (String name : ObservationColumn.names()) text = text.add(name, "string");
    String parquet = tmp.resolve("ds").toString();
    spark.createDataFrame(parquetRows, text).repartition(1).write().parquet(parquet);
    DatasetInput in = DatasetInput.read(spark, DatasetInput.files(spark.sparkContext().hadoopConfiguration(), parquet),
        regionCodes(), indicatorIds());
    Map<Integer, List<String>> byRow = new TreeMap<>();
    for (Row q : in.quarantine(spark, true).collectAsList()) {
      String reason = q.getString(q.fieldIndex("reason"));
      byRow.put(q.getInt(q.fieldIndex("source_line")), List.of(q.getString(q.fieldIndex("reason_code")), reason.substring(reason.indexOf("): ") + 3)));
    }
    assertEquals(expected, new ArrayList<>(byRow.values()));
    assertEquals(1L, in.observations(spark).count());
    in.release();
  }

  @Test
  void aFileWithAColumnTooManyOrTooFewIsRejectedWholeByBothReaders(@TempDir Path tmp) throws Exception {
    String header = String.join(",", ObservationColumn.names());
    String line = csvLine(row("a", null, null));
    String extra = header + ",remark\n" + line + ",x\n";
    String missing = header.replace(",unit,", ",") + "\n" + line.replace(",万人,", ",") + "\n";
    assertEquals(List.of("dataset_unexpected_columns", "header has columns the format does not know [remark]; the file is not read"),
        csvRejection(extra));
    assertEquals(List.of("dataset_missing_columns", "header lacks [unit]; the file is not read"), csvRejection(missing));

    Dataset<Row> good = spark.read().option("header", "true").csv(Files.writeString(tmp.resolve("good.csv"), header + "\n" + line + "\n").toString());
    good.withColumn("remark", org.apache.spark.sql.functions.lit("x")).write().parquet(tmp.resolve("extra").toString());
    good.drop("unit").write().parquet(tmp.resolve("missing").toString());
    assertEquals(List.of("dataset_unexpected_columns", "has columns the format does not know [remark]; the file is not read"),
        parquetRejection(tmp.resolve("extra")));
    assertEquals(List.of("dataset_missing_columns", "lacks [unit]; the file is not read"), parquetRejection(tmp.resolve("missing")));
  }

  private static List<String> csvRejection(String csv) {
    QuarantinedCell q = TestFixtures.extractor().extract("ds.csv", csv.getBytes(StandardCharsets.UTF_8)).quarantined().get(0);
    return List.of(q.reasonCode(), q.reason().substring(q.reason().indexOf("line 1: ") + "line 1: ".length()));
  }

  private static List<String> parquetRejection(Path dir) throws Exception {
    DatasetInput in = DatasetInput.read(spark, DatasetInput.files(spark.sparkContext().hadoopConfiguration(), dir.toString()),
        regionCodes(), indicatorIds());
    Row q = in.quarantine(spark, false).collectAsList().get(0);
    String reason = q.getString(q.fieldIndex("reason"));
    return List.of(q.getString(q.fieldIndex("reason_code")), reason.substring(reason.indexOf(": ") + 2));
  }

  private static Dataset<Row> regionCodes() {
    return spark.createDataFrame(TestFixtures.regions().regions().stream().map(Rows::region).toList(), Schemas.REGION).select("region_code");
  }

  private static Dataset<Row> indicatorIds() {
    return spark.createDataFrame(TestFixtures.catalog().indicators().stream().map(Rows::indicator).toList(), Schemas.INDICATOR)
        .select("indicator_id");
  }
}
