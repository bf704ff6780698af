package org.hrssplan.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.hrssplan.testing.TestFixtures;
import org.junit.jupiter.api.Test;

class NotebookTest {
  @Test
  void everyNotebookIsADatabricksSourceFileWithAParametersCellFirst() throws Exception {
    List<java.nio.file.Path> files = NotebookRunner.list(TestFixtures.repoRoot().resolve("notebooks-export"));
    assertEquals(4, files.size());
    for (var f : files) {
      Notebook nb = Notebook.parse(f.getFileName().toString(), Files.readString(f));
      NotebookCell firstCode = nb.cells().stream().filter(c -> c.kind() != NotebookCell.Kind.MARKDOWN).findFirst().orElseThrow();
      assertEquals(NotebookCell.Kind.PARAMETERS, firstCode.kind(), f + ": parameters cell first");
      assertTrue(nb.parameters().containsKey("lakehouse") && nb.parameters().containsKey("run_date"), f.toString());
      assertTrue(!nb.title().equals(nb.name()), f + " has a # title");
    }
  }

  @Test
  void parsesCellsDirectivesAndWidgets() {
    Notebook nb = Notebook.parse("t", """
        -- Databricks notebook source
        -- MAGIC %md
        -- MAGIC # 标题 Title

        -- COMMAND ----------

        CREATE WIDGET TEXT lakehouse DEFAULT 'data/lakehouse';

        -- COMMAND ----------

        -- chart: bar x=a y=b,c title="T 图"
        -- highlight: ok=false
        -- limit: 5
        SELECT 1 AS a, 2 AS b, 3 AS c, false AS ok
        """);
    assertEquals("标题 Title", nb.title());
    assertEquals(Map.of("lakehouse", "data/lakehouse"), nb.parameters());
    NotebookCell sql = nb.cells().get(2);
    assertEquals(List.of("bar x=a y=b,c title=\"T 图\""), sql.charts());
    assertEquals(List.of("ok=false"), sql.highlights());
    assertEquals(5, sql.limit());
    ChartSpec spec = ChartSpec.parse(sql.charts().get(0));
    assertEquals(List.of("b", "c"), spec.y());
    assertEquals("T 图", spec.title());
  }

  @Test
  void statementsThatWriteAreRefused() {
    for (String ok : List.of("SELECT 1", "with x as (select 1) select * from x", "SHOW TABLES IN hrss", "DESCRIBE DETAIL hrss.t",
        "-- c\nSELECT 1", "(SELECT 1)")) {
      ReadOnlySql.check(ok);
    }
    for (String bad : List.of("DROP TABLE hrss.fct_observation", "insert into hrss.t values (1)", "DELETE FROM hrss.t",
        "UPDATE hrss.t SET x = 1", "MERGE INTO hrss.t USING s ON true WHEN MATCHED THEN DELETE", "CREATE TABLE x AS SELECT 1",
        "ALTER TABLE hrss.t ADD COLUMN y INT", "TRUNCATE TABLE hrss.t", "OPTIMIZE hrss.t", "VACUUM hrss.t")) {
      var e = assertThrows(ReadOnlySql.ReadOnlyViolation.class, () -> ReadOnlySql.check(bad), bad);
      assertTrue(e.getMessage().contains("read-only"), e.getMessage());
    }
  }

  @Test
  void parametersSubstituteAndUndeclaredOnesFail() {
    assertEquals("SELECT * FROM delta.`/x/fct`", NotebookRunner.substitute("SELECT * FROM delta.`${lakehouse}/fct`", Map.of("lakehouse", "/x")));
    assertThrows(IllegalArgumentException.class, () -> NotebookRunner.substitute("${nope}", Map.of()));
  }
}
