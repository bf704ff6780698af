package org.hrssplan.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hrssplan.catalog.IndicatorCatalog;
import org.hrssplan.document.RegionDirectory;
import org.hrssplan.extract.PlanExtractor;
import org.hrssplan.extract.QualityThresholds;

/** Paths and shared objects for tests: the repository root, the seed corpus, the catalog and regions. */
public final class TestFixtures {
  private static IndicatorCatalog catalog;
  private static RegionDirectory regions;

  private TestFixtures() {}

  public static Path repoRoot() {
    String p = System.getProperty("hrss.repo.root");
    Path root = p != null ? Path.of(p) : Path.of("..").toAbsolutePath().normalize();
    if (!Files.isDirectory(root.resolve("conf"))) root = Path.of(".").toAbsolutePath().normalize();
    return root;
  }

  public static Path plansDir() {
    return repoRoot().resolve("data/raw/plans");
  }

  public static synchronized IndicatorCatalog catalog() {
    if (catalog == null) {
      try (InputStream in = Files.newInputStream(repoRoot().resolve("conf/indicator-catalog.yaml"))) {
        catalog = IndicatorCatalog.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return catalog;
  }

  public static synchronized RegionDirectory regions() {
    if (regions == null) {
      try (var r = Files.newBufferedReader(repoRoot().resolve("data/raw/regions.csv"))) {
        regions = RegionDirectory.read(r, "regions.csv");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return regions;
  }

  public static PlanExtractor extractor() {
    return new PlanExtractor(catalog(), regions(), QualityThresholds.DEFAULTS);
  }

  private static PlanExtractor shapesExtractor;

  /** The extractor with the made-up regions of fixtures/shapes/regions.csv (柳河县 990222, 松岭县 990125, …). */
  public static synchronized PlanExtractor shapesExtractor() {
    if (shapesExtractor == null) {
      try (var in = Files.newBufferedReader(resource("fixtures/shapes/regions.csv"))) {
        shapesExtractor = new PlanExtractor(catalog(), RegionDirectory.read(in, "regions.csv"), QualityThresholds.DEFAULTS);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return shapesExtractor;
  }

  public static Path resource(String name) {
    try {
      return Path.of(TestFixtures.class.getClassLoader().getResource(name).toURI());
    } catch (Exception e) {
      throw new IllegalStateException("test resource " + name + " missing", e);
    }
  }
}
