package org.hrssplan.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.apache.spark.sql.functions.col;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.hrssplan.pipeline.DatasetInput;
import org.hrssplan.tables.Schemas;
import org.hrssplan.testing.SharedSpark;
import org.hrssplan.testing.TestFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's dataset generator: the format the pipeline reads, deterministic, and plan-shaped values. */
class SyntheticDatasetTest {
  private static final SparkSession spark = SharedSpark.get();
  private static Dataset<Row> rows;

  @BeforeAll
  static void generate() {
    rows = SyntheticDataset.generate(spark, TestFixtures.catalog(), 4, 10, false, 7, 2).localCheckpoint(true);
  }

  @Test
  void elevenRowsPerUnitAndIndicatorInTheObservationFormat() {
    assertEquals(4 * 10 * 11, rows.count());
    assertEquals(List.of(Schemas.OBSERVATION.fieldNames()), List.of(rows.columns()));
    assertEquals(4 * 10 * 11, rows.select("observation_id").distinct().count());
    assertEquals(4, rows.select("region_code").distinct().count());
    assertEquals(10, rows.where("region_code = '900000'").select("indicator_id").distinct().count());
  }

  @Test
  void sameSeedSameRowsOtherSeedOtherValues() {
    Dataset<Row> again = SyntheticDataset.generate(spark, TestFixtures.catalog(), 4, 10, false, 7, 3);
    assertEquals(0, rows.exceptAll(again).count());
    Dataset<Row> other = SyntheticDataset.generate(spark, TestFixtures.catalog(), 4, 10, false, 8, 2);
    assertTrue(rows.exceptAll(other).count() > 0);
  }

  @Test
  void aPeriodsActualIsTheNextPeriodsBaseAndPercentagesStayWithin100() {
    Dataset<Row> a = rows.where("role = 'actual' AND plan_period = '13th' AND value_kind = 'number'")
        .selectExpr("region_code", "indicator_id", "value AS actual_2020");
    Dataset<Row> b = rows.where("role = 'base' AND plan_period = '14th' AND value_kind = 'number'")
        .selectExpr("region_code", "indicator_id", "value AS base_2020");
    // aliases: a and b come from the same rows, and a.col(x) = b.col(x) would be a trivially true (cross) join
    Dataset<Row> both = a.alias("a").join(b.alias("b"), col("a.region_code").equalTo(col("b.region_code"))
        .and(col("a.indicator_id").equalTo(col("b.indicator_id"))));
    assertTrue(both.count() > 0);
    assertEquals(0, both.where("actual_2020 <> base_2020").count(), "the 2020 actual is the 十四五 base");
    assertEquals(0, rows.where("unit = '%' AND (value > 100 OR value <= 0)").count());
    assertTrue(rows.where("role = 'target' AND comparator IS NOT NULL").count() > 0);
  }

  @Test
  void thePipelineReadsEveryGeneratedRowAsAnObservation(@TempDir Path tmp) throws Exception {
    Path regions = tmp.resolve("regions.csv");
    SyntheticDataset.writeRegions(regions, 4, false, List.of());
    String out = tmp.resolve("obs").toString();
    assertEquals(440, SyntheticDataset.write(rows, out));
    Dataset<Row> codes = spark.read().option("header", "true").csv(regions.toString()).select("region_code");
    assertEquals(4, codes.count());
    Dataset<Row> ids = spark.createDataFrame(TestFixtures.catalog().indicators().stream()
        .map(i -> org.apache.spark.sql.RowFactory.create(i.id())).toList(), new org.apache.spark.sql.types.StructType().add("indicator_id", "string"));
    DatasetInput in = DatasetInput.read(spark, DatasetInput.files(spark.sparkContext().hadoopConfiguration(), out), codes, ids);
    assertEquals(440, in.observations(spark).count());
    assertEquals(0, in.quarantine(spark, true).count());
    assertTrue(Files.size(regions) > 0);
  }
}
