package org.hrssplan.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.hrssplan.catalog.IndicatorCatalog;
import org.hrssplan.config.AppConfig;
import org.hrssplan.pipeline.InputFiles;
import org.hrssplan.pipeline.SparkSessions;
import org.hrssplan.synth.SyntheticDataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hrss synth dataset}: a normalized dataset at national (~1.8M rows) or township (~20M rows) scale. */
@Command(name = "dataset", mixinStandardHelpOptions = true,
    description = {"Generate a normalized indicator dataset (Parquet, the columns of fct_observation) for the benchmark:",
        "UNITS planning units × INDICATORS catalog indicators × 11 rows (十二五–十五五 base/target/actual).",
        "Writes OUT/observations/*.parquet and OUT/regions.csv (the configured regions first, then the units).",
        "Presets: --scale national (2,850 counties × 57 = 1,786,950 rows), --scale township (38,000 townships × 48 = 20,064,000)."})
public final class SynthDatasetCommand implements Callable<Integer> {
  @Option(names = "--scale", description = "national | township (sets --units, --indicators, --township)")
  String scale;

  @Option(names = "--units", description = "planning units (default 2850)")
  Integer units;

  @Option(names = "--indicators", description = "indicators per unit, a rotating subset of the catalog (default: all)")
  Integer indicators;

  @Option(names = "--township", description = "townships (9-digit codes) instead of counties (6-digit)")
  boolean township;

  @Option(names = "--seed", defaultValue = "42", description = "seed of every draw (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--files", defaultValue = "2", description = "Parquet files to write (default ${DEFAULT-VALUE})")
  int files;

  @Option(names = "--out", required = true, description = "output folder (replaced)")
  Path out;

  @Mixin
  ConfigOption config = new ConfigOption();

  @Override
  public Integer call() throws Exception {
    if ("national".equals(scale)) {
      units = units == null ? 2850 : units;
    } else if ("township".equals(scale)) {
      units = units == null ? 38_000 : units;
      indicators = indicators == null ? 48 : indicators;
      township = true;
    } else if (scale != null) {
      System.err.println("hrss synth dataset: --scale is national or township, not " + scale);
      return Hrss.USAGE;
    }
    int n = units == null ? 2850 : units;
    AppConfig cfg = config.load();
    long start = System.nanoTime();
    SparkSession spark = SparkSessions.create("hrss-synth-dataset");
    try {
      IndicatorCatalog catalog = InputFiles.catalog(spark.sparkContext().hadoopConfiguration(), cfg);
      int k = indicators == null ? catalog.indicators().size() : Math.min(indicators, catalog.indicators().size());
      List<String> base = Files.readAllLines(Path.of(cfg.resolve(cfg.regions()))).stream().skip(1).filter(l -> !l.isBlank()).toList();
      SyntheticDataset.writeRegions(out.resolve("regions.csv"), n, township, base);
      long rows = SyntheticDataset.write(SyntheticDataset.generate(spark, catalog, n, k, township, seed, Math.max(1, files)),
          out.resolve("observations").toAbsolutePath().toString());
      System.out.printf("%d rows (%d units × %d indicators × %d) → %s/observations, regions → %s in %.1f s%n", rows, n, k,
          SyntheticDataset.ROWS_PER_UNIT_INDICATOR, out, out.resolve("regions.csv"), (System.nanoTime() - start) / 1e9);
      return Hrss.OK;
    } finally {
      spark.stop();
    }
  }
}
