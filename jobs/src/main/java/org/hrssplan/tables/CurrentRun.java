package org.hrssplan.tables;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hrssplan.config.AppConfig;

/**
 * The "current run" pointer: after every table of a run is committed, {@code <lakehouse>/_state/current.json} names
 * the run and the Delta version of each table it wrote (written to a temporary file and renamed, so it is always
 * whole). Readers that go through {@link org.hrssplan.pipeline.CatalogTables} see exactly these versions whenever a
 * later run is still writing or died half-way, so they see yesterday's run or today's, never a mix.
 */
public record CurrentRun(String runId, Map<String, Long> versions) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public static Path file(AppConfig config) {
    return config.location(config.lakehouse()).path().resolve("_state").resolve("current.json");
  }

  public static CurrentRun read(AppConfig config) throws IOException {
    if (!config.location(config.lakehouse()).isLocal()) return null;
    Path f = file(config);
    if (!Files.isRegularFile(f)) return null;
    var node = JSON.readTree(f.toFile());
    Map<String, Long> versions = new LinkedHashMap<>();
    node.path("versions").fields().forEachRemaining(e -> versions.put(e.getKey(), e.getValue().asLong()));
    return new CurrentRun(node.path("run_id").asText(), versions);
  }

  public void write(AppConfig config) throws IOException {
    if (!config.location(config.lakehouse()).isLocal()) return;
    Path f = file(config);
    Files.createDirectories(f.getParent());
    Path tmp = f.resolveSibling("current.json.tmp");
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("run_id", runId);
    m.put("versions", versions);
    Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(m), StandardCharsets.UTF_8);
    Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
