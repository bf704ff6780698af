package org.hrssplan.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.hrssplan.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableCsvTest {
  @TempDir Path tmp;

  @Test
  void excelSafeCsvHasABomAndNeutralizesFormulasButNotNumbers() throws Exception {
    StructType schema = new StructType().add("name", DataTypes.StringType).add("value", DataTypes.DoubleType);
    var df = SharedSpark.get().createDataFrame(List.of(RowFactory.create("=HYPERLINK(\"http://x\")", -1.5),
        RowFactory.create("+1", 2.0), RowFactory.create("@SUM(A1)", null), RowFactory.create("-2", 0.25),
        RowFactory.create("失业保险参保人数, 万人", 1.08)), schema);
    Path out = tmp.resolve("t.csv");
    assertEquals(5, TableCsv.write(df, out));
    byte[] bytes = Files.readAllBytes(out);
    assertEquals((byte) 0xEF, bytes[0]);
    assertEquals((byte) 0xBB, bytes[1]);
    assertEquals((byte) 0xBF, bytes[2]);
    assertEquals(List.of("\uFEFFname,value", "\"'=HYPERLINK(\"\"http://x\"\")\",-1.5", "'+1,2.0", "'@SUM(A1),", "'-2,0.25",
        "\"失业保险参保人数, 万人\",1.08"), Files.readAllLines(out, StandardCharsets.UTF_8));
  }
}
