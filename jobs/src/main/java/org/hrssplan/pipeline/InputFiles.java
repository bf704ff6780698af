package org.hrssplan.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.hrssplan.catalog.IndicatorCatalog;
import org.hrssplan.config.AppConfig;
import org.hrssplan.config.Location;
import org.hrssplan.document.RegionDirectory;

/** Reads the small driver-side inputs (catalog, regions) from local paths or any Hadoop file system URI. */
public final class InputFiles {
  private InputFiles() {}

  public static InputStream open(Configuration hadoop, Location location) throws IOException {
    Path p = new Path(location.uri());
    FileSystem fs = p.getFileSystem(hadoop);
    if (!fs.exists(p)) throw new IOException("input " + location + " does not exist");
    return fs.open(p);
  }

  public static IndicatorCatalog catalog(Configuration hadoop, AppConfig config) throws IOException {
    Location loc = config.location(config.catalog());
    try (InputStream in = open(hadoop, loc)) {
      return IndicatorCatalog.load(in);
    } catch (IllegalArgumentException e) {
      throw new IOException(loc + ": " + e.getMessage(), e);
    }
  }

  public static RegionDirectory regions(Configuration hadoop, AppConfig config) throws IOException {
    Location loc = config.location(config.regions());
    try (Reader r = new InputStreamReader(open(hadoop, loc), StandardCharsets.UTF_8)) {
      return RegionDirectory.read(r, loc.toString());
    }
  }

  public static boolean exists(Configuration hadoop, Location location) throws IOException {
    Path p = new Path(location.uri());
    return p.getFileSystem(hadoop).exists(p);
  }
}
