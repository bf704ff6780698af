package org.hrssplan.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.hrssplan.catalog.IndicatorCatalog;
import org.hrssplan.config.AppConfig;
import org.hrssplan.document.RegionDirectory;

/** Reads the small driver-side inputs (catalog, regions) from local paths or any Hadoop file system URI. */
public final class InputFiles {
  private InputFiles() {}

  public static InputStream open(Configuration hadoop, String location) throws IOException {
    Path p = new Path(URI.create(location.contains(":/") ? location : "file://" + location));
    FileSystem fs = p.getFileSystem(hadoop);
    if (!fs.exists(p)) throw new IOException("input " + location + " does not exist");
    return fs.open(p);
  }

  public static IndicatorCatalog catalog(Configuration hadoop, AppConfig config) throws IOException {
    String loc = config.resolve(config.catalog());
    try (InputStream in = open(hadoop, loc)) {
      return IndicatorCatalog.load(in);
    } catch (IllegalArgumentException e) {
      throw new IOException(loc + ": " + e.getMessage(), e);
    }
  }

  public static RegionDirectory regions(Configuration hadoop, AppConfig config) throws IOException {
    String loc = config.resolve(config.regions());
    try (Reader r = new InputStreamReader(open(hadoop, loc), StandardCharsets.UTF_8)) {
      return RegionDirectory.read(r, loc);
    }
  }

  public static boolean exists(Configuration hadoop, String location) throws IOException {
    Path p = new Path(URI.create(location.contains(":/") ? location : "file://" + location));
    return p.getFileSystem(hadoop).exists(p);
  }
}
