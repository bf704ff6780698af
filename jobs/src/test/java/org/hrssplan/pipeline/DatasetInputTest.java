package org.hrssplan.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.hrssplan.model.ObservationColumn;
import org.hrssplan.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.hrssplan.tables.Schemas;

/**
 * Parquet normalized datasets: every row lands in fct_observation or in dq_quarantine with a reason naming the file
 * and row; a file with the wrong columns is rejected whole; each file's account balances.
 */
class DatasetInputTest {
  private static final SparkSession spark = SharedSpark.get();

  /** A valid row of the fixture, by column; the tests change one field at a time. */
  private static Map<ObservationColumn, Object> row(String id, String region, String indicator, String role, Integer year, Double value) {
    Map<ObservationColumn, Object> r = new EnumMap<>(ObservationColumn.class);
    r.put(ObservationColumn.OBSERVATION_ID, id);
    r.put(ObservationColumn.REGION_CODE, region);
    r.put(ObservationColumn.REGION_NAME, "达川区");
    r.put(ObservationColumn.PLAN_PERIOD, "13th");
    r.put(ObservationColumn.INDICATOR_ID, indicator);
    r.put(ObservationColumn.INDICATOR_NAME_RAW, "失业保险参保人数");
    r.put(ObservationColumn.ROLE, role);
    r.put(ObservationColumn.YEAR, year);
    r.put(ObservationColumn.VALUE_KIND, "number");
    r.put(ObservationColumn.VALUE, value);
    r.put(ObservationColumn.UNIT, "万人");
    r.put(ObservationColumn.VALUE_RAW, String.valueOf(value));
    r.put(ObservationColumn.UNIT_RAW, "万人");
    r.put(ObservationColumn.IS_CUMULATIVE, false);
    r.put(ObservationColumn.IS_ANNUAL, false);
    r.put(ObservationColumn.ATTRIBUTE, "anticipatory");
    r.put(ObservationColumn.SOURCE_KIND, "table");
    r.put(ObservationColumn.SOURCE_FILE, "up.txt");
    r.put(ObservationColumn.SOURCE_LINE, 7);
    r.put(ObservationColumn.SOURCE_TABLE, "表1");
    r.put(ObservationColumn.SOURCE_COLUMN, "2020年");
    r.put(ObservationColumn.QUALITY_FLAGS, "");
    return r;
  }

  /** Written as datasets made before source_locator existed: the column is optional and derived from source_line. */
  private static String write(Path dir, String name, List<Map<ObservationColumn, Object>> rows) {
    List<ObservationColumn> written = ObservationColumn.ALL.stream().filter(c -> !c.optionalOnInput()).toList();
    List<Row> r = new ArrayList<>();
    for (Map<ObservationColumn, Object> o : rows) r.add(RowFactory.create(written.stream().map(o::get).toArray()));
    String out = dir.resolve(name).toString();
    org.apache.spark.sql.types.StructType withoutLocator = new org.apache.spark.sql.types.StructType(
        written.stream().map(c -> Schemas.OBSERVATION.apply(c.columnName())).toArray(org.apache.spark.sql.types.StructField[]::new));
    spark.createDataFrame(r, withoutLocator).repartition(1).write().parquet(out);
    return out;
  }

  private static DatasetInput read(String... locations) throws Exception {
    List<String> files = new ArrayList<>();
    for (String l : locations) files.addAll(DatasetInput.files(spark.sparkContext().hadoopConfiguration(), l));
    Dataset<Row> regions = spark.createDataFrame(List.of(RowFactory.create("511703")), new org.apache.spark.sql.types.StructType()
        .add("region_code", "string"));
    Dataset<Row> indicators = spark.createDataFrame(List.of(RowFactory.create("unemployment_insured")),
        new org.apache.spark.sql.types.StructType().add("indicator_id", "string"));
    return DatasetInput.read(spark, files, regions, indicators);
  }

  @Test
  void validRowsAreObservationsAndEveryBadRowIsQuarantinedWithFileRowAndReason(@TempDir Path tmp) throws Exception {
    String ds = write(tmp, "ds", List.of(
        row("a", "511703", "unemployment_insured", "base", 2015, 2.1),
        row("b", "511703", "unemployment_insured", "actual", 2020, 1.08),
        row("a", "511703", "unemployment_insured", "target", 2020, 2.5),     // row 3: repeats a's id
        row("c", "999999", "unemployment_insured", "target", 2020, 2.5),     // row 4: unknown region
        row("d", "511703", "no_such_indicator", "target", 2020, 2.5),        // row 5: unknown indicator
        row("e", "511703", "unemployment_insured", "goal", 2020, 2.5),       // row 6: unknown role
        row("f", "511703", null, "target", 2020, 2.5)));                     // row 7: label the catalog lacks: kept
    DatasetInput in = read(ds);
    List<String> ids = in.observations(spark).orderBy("observation_id").select("observation_id").as(org.apache.spark.sql.Encoders.STRING())
        .collectAsList();
    assertEquals(List.of("a", "b", "f"), ids);
    assertEquals(List.of("L7"), in.observations(spark).select("source_locator").distinct().as(org.apache.spark.sql.Encoders.STRING())
        .collectAsList(), "a dataset without source_locator gets it from source_line");
    Map<Integer, String> quarantined = new TreeMap<>();
    for (Row q : in.quarantine(spark, true).collectAsList()) {
      quarantined.put(q.getInt(q.fieldIndex("source_line")), q.getString(q.fieldIndex("reason_code")) + " | " + q.getString(q.fieldIndex("reason")));
    }
    assertEquals(4, quarantined.size(), quarantined.toString());
    assertTrue(quarantined.get(3).startsWith("duplicate_row | "), quarantined.get(3));
    assertTrue(quarantined.get(3).contains(" row 3 ") && quarantined.get(3).contains("observation_id 'a' repeats an earlier row"), quarantined.get(3));
    assertTrue(quarantined.get(4).contains("region_code '999999' is not in regions.csv"), quarantined.get(4));
    assertTrue(quarantined.get(5).contains("indicator_id 'no_such_indicator' is not in the catalog"), quarantined.get(5));
    assertTrue(quarantined.get(6).startsWith("dataset_invalid_value | ") && quarantined.get(6).contains("role 'goal'"), quarantined.get(6));
    Row account = in.accounting(spark).collectAsList().get(0);
    assertEquals(7, account.getInt(account.fieldIndex("value_cells")));
    assertEquals(3, account.getInt(account.fieldIndex("observations")));
    assertEquals(4, account.getInt(account.fieldIndex("quarantined_cells")));
    assertEquals("dataset", account.getString(account.fieldIndex("format")));
    assertEquals(64, account.getString(account.fieldIndex("source_sha256")).length());
  }

  @Test
  void aFileWithAMissingColumnIsRejectedWholeAndTheOthersAreRead(@TempDir Path tmp) throws Exception {
    String good = write(tmp, "good", List.of(row("a", "511703", "unemployment_insured", "base", 2015, 2.1)));
    String bad = tmp.resolve("bad").toString();
    spark.read().parquet(good).drop("unit").write().parquet(bad);
    DatasetInput in = read(good, bad);
    assertEquals(1, in.observations(spark).count());
    List<Row> q = in.quarantine(spark, true).collectAsList();
    assertEquals(1, q.size());
    assertEquals("dataset_missing_columns", q.get(0).getString(q.get(0).fieldIndex("reason_code")));
    assertTrue(q.get(0).getString(q.get(0).fieldIndex("reason")).contains("lacks [unit]"), q.get(0).toString());
    assertEquals(2, in.accounting(spark).count());
  }

  @Test
  void aValueOfTheWrongTypeQuarantinesItsRowOnly(@TempDir Path tmp) throws Exception {
    String good = write(tmp, "typed", List.of(row("a", "511703", "unemployment_insured", "base", 2015, 2.1),
        row("b", "511703", "unemployment_insured", "target", 2020, 2.5)));
    String text = tmp.resolve("text").toString();
    spark.read().parquet(good).selectExpr("*", "CASE WHEN observation_id = 'b' THEN '20x' ELSE CAST(year AS STRING) END AS y")
        .drop("year").withColumnRenamed("y", "year").write().parquet(text);
    DatasetInput in = read(text);
    assertEquals(List.of("a"), in.observations(spark).select("observation_id").as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
    Row q = in.quarantine(spark, true).collectAsList().get(0);
    assertTrue(q.getString(q.fieldIndex("reason")).contains("year '20x' is not a whole number"), q.toString());
  }
}
