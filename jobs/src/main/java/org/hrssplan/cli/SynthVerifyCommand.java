package org.hrssplan.cli;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.hrssplan.catalog.IndicatorCatalog;
import org.hrssplan.config.AppConfig;
import org.hrssplan.document.RegionDirectory;
import org.hrssplan.extract.PlanExtractor;
import org.hrssplan.synth.CorpusVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hrss synth verify}: extracts a folder without Spark and compares with the expected observations exactly. */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = {"Extract INPUT with the plain-Java extractor (no Spark) and compare the observations with EXPECTED",
        "as a multiset on the golden columns. Exit 0 when exact (no difference, nothing quarantined), 1 otherwise."})
public final class SynthVerifyCommand implements Callable<Integer> {
  /** How many differences of each kind are printed. */
  private static final int SHOWN = 20;

  @Option(names = "--expected", required = true, description = "expected_observations.csv written by synth corpus")
  Path expected;

  @Option(names = "--input", required = true, description = "folder of plan documents (or one document)")
  Path input;

  @Option(names = "--regions", required = true, description = "regions.csv the documents' regions are recognized from")
  Path regionsFile;

  @Mixin
  ConfigOption config = new ConfigOption();

  @Override
  public Integer call() throws Exception {
    AppConfig cfg = config.load();
    for (Path p : List.of(expected, input, regionsFile)) {
      if (!Files.exists(p)) {
        System.err.println("hrss synth verify: " + p + " does not exist");
        return Hrss.HANDLED_FAILURE;
      }
    }
    IndicatorCatalog catalog = ConfigOption.catalog(cfg);
    RegionDirectory regions;
    try (Reader r = Files.newBufferedReader(regionsFile, StandardCharsets.UTF_8)) {
      regions = RegionDirectory.read(r, regionsFile.toString());
    }
    regions.problems().forEach(p -> System.err.println("warning: " + p));
    CorpusVerifier.Report rep;
    try (Reader r = Files.newBufferedReader(expected, StandardCharsets.UTF_8)) {
      rep = new CorpusVerifier(new PlanExtractor(catalog, regions, cfg.quality(), cfg.limits())).verify(r, expected.toString(), input);
    }
    System.out.printf("extracted %d documents in %.1f s (%.1f ms per document): %d observations, %d quarantined, %d not extracted%n",
        rep.documents(), rep.extractionMillis() / 1000.0, rep.documents() == 0 ? 0.0 : (double) rep.extractionMillis() / rep.documents(),
        rep.observations(), rep.quarantined(), rep.documentsNotExtracted());
    System.out.printf("expected %d observations: %d missing, %d unexpected%n", rep.expectedRows(), rep.missing().size(),
        rep.unexpected().size());
    if (rep.exact()) {
      System.out.println("exact: every expected observation extracted, nothing else");
      return Hrss.OK;
    }
    System.out.println("columns: source_file | source_line | source_kind | region_code | plan_period | table_ref | indicator_name_raw"
        + " | indicator_id | role | year | value_kind | value_raw | value | unit | comparator | is_cumulative | is_annual | attribute | flags");
    print("expected but not extracted", rep.missing());
    print("extracted but not expected", rep.unexpected());
    print("problems", rep.problems());
    return Hrss.HANDLED_FAILURE;
  }

  private static void print(String heading, List<String> rows) {
    if (rows.isEmpty()) return;
    System.out.println(heading + " (" + rows.size() + (rows.size() > SHOWN ? ", first " + SHOWN : "") + "):");
    rows.stream().limit(SHOWN).forEach(r -> System.out.println("  " + r));
  }
}
