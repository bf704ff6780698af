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

  /** The configured indicator catalog, read from the local file system (the commands that run without Spark). */
  static org.hrssplan.catalog.IndicatorCatalog catalog(AppConfig cfg) throws IOException {
    try (java.io.InputStream in = java.nio.file.Files.newInputStream(Path.of(cfg.resolve(cfg.catalog())))) {
      return org.hrssplan.catalog.IndicatorCatalog.load(in);
    }
  }
}
