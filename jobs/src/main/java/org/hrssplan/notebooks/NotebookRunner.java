package org.hrssplan.notebooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Executes notebooks against the published tables: parameters from the run override the widgets' defaults,
 * {@code ${name}} is substituted, each SQL cell runs (read-only statements only), its rows and charts are
 * rendered, and a self-contained HTML page is written per notebook (charts drawn by the reader's browser with the
 * ECharts inlined in the page; nothing fetched, readable offline).
 */
public final class NotebookRunner {
  private static final Pattern PARAM = Pattern.compile("\\$\\{(\\w+)}");

  private final SparkSession spark;

  public NotebookRunner(SparkSession spark) {
    this.spark = spark;
  }

  public static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".sql")).sorted().toList();
    }
  }

  /** Runs every notebook of {@code dir} and writes {@code <out>/<name>.html}; returns the runs. */
  public List<NotebookRun> runAll(Path dir, Path out, Map<String, String> parameters) throws IOException {
    Files.createDirectories(out);
    List<NotebookRun> runs = new ArrayList<>();
    for (Path p : list(dir)) {
      String name = p.getFileName().toString().replaceFirst("\\.sql$", "");
      NotebookRun run = run(Notebook.parse(name, Files.readString(p, StandardCharsets.UTF_8)), parameters);
      Path tmp = out.resolve(name + ".html.tmp");
      Files.writeString(tmp, run.html(), StandardCharsets.UTF_8);
      Files.move(tmp, out.resolve(name + ".html"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      runs.add(run);
    }
    return runs;
  }

  public NotebookRun run(Notebook nb, Map<String, String> overrides) {
    Map<String, String> params = new LinkedHashMap<>(nb.parameters());
    overrides.forEach((k, v) -> {
      if (params.containsKey(k)) params.put(k, v);
    });
    List<CellResult> results = new ArrayList<>();
    for (NotebookCell cell : nb.cells()) {
      results.add(cell.kind() == NotebookCell.Kind.SQL ? execute(cell, params) : null);
    }
    return new NotebookRun(nb, params, results, HtmlReport.render(nb, params, results));
  }

  /** The statement a SQL cell runs: its comment lines (the rendering directives) dropped, parameters filled in. */
  public static String statement(NotebookCell cell, Map<String, String> params) {
    String sql = substitute(stripComments(cell.text()), params).strip();
    return sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql;
  }

  private CellResult execute(NotebookCell cell, Map<String, String> params) {
    String sql = statement(cell, params);
    try {
      ReadOnlySql.check(spark, sql);
      Dataset<Row> d = spark.sql(sql);
      List<Row> rows = d.limit(cell.limit() + 1).collectAsList();
      long total = rows.size() > cell.limit() ? d.count() : rows.size();
      List<Row> shown = rows.subList(0, Math.min(rows.size(), cell.limit()));
      List<JsonNode> charts = new ArrayList<>();
      // no rows, no chart (the table says "0 rows"): an empty quarantine or findings table is a good night, not an error
      if (!shown.isEmpty()) for (String c : cell.charts()) charts.add(ChartOption.of(ChartSpec.parse(c), d.columns(), shown));
      return new CellResult(sql, d.columns(), shown, total, charts, null);
    } catch (Exception e) {
      return new CellResult(sql, new String[0], List.of(), 0, List.of(), e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  static String substitute(String sql, Map<String, String> params) {
    Matcher m = PARAM.matcher(sql);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String v = params.get(m.group(1));
      if (v == null) throw new IllegalArgumentException("notebook parameter ${" + m.group(1) + "} is not declared");
      m.appendReplacement(sb, Matcher.quoteReplacement(v));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static String stripComments(String sql) {
    StringBuilder sb = new StringBuilder();
    for (String line : sql.split("\n")) if (!line.strip().startsWith("--")) sb.append(line).append('\n');
    return sb.toString();
  }
}
