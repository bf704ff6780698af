package org.hrssplan.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.hrssplan.config.AppConfig;
import picocli.CommandLine.Option;

/** The {@code --config FILE} option every command shares (picocli mixin). */
public final class ConfigOption {
  @Option(names = "--config", description = "config file (default: conf/hrss.yaml under HRSS_HOME, else the one in the jar)")
  Path file;

  AppConfig load() throws IOException {
    return AppConfig.load(file);
  }

  /**
   * The regions of {@code file} for a command run without Spark, its problems printed as warnings; null (after one
   * line naming the file) when the file is not there.
   */
  static org.hrssplan.document.RegionDirectory regions(String command, Path file) throws IOException {
    if (!java.nio.file.Files.isRegularFile(file)) {
      System.err.println("hrss " + command + ": regions file " + file + " does not exist");
      return null;
    }
    org.hrssplan.document.RegionDirectory regions;
    try (var r = java.nio.file.Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
      regions = org.hrssplan.document.RegionDirectory.read(r, file.toString());
    }
    regions.problems().forEach(p -> System.err.println("warning: " + p));
    return regions;
  }

  /** The configured indicator catalog, read from the local file system (the commands that run without Spark). */
  static org.hrssplan.catalog.IndicatorCatalog catalog(AppConfig cfg) throws IOException {
    try (java.io.InputStream in = java.nio.file.Files.newInputStream(Path.of(cfg.resolve(cfg.catalog())))) {
      return org.hrssplan.catalog.IndicatorCatalog.load(in);
    }
  }
}
