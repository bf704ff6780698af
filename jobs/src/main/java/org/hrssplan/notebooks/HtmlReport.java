package org.hrssplan.notebooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.spark.sql.Row;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * A notebook run as one self-contained HTML page: markdown, SQL (folded), result tables, and charts the reader's
 * browser draws — each chart's ECharts option as JSON beside its figure, Apache ECharts ({@code echarts.min.js} of the
 * {@code org.webjars.npm:echarts} jar) and {@code notebooks/charts.js} inlined once at the end of a page that has
 * charts. Nothing is fetched: the page works offline as one file.
 */
final class HtmlReport {
  private static final Parser MD = Parser.builder().build();
  private static final HtmlRenderer MD_HTML = HtmlRenderer.builder().escapeHtml(true).build();
  private static final String CSS = """
      body{font-family:"WenQuanYi Micro Hei","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:2em auto;max-width:1100px;color:#222}
      h1{border-bottom:2px solid #c00;padding-bottom:.3em} .meta{color:#666;font-size:.9em}
      table.result{border-collapse:collapse;margin:.6em 0 1.4em;font-size:.88em} table.result th,table.result td{border:1px solid #ccc;padding:3px 7px;text-align:left}
      table.result th{background:#f3f3f3} table.result td{white-space:nowrap} div.scroll{overflow-x:auto} tr.hl td{background:#fde2e1} td.num{text-align:right;font-variant-numeric:tabular-nums}
      details{margin:.4em 0} pre{background:#f7f7f7;padding:.6em;overflow-x:auto;font-size:.85em}
      figure.chart{margin:.6em 0;border:1px solid #eee} div.echart{width:100%;height:440px}
      .error{color:#b00;font-weight:bold} .rows{color:#666;font-size:.85em}
      """;
  private static final String ECHARTS_POM = "META-INF/maven/org.webjars.npm/echarts/pom.properties";
  /** Chart options as JSON inside {@code <script type="application/json">}: {@code <} {@code >} {@code &} escaped, so no
   * value (a region name, a cell's text) can close the script or open a comment. */
  private static final ObjectMapper JSON = new ObjectMapper();
  static {
    JSON.getFactory().setCharacterEscapes(new ScriptSafeEscapes());
  }

  private HtmlReport() {}

  static String render(Notebook nb, Map<String, String> params, List<CellResult> results) {
    StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>")
        .append(esc(nb.title())).append("</title><style>").append(CSS).append("</style></head><body>\n");
    h.append("<p class=\"meta\">hrss notebook <b>").append(esc(nb.name())).append("</b> · executed ")
        .append(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).withNano(0)))
        .append(" · parameters: ");
    params.forEach((k, v) -> h.append("<code>").append(esc(k)).append(" = ").append(esc(v)).append("</code> "));
    h.append("</p>\n");
    for (int i = 0; i < nb.cells().size(); i++) {
      NotebookCell cell = nb.cells().get(i);
      switch (cell.kind()) {
        case MARKDOWN -> h.append("<section class=\"md\">").append(MD_HTML.render(MD.parse(cell.text()))).append("</section>\n");
        case PARAMETERS -> { }
        case SQL -> cell(h, cell, results.get(i));
      }
    }
    if (results.stream().anyMatch(r -> r != null && !r.charts().isEmpty())) {   // the library once per page, and only where it draws
      h.append("<script>").append(Scripts.ECHARTS).append("</script>\n<script>").append(Scripts.CHARTS).append("</script>\n");
    }
    return h.append("</body></html>\n").toString();
  }

  private static void cell(StringBuilder h, NotebookCell cell, CellResult r) {
    h.append("<section class=\"cell\"><details><summary>SQL</summary><pre>").append(esc(r.sql())).append("</pre></details>\n");
    if (r.error() != null) {
      h.append("<p class=\"error\">").append(esc(r.error())).append("</p></section>\n");
      return;
    }
    for (JsonNode option : r.charts()) {
      h.append("<figure class=\"chart\"><div class=\"echart\" role=\"img\" aria-label=\"")
          .append(esc(option.path("title").path("text").asText("chart"))).append("\"></div>")
          .append("<noscript><p class=\"rows\">The chart is drawn by the browser; with JavaScript off, the table below has its data.</p></noscript>")
          .append("<script type=\"application/json\" class=\"chart-option\">").append(scriptSafeJson(option)).append("</script></figure>\n");
    }
    h.append("<div class=\"scroll\"><table class=\"result\"><thead><tr>");
    for (String c : r.columns()) h.append("<th>").append(esc(c)).append("</th>");
    h.append("</tr></thead><tbody>\n");
    for (Row row : r.rows()) {
      h.append(highlighted(cell, r.columns(), row) ? "<tr class=\"hl\">" : "<tr>");
      for (int c = 0; c < r.columns().length; c++) {
        Object v = row.get(c);
        h.append(v instanceof Number ? "<td class=\"num\">" : "<td>").append(v == null ? "NULL" : esc(format(v))).append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</tbody></table></div><p class=\"rows\">").append(r.totalRows()).append(r.totalRows() == 1 ? " row" : " rows");
    if (r.totalRows() > r.rows().size()) h.append(", first ").append(r.rows().size()).append(" shown");
    h.append("</p></section>\n");
  }

  /** {@code -- highlight: achieved=false}: rows where any such column has that value are marked. */
  private static boolean highlighted(NotebookCell cell, String[] columns, Row row) {
    for (String hl : cell.highlights()) {
      String[] kv = hl.split("=", 2);
      for (int c = 0; c < columns.length; c++) {
        if (columns[c].equalsIgnoreCase(kv[0].strip()) && !row.isNullAt(c) && String.valueOf(row.get(c)).equals(kv[1].strip())) return true;
      }
    }
    return false;
  }

  private static String format(Object v) {
    if (v instanceof Double d) {
      if (d == Math.rint(d) && Math.abs(d) < 1e15) return String.valueOf(d.longValue());
      return String.format("%.4f", d).replaceFirst("0+$", "").replaceFirst("\\.$", "");
    }
    return String.valueOf(v);
  }

  static String scriptSafeJson(JsonNode option) {
    try {
      return JSON.writeValueAsString(option);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final class ScriptSafeEscapes extends CharacterEscapes {
    private final int[] ascii = CharacterEscapes.standardAsciiEscapesForJSON();

    ScriptSafeEscapes() {
      ascii['<'] = CharacterEscapes.ESCAPE_STANDARD;
      ascii['>'] = CharacterEscapes.ESCAPE_STANDARD;
      ascii['&'] = CharacterEscapes.ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return ch == 0x2028 || ch == 0x2029 ? new SerializedString(String.format("\\u%04x", ch)) : null;
    }
  }

  /** The two scripts a page with charts inlines, read once from the classpath. */
  static final class Scripts {
    static final String ECHARTS = library();
    static final String CHARTS = resource("notebooks/charts.js");

    private static String library() {
      Properties pom = new Properties();
      try (InputStream in = stream(ECHARTS_POM)) {
        pom.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      String js = resource("META-INF/resources/webjars/echarts/" + pom.getProperty("version") + "/dist/echarts.min.js");
      // inlined as it is: a "</script" in it would end the script early
      if (js.toLowerCase(java.util.Locale.ROOT).contains("</script")) throw new IllegalStateException("echarts.min.js contains </script");
      return js;
    }

    private static String resource(String path) {
      try (InputStream in = stream(path)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static InputStream stream(String path) {
      InputStream in = HtmlReport.class.getClassLoader().getResourceAsStream(path);
      if (in == null) throw new IllegalStateException(path + " is not on the classpath (org.webjars.npm:echarts, the job's jar)");
      return in;
    }
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
