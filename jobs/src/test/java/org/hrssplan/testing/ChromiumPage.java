package org.hrssplan.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * An exported notebook page as headless Chromium shows it, after its scripts ran: the DOM ({@code --dump-dom}) and a
 * screenshot. The charts are drawn with ECharts' SVG renderer, so every title, axis label and legend entry of a chart
 * is a {@code <text>} element the browser draws with the reader's fonts: {@link #chartText()} is what a reader sees in
 * the charts, not pixels rasterized elsewhere.
 */
public final class ChromiumPage {
  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  /** Screenshots are kept here for a human to look at ({@code jobs/target/notebook-screenshots/}). */
  public static final Path SCREENSHOTS = Path.of("target/notebook-screenshots").toAbsolutePath();

  private final Path html;
  private final Document dom;
  private final String log;

  private ChromiumPage(Path html, Document dom, String log) {
    this.html = html;
    this.dom = dom;
    this.log = log;
  }

  /** Opens {@code html} in headless Chromium and returns the DOM after the page's scripts ran. */
  public static ChromiumPage open(Path html) throws IOException, InterruptedException {
    assertTrue(Files.isExecutable(CHROMIUM), "Chromium is needed for this test: mvn verify installs it (jobs/bin/setup-system)");
    Path out = Files.createTempFile("dom", ".html");
    try {
      String log = chromium(html, out, "--dump-dom");
      return new ChromiumPage(html, Jsoup.parse(Files.readString(out, StandardCharsets.UTF_8), html.toUri().toString()), log);
    } finally {
      Files.deleteIfExists(out);
    }
  }

  /** A screenshot of the page, 1200 px wide, to {@code png}. */
  public static void screenshot(Path html, Path png, int height) throws IOException, InterruptedException {
    Files.createDirectories(png.getParent());
    chromium(html, null, "--window-size=1200," + height, "--screenshot=" + png);
    assertTrue(Files.size(png) > 20_000, html + ": screenshot is empty");
    assertEquals(1200, javax.imageio.ImageIO.read(png.toFile()).getWidth());
  }

  private static String chromium(Path html, Path stdout, String... mode) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("chromium");
    try {
      List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
          "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0"));
      cmd.addAll(List.of(mode));
      cmd.add(html.toUri().toString());
      Path err = Files.createTempFile("chromium", ".log");
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(err.toFile());
      if (stdout != null) pb.redirectOutput(stdout.toFile());
      else pb.redirectOutput(ProcessBuilder.Redirect.appendTo(err.toFile()));
      Process p = pb.start();
      boolean done = p.waitFor(120, TimeUnit.SECONDS);
      if (!done) p.destroyForcibly();
      String log = Files.readString(err, StandardCharsets.UTF_8);
      Files.deleteIfExists(err);
      assertTrue(done, html + ": chromium did not finish");
      assertEquals(0, p.exitValue(), html + ": " + log);
      // a script error is logged as "Uncaught …" on the console
      assertFalse(log.contains("Uncaught") || log.contains(":CONSOLE("), html + ": script errors\n" + log);
      return log;
    } finally {
      deleteTree(profile);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }

  public Document dom() {
    return dom;
  }

  /**
   * Asserts that every chart of the page was drawn: the page's script marked the page {@code data-charts="drawn"}
   * with as many charts as the page has figures, none shows an error, and each figure holds an SVG drawing with
   * text in it (a PNG, a canvas or a missing library has none). Returns the number of charts.
   */
  public int assertChartsDrawn() {
    var figures = dom.select("figure.chart");
    String name = html.getFileName().toString();
    assertTrue(dom.select("img[src^=data:image]").isEmpty(), name + ": a chart is a raster image");
    assertEquals("drawn", dom.selectFirst("html").attr("data-charts"), name + ": the charts script did not finish: "
        + dom.select(".chart-error").eachText());
    assertEquals(String.valueOf(figures.size()), dom.selectFirst("html").attr("data-charts-drawn"), name + ": charts drawn");
    for (Element f : figures) {
      assertTrue(f.select(".chart-error").isEmpty(), name + ": " + f.select(".chart-error").text());
      assertTrue(f.select("div.echart svg").size() == 1, name + ": no SVG chart in " + f.select("div.echart").attr("aria-label"));
      assertTrue(f.select("svg text").size() > 3, name + ": a chart without text");
    }
    return figures.size();
  }

  /** The text elements of each chart's SVG, one list per chart, in page order. */
  public List<List<String>> chartText() {
    List<List<String>> all = new ArrayList<>();
    for (Element svg : dom.select("figure.chart div.echart svg")) all.add(svg.select("text").eachText());
    return all;
  }

  /** The text of every cell (th and td) of the result tables, in page order. */
  public List<String> tableText() {
    return dom.select("table.result th, table.result td").eachText();
  }

  public String log() {
    return log;
  }
}
