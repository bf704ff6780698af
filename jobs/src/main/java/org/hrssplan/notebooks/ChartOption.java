package org.hrssplan.notebooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;

/**
 * A cell's chart ({@link ChartSpec}) over its rows → an Apache ECharts option (a Jackson tree), drawn by the reader's
 * browser: the job rasterizes nothing, so no font where the job runs decides how a label looks.
 *
 * <p>Every data point carries its tooltip lines ({@code tip}: label, text): the point's x and series, its value exactly
 * as the result holds it (not rounded as the axis is), and, when the row has them, its region, indicator, role, unit,
 * the value as printed ({@code value_raw}) and its source ({@code source_file} with {@code source_locator} or
 * {@code source_line}). The page's script ({@code notebooks/charts.js}) only shows these lines.
 */
final class ChartOption {
  /** The page's font stack (HtmlReport's CSS): the reader's CJK font draws the Chinese labels. */
  static final String FONT_FAMILY = "\"WenQuanYi Micro Hei\",\"Noto Sans CJK SC\",\"PingFang SC\",\"Microsoft YaHei\",sans-serif";
  private static final List<String> CONTEXT = List.of("region_name", "indicator", "role", "unit", "value_raw");
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private ChartOption() {}

  static ObjectNode of(ChartSpec spec, String[] columns, List<Row> rows) {
    int xi = index(columns, spec.x());
    List<Integer> yis = spec.y().stream().map(y -> index(columns, y)).toList();
    int si = spec.series() == null ? -1 : index(columns, spec.series());
    ObjectNode o = F.objectNode();
    o.put("animation", false);
    o.putObject("textStyle").put("fontFamily", FONT_FAMILY);
    o.putObject("title").put("text", spec.title()).put("left", "center");
    o.putObject("tooltip").put("trigger", "item").put("confine", true);
    ObjectNode grid = o.putObject("grid").put("left", 20).put("right", 110).put("bottom", 20).put("containLabel", true);
    ArrayNode series = o.putArray("series");
    if (spec.type().equals("bar")) bar(o, spec, columns, rows, xi, yis, si, series);
    else xy(o, spec, columns, rows, xi, yis.get(0), si, series);
    boolean legend = series.size() > 1 || si >= 0;
    o.putObject("legend").put("show", legend).put("type", "scroll").put("top", 30);
    grid.put("top", legend ? 80 : 60);
    return o;
  }

  private static void bar(ObjectNode o, ChartSpec spec, String[] columns, List<Row> rows, int xi, List<Integer> yis, int si,
      ArrayNode series) {
    List<String> xs = new ArrayList<>();
    for (Row r : rows) if (!xs.contains(text(r, xi))) xs.add(text(r, xi));
    ObjectNode xAxis = o.putObject("xAxis").put("type", "category").put("name", spec.x());
    xs.forEach(xAxis.putArray("data")::add);
    // every category labelled (a region missing from the axis would be a region missing from the chart)
    xAxis.putObject("axisLabel").put("interval", 0).put("rotate", xs.size() > 8 ? 45 : 0);
    // the axis name starts at the axis (right of it), so a long one is not cut at the page's edge
    o.putObject("yAxis").put("type", "value").put("name", String.join(", ", spec.y())).putObject("nameTextStyle").put("align", "left");
    if (si >= 0) {   // one bar group per series value, its bars over x; a pair with no row has no bar
      int yi = yis.get(0);
      Map<String, ObjectNode[]> bySeries = new LinkedHashMap<>();
      for (Row r : rows) {
        bySeries.computeIfAbsent(text(r, si), k -> new ObjectNode[xs.size()])[xs.indexOf(text(r, xi))] =
            point(number(r, yi), r, columns, List.of(xi, si, yi));
      }
      bySeries.forEach((name, points) -> {
        ArrayNode data = series.addObject().put("type", "bar").put("name", name).putArray("data");
        for (ObjectNode p : points) data.add(p == null ? F.nullNode() : p);
      });
    } else {
      for (int yi : yis) {
        ArrayNode data = series.addObject().put("type", "bar").put("name", columns[yi]).putArray("data");
        for (Row r : rows) data.add(point(number(r, yi), r, columns, List.of(xi, yi)));
      }
    }
  }

  private static void xy(ObjectNode o, ChartSpec spec, String[] columns, List<Row> rows, int xi, int yi, int si, ArrayNode series) {
    // value axes fitted to the data (scale), not from 0, with a margin so no point sits on the frame (where ECharts
    // clips it); the page prints x as it is (2015, not 2,015)
    ObjectNode xAxis = o.putObject("xAxis").put("type", "value").put("name", spec.x()).put("scale", true);
    xAxis.putArray("boundaryGap").add("5%").add("5%");
    wholeNumberTicks(xAxis, rows, xi);
    ObjectNode yAxis = o.putObject("yAxis").put("type", "value").put("name", columns[yi]).put("scale", true);
    yAxis.putArray("boundaryGap").add("5%").add("5%");
    yAxis.putObject("nameTextStyle").put("align", "left");
    Map<String, ArrayNode> bySeries = new LinkedHashMap<>();
    String type = spec.type();
    for (Row r : rows) {
      if (r.isNullAt(xi) || r.isNullAt(yi)) continue;
      String name = si < 0 ? columns[yi] : text(r, si);
      ArrayNode data = bySeries.computeIfAbsent(name, k -> {
        ObjectNode s = series.addObject().put("type", type).put("name", k);
        if (type.equals("scatter")) s.put("symbolSize", 12);
        else s.put("symbolSize", 8).put("showSymbol", true);
        return s.putArray("data");
      });
      ArrayNode xy = F.arrayNode().add(number(r, xi)).add(number(r, yi));
      data.add(point(xy, r, columns, si < 0 ? List.of(xi, yi) : List.of(si, xi, yi)));
    }
  }

  /**
   * x values that are all whole numbers (years) get ticks at the values' own step: 2015, 2020, 2025 rather than 2014,
   * 2016, …, 2026 — the greatest common divisor of their gaps, when that gives at most 20 ticks.
   */
  private static void wholeNumberTicks(ObjectNode xAxis, List<Row> rows, int xi) {
    java.util.TreeSet<Long> xs = new java.util.TreeSet<>();
    for (Row r : rows) {
      JsonNode x = number(r, xi);
      if (x.isNull()) continue;
      if (x.asDouble() != Math.rint(x.asDouble()) || Math.abs(x.asDouble()) > 1e15) return;
      xs.add((long) x.asDouble());
    }
    if (xs.size() < 2) return;
    long step = 0;
    Long previous = null;
    for (long x : xs) {
      if (previous != null) step = java.math.BigInteger.valueOf(step).gcd(java.math.BigInteger.valueOf(x - previous)).longValue();
      previous = x;
    }
    xAxis.put("minInterval", 1);
    if ((xs.last() - xs.first()) / step <= 20) xAxis.put("min", xs.first()).put("max", xs.last()).put("interval", step);
  }

  /** {@code {value, tip}}: the point and its tooltip lines — the named columns in order, then the row's context. */
  private static ObjectNode point(JsonNode value, Row r, String[] columns, List<Integer> shown) {
    ObjectNode p = F.objectNode();
    p.set("value", value);
    ArrayNode tip = p.putArray("tip");
    List<Integer> done = new ArrayList<>(shown);
    for (int c : shown) line(tip, columns[c], exact(r, c));
    for (String name : CONTEXT) {
      int c = find(columns, name);
      if (c >= 0 && !done.contains(c) && !r.isNullAt(c)) {
        line(tip, name, exact(r, c));
        done.add(c);
      }
    }
    int file = find(columns, "source_file");
    int locator = find(columns, "source_locator") >= 0 ? find(columns, "source_locator") : find(columns, "source_line");
    String source = String.join(" ", Stream.of(file, locator)
        .filter(c -> c >= 0 && !r.isNullAt(c))
        .map(c -> columns[c].equalsIgnoreCase("source_line") ? "L" + exact(r, c) : exact(r, c)).toList());
    if (!source.isEmpty()) line(tip, "source", source);
    return p;
  }

  private static void line(ArrayNode tip, String label, String text) {
    tip.addArray().add(label).add(text);
  }

  private static int index(String[] columns, String name) {
    int i = find(columns, name);
    if (i < 0) throw new IllegalArgumentException("chart column '" + name + "' is not in the result " + List.of(columns));
    return i;
  }

  private static int find(String[] columns, String name) {
    for (int i = 0; i < columns.length; i++) if (columns[i].equalsIgnoreCase(name)) return i;
    return -1;
  }

  private static String text(Row r, int i) {
    return r.isNullAt(i) ? "NULL" : exact(r, i);
  }

  /** The value as the result holds it: 0.6875, 2015 (a whole double without ".0"), never rounded to the axis. */
  static String exact(Row r, int i) {
    if (r.isNullAt(i)) return "NULL";
    Object v = r.get(i);
    if (v instanceof BigDecimal d) return d.stripTrailingZeros().toPlainString();
    if ((v instanceof Double || v instanceof Float) && Double.isFinite(((Number) v).doubleValue())) {
      return new BigDecimal(v.toString()).stripTrailingZeros().toPlainString();
    }
    return String.valueOf(v);
  }

  /** A chart value: a number, or null (no point) when there is none; true/false count as 1/0. */
  private static JsonNode number(Row r, int i) {
    if (r.isNullAt(i)) return F.nullNode();
    Object v = r.get(i);
    double d;
    if (v instanceof Number n) d = n.doubleValue();
    else if (v instanceof Boolean b) d = b ? 1 : 0;
    else {
      try {
        d = Double.parseDouble(v.toString().strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("chart value '" + v + "' is not a number", e);
      }
    }
    return Double.isFinite(d) ? F.numberNode(d) : F.nullNode();
  }
}
