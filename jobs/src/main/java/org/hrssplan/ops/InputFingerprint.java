package org.hrssplan.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hrssplan.config.AppConfig;
import org.hrssplan.config.Location;
import org.hrssplan.document.PlanDocument;
import org.hrssplan.extract.CorpusExtractor;

/**
 * Everything a run's output depends on, as SHA-256 checksums: every file of the plans folder, regions.csv, the
 * catalog, the config file, the notebooks, the Parquet datasets and the job's own jar. A rerun whose fingerprint equals the last
 * successful run's ({@code <lakehouse>/_state/last_success.json}) has nothing new to publish: it exits 0 at once,
 * without starting Spark and without writing a table version. Local inputs only; for URIs the check is skipped.
 */
public record InputFingerprint(Map<String, String> checksums) {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  /** The fingerprint of the configured inputs, or null when an input is not a local path. */
  public static InputFingerprint of(AppConfig config) throws IOException {
    Map<String, String> m = new TreeMap<>();
    List<Location> locations = List.of(config.location(config.plans()), config.location(config.regions()),
        config.location(config.catalog()), config.location(config.notebooks()), config.location(config.lakehouse()));
    if (!locations.stream().allMatch(Location::isLocal)) return null;
    try {
      addFolder(m, "plans/", locations.get(0).path());
    } catch (IOException e) {
      return null; // a plans folder that cannot be listed: no no-op check, the run itself reports the folder
    }
    m.put("regions", sha(locations.get(1).path()));
    m.put("catalog", sha(locations.get(2).path()));
    if (Files.isDirectory(locations.get(3).path())) addFolder(m, "notebooks/", locations.get(3).path());
    if (!config.datasets().isEmpty()) {
      Location datasets = config.location(config.datasets());
      if (!datasets.isLocal()) return null;
      Path d = datasets.path();
      if (Files.isDirectory(d)) addFolder(m, "datasets/", d);
      else m.put("datasets/" + d.getFileName(), sha(d));
    }
    m.put("config", config.source().startsWith("classpath:") ? "classpath" : sha(Path.of(config.source())));
    m.put("code", codeChecksum());
    return new InputFingerprint(m);
  }

  /**
   * The files of a folder as the run lists them ({@link CorpusExtractor#listInputs}), each by its checksum; a file that
   * cannot be read counts as such (the run reports it; once it can be read, the fingerprint changes).
   */
  private static void addFolder(Map<String, String> m, String prefix, Path dir) throws IOException {
    if (!Files.isDirectory(dir)) return;
    for (Path p : CorpusExtractor.listInputs(dir)) m.put(prefix + p.getFileName(), sha(p));
  }

  private static String sha(Path p) {
    if (!Files.exists(p)) return Files.isSymbolicLink(p) ? "broken link" : "missing";
    try (InputStream in = Files.newInputStream(p)) {
      return PlanDocument.sha256(in);
    } catch (IOException e) {
      return "unreadable: " + CorpusExtractor.ioReason(e);
    }
  }

  /** The running jar's checksum (new code → a new fingerprint); "classes" when run from a build folder. */
  static String codeChecksum() throws IOException {
    try {
      Path where = Path.of(InputFingerprint.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isRegularFile(where)) return sha(where);
      // run from a build folder (tests, an IDE): the metric models' SQL stands for the code
      StringBuilder models = new StringBuilder();
      for (var t : org.hrssplan.tables.PublishedTable.METRIC_TABLES) {
        if (t.sqlModel()) models.append(org.hrssplan.metrics.SqlModel.text(t.name()));
      }
      return "classes:" + PlanDocument.sha256(models.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 12);
    } catch (URISyntaxException | SecurityException e) {
      return "unknown";
    }
  }

  public static Path stateFile(AppConfig config) {
    return config.location(config.lakehouse()).path().resolve("_state").resolve("last_success.json");
  }

  /** The last successful run's fingerprint and run id, or null. */
  public static Map<String, Object> lastSuccess(AppConfig config) throws IOException {
    Path f = stateFile(config);
    if (!Files.isRegularFile(f)) return null;
    @SuppressWarnings("unchecked")
    Map<String, Object> m = JSON.readValue(f.toFile(), Map.class);
    return m;
  }

  public boolean sameAs(Map<String, Object> last) {
    return last != null && checksums.equals(last.get("checksums"));
  }

  /** Records this fingerprint as the last successful run's (atomic rename). */
  public void recordSuccess(AppConfig config, String runId) throws IOException {
    Path f = stateFile(config);
    Files.createDirectories(f.getParent());
    Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
    Map<String, Object> m = new TreeMap<>();
    m.put("run_id", runId);
    m.put("checksums", checksums);
    Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(m), StandardCharsets.UTF_8);
    Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
