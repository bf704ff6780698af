package org.hrssplan.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hrssplan.catalog.IndicatorCatalog;
import org.hrssplan.config.AppConfig;
import org.hrssplan.synth.SyntheticCorpus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hrss synth corpus}: writes a seeded synthetic corpus with its regions and expected observations. */
@Command(name = "corpus", mixinStandardHelpOptions = true,
    description = {"Write N synthetic 十四五 plan documents (one per synthetic region) into OUT/plans, with OUT/regions.csv",
        "and OUT/expected_observations.csv (golden-row columns). Same --regions and --seed: byte-identical files."})
public final class SynthCorpusCommand implements Callable<Integer> {
  @Option(names = "--regions", defaultValue = "" + SyntheticCorpus.DEFAULT_REGIONS,
      description = "number of county-level regions, one document each (default: ${DEFAULT-VALUE})")
  int regions;

  @Option(names = "--seed", defaultValue = "" + SyntheticCorpus.DEFAULT_SEED, description = "random seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--out", required = true, description = "output folder (created; files in it are overwritten)")
  Path out;

  @Option(names = "--formats", paramLabel = "LIST",
      description = {"print the plans in these formats, taken in turn: txt, html, docx, pdf (e.g. --formats docx or",
          "--formats txt,html,docx,pdf); Word and PDF print ruled tables with merged cells and a 单位 column, PDF with an",
          "embedded CJK font of this machine. Default: the six text and HTML shapes in turn"})
  String formats;

  @Mixin
  ConfigOption config = new ConfigOption();

  @Override
  public Integer call() throws Exception {
    AppConfig cfg = config.load();
    IndicatorCatalog catalog = ConfigOption.catalog(cfg);
    Path dir = out.toAbsolutePath();
    long start = System.nanoTime();
    SyntheticCorpus.Summary s;
    try {
      s = formats == null ? new SyntheticCorpus(catalog).write(regions, seed, dir) : new SyntheticCorpus(catalog).write(regions, seed, dir, formats);
    } catch (IllegalArgumentException | IllegalStateException e) {
      System.err.println("hrss synth corpus: " + e.getMessage());
      return Hrss.USAGE;
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf("wrote %d documents (%s), %d expected observations (%d from prose) to %s in %.1f s%n", s.documents(),
        s.documentsPerLayout(), s.expectedRows(), s.proseRows(), dir, millis / 1000.0);
    System.out.printf("check with: jobs/bin/hrss synth verify --expected %s --input %s --regions %s%n",
        dir.resolve(SyntheticCorpus.EXPECTED), dir.resolve(SyntheticCorpus.PLANS), dir.resolve(SyntheticCorpus.REGIONS));
    return Hrss.OK;
  }
}
