package org.hrssplan.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.hrssplan.config.AppConfig;
import org.hrssplan.document.PrintableText;
import org.hrssplan.document.RegionDirectory;
import org.hrssplan.extract.PlanExtractor;
import org.hrssplan.extract.ReadingFidelity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hrss eval DIR}: every document of DIR that has a hand-written {@code NAME.expected.csv} beside it, extracted
 * as {@code hrss extract} does and measured cell by cell ({@link ReadingFidelity}). No Spark.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = {"Measure the reader on documents whose cells you wrote down by hand.",
        "For every document in DIR with a NAME.expected.csv beside it (NAME.txt, NAME.docx, …): numeric cells exact,",
        "wrong and missing, cells read that the file does not list (extra), and the document's status; then the totals.",
        "Format of the expected rows: docs/reading-inputs.md#measuring-the-reader-on-your-own-plans-hrss-eval"})
public final class EvalCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "DIR", description = "folder of documents and their NAME.expected.csv files")
  Path dir;

  @Option(names = "--regions", description = "regions.csv (default: DIR/regions.csv if there is one, else input.regions of the config)")
  Path regionsFile;

  @Option(names = "--verbose", description = "list every mismatch (default: the first 10 of each document)")
  boolean verbose;

  @Mixin
  ConfigOption config = new ConfigOption();

  @Override
  public Integer call() throws Exception {
    AppConfig cfg = config.load();
    if (!Files.isDirectory(dir)) {
      System.err.println("hrss eval: " + PrintableText.of(dir.toString()) + " is not a folder");
      return Hrss.HANDLED_FAILURE;
    }
    Path regionsPath = regionsFile != null ? regionsFile
        : Files.isRegularFile(dir.resolve("regions.csv")) ? dir.resolve("regions.csv") : Path.of(cfg.resolve(cfg.regions()));
    RegionDirectory regions = ConfigOption.regions("eval", regionsPath);
    if (regions == null) return Hrss.HANDLED_FAILURE;
    List<ReadingFidelity.Result> results;
    try {
      results = ReadingFidelity.measureFolder(dir, new PlanExtractor(ConfigOption.catalog(cfg), regions, cfg.quality(), cfg.limits()));
    } catch (IllegalArgumentException e) {
      System.err.println("hrss eval: " + e.getMessage());
      return Hrss.HANDLED_FAILURE;
    }
    if (results.isEmpty()) {
      System.err.println("hrss eval: no document in " + PrintableText.of(dir.toString()) + " has a NAME" + ReadingFidelity.EXPECTED_SUFFIX + " beside it");
      return Hrss.HANDLED_FAILURE;
    }
    String fmt = "%-34s %-20s %7s %6s %8s %6s %8s%n";
    System.out.printf(fmt, "document", "status", "exact", "wrong", "missing", "extra", "other");
    int numeric = 0;
    int exact = 0;
    int wrong = 0;
    int missing = 0;
    int extra = 0;
    int perfect = 0;
    for (ReadingFidelity.Result r : results) {
      System.out.printf(fmt, PrintableText.of(r.document()), r.status(), r.exact() + "/" + r.numeric(), r.wrong(), r.missing(), r.extra(),
          r.otherFound() + "/" + r.otherCells());
      numeric += r.numeric();
      exact += r.exact();
      wrong += r.wrong();
      missing += r.missing();
      extra += r.extra();
      if (r.perfect()) perfect++;
    }
    for (ReadingFidelity.Result r : results) {
      List<ReadingFidelity.Mismatch> shown = verbose ? r.mismatches() : r.mismatches().stream().limit(10).toList();
      shown.forEach(m -> System.out.println(PrintableText.of(m.toString())));
      if (shown.size() < r.mismatches().size()) {
        System.out.println("        … " + (r.mismatches().size() - shown.size()) + " more in " + PrintableText.of(r.document()) + " (--verbose)");
      }
    }
    System.out.printf("%d documents: %d/%d numeric cells exact (%.1f %%), %d wrong, %d missing, %d extra; read exactly: %d of them%n",
        results.size(), exact, numeric, numeric == 0 ? 100.0 : 100.0 * exact / numeric, wrong, missing, extra, perfect);
    return Hrss.OK;
  }
}
