package org.hrssplan.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.hrssplan.testing.ChromiumPage;
import org.hrssplan.testing.TestFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotebookTest {
  @TempDir Path tmp;

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
  void statementsThatOnlyReadOrDescribeAreAllowed() throws Exception {
    var spark = org.hrssplan.testing.SharedSpark.get();
    for (String ok : List.of("SELECT 1", "with x as (select 1) select * from x", "SHOW TABLES IN hrss", "DESCRIBE DETAIL hrss.t",
        "DESCRIBE HISTORY hrss.t", "-- c\nSELECT 1", "(SELECT 1)", "VALUES (1)", "TABLE hrss.t", "FROM hrss.t SELECT *",
        "SELECT * FROM hrss.t VERSION AS OF 1", "SELECT * FROM t WHERE a IN (SELECT a FROM u)", "EXPLAIN SELECT 1",
        "SELECT * FROM (WITH a AS (SELECT 1) SELECT * FROM a)", "SHOW COLUMNS IN hrss.t", "DESCRIBE hrss.t")) {
      ReadOnlySql.check(spark, ok);
    }
  }

  @Test
  void statementsThatWriteAreRefusedWhereverTheWriteStands() {
    var spark = org.hrssplan.testing.SharedSpark.get();
    for (String bad : List.of("DROP TABLE hrss.fct_observation", "insert into hrss.t values (1)", "DELETE FROM hrss.t",
        "UPDATE hrss.t SET x = 1", "MERGE INTO hrss.t USING s ON true WHEN MATCHED THEN DELETE", "CREATE TABLE x AS SELECT 1",
        "ALTER TABLE hrss.t ADD COLUMN y INT", "TRUNCATE TABLE hrss.t", "OPTIMIZE hrss.t", "VACUUM hrss.t",
        "WITH a AS (SELECT 1) INSERT INTO hrss.dim_region SELECT * FROM hrss.dim_region", "FROM hrss.t INSERT INTO hrss.u SELECT *",
        "ADD JAR /tmp/x.jar", "CALL cat.sys.proc()", "CACHE TABLE hrss.t", "SET spark.sql.shuffle.partitions=1", "USE hrss",
        "INSERT OVERWRITE DIRECTORY '/tmp/x' SELECT 1", "RESTORE TABLE hrss.t TO VERSION AS OF 1", "CREATE TEMPORARY VIEW v AS SELECT 1",
        "EXECUTE IMMEDIATE 'DROP TABLE t'", "REFRESH TABLE hrss.t")) {
      var e = assertThrows(ReadOnlySql.ReadOnlyViolation.class, () -> ReadOnlySql.check(spark, bad), bad);
      assertTrue(e.getMessage().contains("read-only"), e.getMessage());
    }
    var e = assertThrows(ReadOnlySql.ReadOnlyViolation.class,
        () -> ReadOnlySql.check(spark, "WITH a AS (SELECT 1) INSERT INTO hrss.dim_region SELECT * FROM a"));
    assertTrue(e.getMessage().contains("INSERT INTO"), e.getMessage());
  }

  @Test
  void everyNotebookStatementIsAQuery() throws Exception {
    var spark = org.hrssplan.testing.SharedSpark.get();
    int checked = 0;
    var dir = org.hrssplan.testing.TestFixtures.repoRoot().resolve("notebooks-export");
    for (var file : java.nio.file.Files.list(dir).filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
      var nb = Notebook.parse(file.getFileName().toString(), java.nio.file.Files.readString(file));
      for (NotebookCell cell : nb.cells()) {
        if (cell.kind() != NotebookCell.Kind.SQL) continue;
        var params = new java.util.HashMap<>(nb.parameters());
        params.put("lakehouse", "/x");
        ReadOnlySql.check(spark, NotebookRunner.statement(cell, params));
        checked++;
      }
    }
    assertTrue(checked >= 8, "notebook statements checked: " + checked);
  }

  @Test
  void parametersSubstituteAndUndeclaredOnesFail() {
    assertEquals("SELECT * FROM delta.`/x/fct`", NotebookRunner.substitute("SELECT * FROM delta.`${lakehouse}/fct`", Map.of("lakehouse", "/x")));
    assertThrows(IllegalArgumentException.class, () -> NotebookRunner.substitute("${nope}", Map.of()));
  }

  /** A region name that tries to end the chart's JSON script and run its own: it must stay text. */
  private static final String HOSTILE = "铜梁区</script><script>document.title='pwned'</script><!--";

  /**
   * A page with the four kinds of chart the notebooks draw (bars over regions, bar groups by series, a line per
   * region over years, a scatter) on the seeds' region names, opened in headless Chromium: every chart is drawn by
   * the browser, and its Chinese title, axis labels and legend are SVG text — text the reader's browser draws with the
   * reader's fonts, so a machine without a CJK font cannot put boxes into a chart. Tooltips carry the exact value and
   * the row's source; a hostile value stays text; ECharts is inlined once, and a page without charts has no script.
   */
  @Test
  void chartsAreDrawnByTheBrowserWithTheirChineseLabelsAsText() throws Exception {
    Notebook nb = Notebook.parse("charts", """
        -- Databricks notebook source
        -- MAGIC %md
        -- MAGIC # 图表 — charts the browser draws

        -- COMMAND ----------

        CREATE WIDGET TEXT lakehouse DEFAULT 'data/lakehouse';

        -- COMMAND ----------

        -- chart: bar x=region_name y=achieved,missed title="十三五 targets per region"
        SELECT region_name, achieved, missed, achieved_share FROM scorecard

        -- COMMAND ----------

        -- chart: line x=year y=value series=region_name title="2015 → 2020 → 2025 target"
        SELECT region_name, year, role, value, unit, value_raw, source_file, source_locator FROM observations

        -- COMMAND ----------

        -- chart: scatter x=realized_cagr y=planned_cagr series=region_name title="规划增速 vs 实际增速"
        SELECT region_name, realized_cagr, planned_cagr FROM growth

        -- COMMAND ----------

        -- chart: bar x=finding_type y=findings series=severity title="数据质量 findings"
        SELECT finding_type, severity, findings FROM findings

        -- COMMAND ----------

        SELECT 1 AS no_chart
        """);
    String[] scorecard = {"region_name", "achieved", "missed", "achieved_share"};
    List<Row> scoreRows = List.of(RowFactory.create("叙永县", 12L, 0L, new BigDecimal("1.000")),
        RowFactory.create("奉节县", 11L, 5L, new BigDecimal("0.6875")), RowFactory.create("达川区", 9L, 1L, 0.123456789),
        RowFactory.create(HOSTILE, 11L, 3L, 0.786));
    String[] obs = {"region_name", "year", "role", "value", "unit", "value_raw", "source_file", "source_locator"};
    List<Row> obsRows = new ArrayList<>();
    String[][] points = {{"达川区", "2015", "base", "0.98", "L12"}, {"达川区", "2020", "actual", "1.0834567", "L37"},
        {"达川区", "2025", "target", "1.2", "p3:L7"}, {"奉节县", "2015", "base", "2.28", "L20"}, {"奉节县", "2025", "target", "2.6", "T1:R4:C3"}};
    for (String[] p : points) {
      obsRows.add(RowFactory.create(p[0], Integer.parseInt(p[1]), p[2], Double.parseDouble(p[3]), "万人", p[3], p[0] + "规划.txt", p[4]));
    }
    String[] growth = {"region_name", "realized_cagr", "planned_cagr"};
    List<Row> growthRows = List.of(RowFactory.create("嘉定区", 0.05, 0.031), RowFactory.create("铜梁区", 0.02, 0.045),
        RowFactory.create("奉节县", null, 0.01));
    String[] findings = {"finding_type", "severity", "findings"};
    List<Row> findingRows = List.of(RowFactory.create("表格不一致", "warning", 2L), RowFactory.create("prose_table_conflict", "error", 1L),
        RowFactory.create("表格不一致", "error", 1L));
    List<CellResult> results = new ArrayList<>();
    int sql = 0;
    Object[][] data = {{scorecard, scoreRows}, {obs, obsRows}, {growth, growthRows}, {findings, findingRows}};
    for (NotebookCell cell : nb.cells()) {
      if (cell.kind() != NotebookCell.Kind.SQL) {
        results.add(null);
      } else if (sql < data.length) {
        String[] columns = (String[]) data[sql][0];
        @SuppressWarnings("unchecked") List<Row> rows = (List<Row>) data[sql++][1];
        results.add(new CellResult(cell.text(), columns, rows, rows.size(),
            List.of(ChartOption.of(ChartSpec.parse(cell.charts().get(0)), columns, rows)), null));
      } else {
        results.add(new CellResult(cell.text(), new String[] {"no_chart"}, List.of(RowFactory.create(1)), 1, List.of(), null));
      }
    }
    Path html = tmp.resolve("charts.html");
    String page = HtmlReport.render(nb, Map.of("lakehouse", "/x"), results);
    Files.writeString(html, page, StandardCharsets.UTF_8);

    // one self-contained file: ECharts and the charts script inlined once, nothing loaded from elsewhere
    var source = org.jsoup.Jsoup.parse(page);
    assertEquals(2, source.select("script:not([type])").size(), "echarts.min.js and charts.js, once each");
    assertTrue(source.select("script[src], link[href], img[src]").isEmpty(), "nothing fetched");
    assertTrue(page.contains("Licensed to the Apache Software Foundation") && page.length() > 900_000, "echarts.min.js inlined");
    assertTrue(!page.contains("</script><script>document.title"), "the hostile value cannot close the JSON script");

    ChromiumPage p = ChromiumPage.open(html);
    assertEquals(4, p.assertChartsDrawn());
    assertEquals("图表 — charts the browser draws", p.dom().title(), "no value ran as a script");
    List<List<String>> text = p.chartText();
    assertTrue(text.get(0).containsAll(List.of("十三五 targets per region", "叙永县", "奉节县", "达川区", HOSTILE, "achieved", "missed")),
        "bars over regions: title, every region on the axis, legend: " + text.get(0));
    assertTrue(text.get(1).containsAll(List.of("2015 → 2020 → 2025 target", "达川区", "奉节县", "2015", "2020", "2025")),
        "a line per region (legend) over years: " + text.get(1));
    assertTrue(text.get(1).stream().noneMatch(t -> t.equals("2,015") || t.equals("2,020")), "years print as years: " + text.get(1));
    assertTrue(text.get(2).containsAll(List.of("规划增速 vs 实际增速", "嘉定区", "铜梁区", "realized_cagr", "planned_cagr")), text.get(2).toString());
    assertTrue(text.get(3).containsAll(List.of("数据质量 findings", "表格不一致", "prose_table_conflict", "warning", "error")), text.get(3).toString());
    assertTrue(p.tableText().containsAll(List.of("region_name", "叙永县", "奉节县", HOSTILE, "万人", "达川区规划.txt")),
        "tables stay HTML text: " + p.tableText());
    assertTrue(p.dom().select("h1").text().contains("图表"), "markdown title");

    // tooltips: the exact value (the table rounds to 4 decimals), the region and the row's source
    Path tips = tmp.resolve("tips.html");
    int end = page.lastIndexOf("</body>");   // echarts.min.js has a "</body>" of its own
    Files.writeString(tips, page.substring(0, end) + """
        <script>
        document.querySelectorAll('figure.chart div.echart').forEach(function (div, i) {
          echarts.getInstanceByDom(div).dispatchAction({type: 'showTip', seriesIndex: 0, dataIndex: i == 0 ? 2 : i == 1 ? 1 : 0});
        });
        </script>""" + page.substring(end), StandardCharsets.UTF_8);
    List<String> shown = new ArrayList<>();
    for (var chart : ChromiumPage.open(tips).dom().select("figure.chart div.echart")) {
      shown.add(String.join(" ", chart.children().stream().filter(e -> e.select("svg").isEmpty()).map(e -> e.text()).toList()));
    }
    assertTrue(shown.get(0).contains("achieved") && shown.get(0).contains("region_name: 达川区") && shown.get(0).contains("achieved: 9"),
        "bar tooltip: " + shown.get(0));
    assertTrue(shown.get(1).contains("region_name: 达川区") && shown.get(1).contains("value: 1.0834567") && shown.get(1).contains("unit: 万人")
        && shown.get(1).contains("source: 达川区规划.txt L37"), "line tooltip with the source: " + shown.get(1));
    assertTrue(p.tableText().contains("1.0835"), "the table rounds to 4 decimals, the tooltip does not");

    Files.createDirectories(ChromiumPage.SCREENSHOTS);
    ChromiumPage.screenshot(html, ChromiumPage.SCREENSHOTS.resolve("notebook-test-charts.png"), 2400);

    // a page whose cells draw nothing carries no script at all
    List<CellResult> none = new ArrayList<>();
    for (CellResult r : results) none.add(r == null ? null : new CellResult(r.sql(), r.columns(), r.rows(), r.totalRows(), List.of(), null));
    String plain = HtmlReport.render(nb, Map.of(), none);
    assertTrue(org.jsoup.Jsoup.parse(plain).select("script").isEmpty() && plain.length() < 50_000, "no charts, no ECharts");
  }
}
