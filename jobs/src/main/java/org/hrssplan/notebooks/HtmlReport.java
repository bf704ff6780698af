package org.hrssplan.notebooks;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/** A notebook run as one self-contained HTML page: markdown, SQL (folded), result tables, charts inline as PNG. */
final class HtmlReport {
  private static final Parser MD = Parser.builder().build();
  private static final HtmlRenderer MD_HTML = HtmlRenderer.builder().escapeHtml(true).build();
  private static final String CSS = """
      body{font-family:"WenQuanYi Micro Hei","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:2em auto;max-width:1100px;color:#222}
      h1{border-bottom:2px solid #c00;padding-bottom:.3em} .meta{color:#666;font-size:.9em}
      table.result{border-collapse:collapse;margin:.6em 0 1.4em;font-size:.88em} table.result th,table.result td{border:1px solid #ccc;padding:3px 7px;text-align:left}
      table.result th{background:#f3f3f3} table.result td{white-space:nowrap} div.scroll{overflow-x:auto} tr.hl td{background:#fde2e1} td.num{text-align:right;font-variant-numeric:tabular-nums}
      details{margin:.4em 0} pre{background:#f7f7f7;padding:.6em;overflow-x:auto;font-size:.85em} img.chart{max-width:100%;border:1px solid #eee}
      .error{color:#b00;font-weight:bold} .rows{color:#666;font-size:.85em}
      """;

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
    return h.append("</body></html>\n").toString();
  }

  private static void cell(StringBuilder h, NotebookCell cell, CellResult r) {
    h.append("<section class=\"cell\"><details><summary>SQL</summary><pre>").append(esc(r.sql())).append("</pre></details>\n");
    if (r.error() != null) {
      h.append("<p class=\"error\">").append(esc(r.error())).append("</p></section>\n");
      return;
    }
    for (byte[] png : r.charts()) {
      h.append("<img class=\"chart\" alt=\"chart\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(png)).append("\">\n");
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

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
