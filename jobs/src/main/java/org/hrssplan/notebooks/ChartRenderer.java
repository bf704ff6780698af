package org.hrssplan.notebooks;

import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/**
 * Charts of notebook results as PNG (XChart). Chinese labels need a CJK font: the first installed of WenQuanYi,
 * Noto CJK or Source Han is used; without one, labels would draw as boxes, so {@link #cjkFont()} says which is used
 * and the README says how to install one.
 */
final class ChartRenderer {
  private static final List<String> CJK_FONTS = List.of("WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Noto Sans CJK SC",
      "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN", "SimHei", "Microsoft YaHei");
  private static final int WIDTH = 900;
  private static final int HEIGHT = 420;

  private ChartRenderer() {}

  /** The CJK-capable font the charts use, or null when none is installed. */
  static String cjkFont() {
    Set<String> families = Set.of(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
    for (String f : CJK_FONTS) if (families.contains(f)) return f;
    return null;
  }

  static byte[] png(ChartSpec spec, String[] columns, List<Row> rows) throws IOException {
    Chart<?, ?> chart = switch (spec.type()) {
      case "bar" -> bar(spec, columns, rows);
      default -> xy(spec, columns, rows);
    };
    return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
  }

  private static void style(AxesChartStyler s) {
    String family = cjkFont();
    String f = family == null ? Font.SANS_SERIF : family;
    s.setChartTitleFont(new Font(f, Font.BOLD, 16));
    s.setLegendFont(new Font(f, Font.PLAIN, 12));
    s.setAxisTickLabelsFont(new Font(f, Font.PLAIN, 11));
    s.setAxisTitleFont(new Font(f, Font.PLAIN, 12));
    s.setChartBackgroundColor(Color.WHITE);
    s.setLegendPosition(Styler.LegendPosition.OutsideE);
    s.setAntiAlias(true);
  }

  private static CategoryChart bar(ChartSpec spec, String[] columns, List<Row> rows) {
    CategoryChart c = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(spec.title()).xAxisTitle(spec.x())
        .yAxisTitle(String.join(", ", spec.y())).build();
    style(c.getStyler());
    c.getStyler().setXAxisLabelRotation(rows.size() > 8 ? 45 : 0);
    int xi = index(columns, spec.x());
    if (spec.series() != null) {
      int si = index(columns, spec.series());
      int yi = index(columns, spec.y().get(0));
      List<String> xs = new ArrayList<>();
      for (Row r : rows) if (!xs.contains(text(r, xi))) xs.add(text(r, xi));
      Map<String, double[]> bySeries = new LinkedHashMap<>();
      for (Row r : rows) {
        double[] v = bySeries.computeIfAbsent(text(r, si), k -> new double[xs.size()]);
        v[xs.indexOf(text(r, xi))] = number(r, yi);
      }
      bySeries.forEach((name, v) -> c.addSeries(name, xs, toList(v)));
    } else {
      List<String> xs = new ArrayList<>();
      for (Row r : rows) xs.add(text(r, xi));
      for (String y : spec.y()) {
        int yi = index(columns, y);
        List<Double> ys = new ArrayList<>();
        for (Row r : rows) ys.add(number(r, yi));
        c.addSeries(y, xs, ys);
      }
    }
    return c;
  }

  private static XYChart xy(ChartSpec spec, String[] columns, List<Row> rows) {
    XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(spec.title()).xAxisTitle(spec.x())
        .yAxisTitle(String.join(", ", spec.y())).build();
    style(c.getStyler());
    c.getStyler().setDefaultSeriesRenderStyle(spec.type().equals("scatter") ? XYSeries.XYSeriesRenderStyle.Scatter
        : XYSeries.XYSeriesRenderStyle.Line);
    c.getStyler().setMarkerSize(8);
    int xi = index(columns, spec.x());
    int yi = index(columns, spec.y().get(0));
    Map<String, List<double[]>> bySeries = new LinkedHashMap<>();
    int si = spec.series() == null ? -1 : index(columns, spec.series());
    for (Row r : rows) {
      if (r.isNullAt(xi) || r.isNullAt(yi)) continue;
      String s = si < 0 ? spec.y().get(0) : text(r, si);
      bySeries.computeIfAbsent(s, k -> new ArrayList<>()).add(new double[] {number(r, xi), number(r, yi)});
    }
    boolean wholeX = bySeries.values().stream().flatMap(List::stream).allMatch(pt -> pt[0] == Math.rint(pt[0]));
    if (wholeX) c.getStyler().setXAxisDecimalPattern("#");   // years: 2015, not 2,015
    bySeries.forEach((name, pts) -> {
      double[] xs = new double[pts.size()];
      double[] ys = new double[pts.size()];
      for (int i = 0; i < pts.size(); i++) {
        xs[i] = pts.get(i)[0];
        ys[i] = pts.get(i)[1];
      }
      c.addSeries(name, xs, ys);
    });
    return c;
  }

  private static int index(String[] columns, String name) {
    for (int i = 0; i < columns.length; i++) if (columns[i].equalsIgnoreCase(name)) return i;
    throw new IllegalArgumentException("chart column '" + name + "' is not in the result " + List.of(columns));
  }

  private static String text(Row r, int i) {
    return r.isNullAt(i) ? "NULL" : String.valueOf(r.get(i));
  }

  private static double number(Row r, int i) {
    if (r.isNullAt(i)) return 0;
    Object v = r.get(i);
    if (v instanceof Number n) return n.doubleValue();
    if (v instanceof Boolean b) return b ? 1 : 0;
    return Double.parseDouble(v.toString());
  }

  private static List<Double> toList(double[] v) {
    List<Double> l = new ArrayList<>(v.length);
    for (double d : v) l.add(d);
    return l;
  }
}
