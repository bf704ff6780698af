package org.hrssplan.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hrssplan.document.ReadingLimits;
import org.hrssplan.extract.QualityThresholds;

/**
 * The job's configuration: {@code conf/hrss.yaml}. Loaded from {@code --config FILE}, else
 * {@code <home>/conf/hrss.yaml}, else the copy inside the jar. Relative paths resolve against the home
 * ({@code HRSS_HOME} or the working directory); paths with a URI scheme are kept as they are.
 */
public record AppConfig(
    String source,
    Path home,
    String plans,
    String regions,
    String catalog,
    String lakehouse,
    String database,
    String normalizedCsv,
    QualityThresholds quality,
    MetricParameters metrics,
    String notebooks,
    Map<String, org.hrssplan.quality.GateRule> gates,
    String datasets,
    int parallelWrites,
    org.hrssplan.config.EndpointSettings endpoint,
    ReadingLimits limits) {
  /** A file the command was pointed at does not exist: said in one line, exit 1, no stack trace. */
  public static final class MissingInput extends IOException {
    public MissingInput(String message) {
      super(message);
    }
  }


  /** The configuration says something that cannot be (an unknown gate, a port out of range, …): one line, exit 1. */
  public static final class Invalid extends IOException {
    public Invalid(String message) {
      super(message);
    }
  }

  public static final String DEFAULT_RESOURCE = "conf/hrss.yaml";

  public static AppConfig load(Path explicit) throws IOException {
    Path home = defaultHome();
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    JsonNode root;
    String source;
    if (explicit != null) {
      if (!Files.isRegularFile(explicit)) throw new MissingInput("config file " + explicit + " does not exist");
      root = yaml.readTree(explicit.toFile());
      source = explicit.toAbsolutePath().toString();
    } else if (Files.isRegularFile(home.resolve(DEFAULT_RESOURCE))) {
      root = yaml.readTree(home.resolve(DEFAULT_RESOURCE).toFile());
      source = home.resolve(DEFAULT_RESOURCE).toString();
    } else {
      try (InputStream in = AppConfig.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
        if (in == null) throw new IOException("no " + DEFAULT_RESOURCE + " on the classpath");
        root = yaml.readTree(in);
      }
      source = "classpath:" + DEFAULT_RESOURCE;
    }
    if (root.has("tables")) {
      throw new Invalid(source + ": `tables:` is not a setting: every table has one fixed name, the same in the lakehouse, the"
          + " catalog, the models and the exports (docs/tables-and-metrics.md#tables); remove the section (lakehouse: and database: say where they go)");
    }
    JsonNode q = root.path("quality");
    QualityThresholds thresholds = new QualityThresholds(
        q.path("five_year_total_ratio").asDouble(QualityThresholds.DEFAULTS.fiveYearTotalRatio()),
        q.path("implausible_change_ratio").asDouble(QualityThresholds.DEFAULTS.implausibleChangeRatio()));
    JsonNode m = root.path("metrics");
    MetricParameters d = MetricParameters.DEFAULTS;
    MetricParameters metrics = new MetricParameters(m.path("approx_tolerance").asDouble(d.approxTolerance()),
        m.path("on_track").asDouble(d.onTrack()), m.path("acceleration_needed").asDouble(d.accelerationNeeded()),
        m.path("outlier_z").asDouble(d.outlierZ()), m.path("clusters").asInt(d.clusters()), m.path("seed").asLong(d.seed()));
    return new AppConfig(source, home, text(root, "input", "plans", source), text(root, "input", "regions", source),
        root.path("catalog").asText("conf/indicator-catalog.yaml"), text(root, null, "lakehouse", source),
        root.path("database").asText("hrss"), root.path("normalized_csv").asText(""), thresholds, metrics,
        root.path("notebooks").asText("notebooks-export"), gates(root.path("gates"), source),
        root.path("input").path("datasets").asText(""), parallelWrites(root, source),
        org.hrssplan.config.EndpointSettings.of(root.path("endpoint"), source), limits(root.path("limits"), source));
  }

  private static ReadingLimits limits(JsonNode node, String source) throws IOException {
    ReadingLimits d = ReadingLimits.DEFAULTS;
    try {
      return new ReadingLimits(node.path("document_megabytes").asLong(d.documentBytes() >> 20) << 20,
          node.path("table_rows").asInt(d.tableRows()), node.path("nesting_depth").asInt(d.nestingDepth()));
    } catch (IllegalArgumentException e) {
      throw new Invalid(source + ": " + e.getMessage());
    }
  }

  private static int parallelWrites(JsonNode root, String source) throws IOException {
    int n = root.path("parallel_writes").asInt(4);
    if (n < 1) throw new Invalid(source + ": parallel_writes must be at least 1, not " + n);
    return n;
  }

  private static Map<String, org.hrssplan.quality.GateRule> gates(JsonNode node, String source) throws IOException {
    Map<String, org.hrssplan.quality.GateRule> gates = new LinkedHashMap<>();
    var known = java.util.Set.of("quarantine_share", "rejected_documents", "unknown_indicators", "region_lost_indicator",
        "value_changed_same_document", "tables_not_read");
    for (var it = node.fields(); it.hasNext(); ) {
      var e = it.next();
      if (!known.contains(e.getKey())) throw new Invalid(source + ": unknown gate '" + e.getKey() + "' (known: " + known + ")");
      String action = e.getValue().path("action").asText("warn");
      if (!action.equals("warn") && !action.equals("fail")) throw new Invalid(source + ": gates." + e.getKey() + ".action must be warn or fail");
      gates.put(e.getKey(), new org.hrssplan.quality.GateRule(e.getKey(), e.getValue().path("max").asDouble(0), action));
    }
    return java.util.Collections.unmodifiableMap(gates); // in the file's order, so that every run prints them alike
  }

  private static String text(JsonNode root, String section, String field, String source) throws IOException {
    JsonNode n = section == null ? root.path(field) : root.path(section).path(field);
    if (n.isMissingNode() || n.asText().isBlank()) {
      throw new Invalid(source + ": " + (section == null ? "" : section + ".") + field + " is missing");
    }
    return n.asText();
  }

  public static Path defaultHome() {
    String h = System.getenv("HRSS_HOME");
    if (h == null || h.isBlank()) h = System.getProperty("hrss.home");
    return (h == null || h.isBlank() ? Path.of("") : Path.of(h)).toAbsolutePath().normalize();
  }

  /** A configured location: a local path (relative ones against the home, {@code file:} URIs too) or a remote URI. */
  public Location location(String location) {
    return Location.of(location, home);
  }

  /** A configured location as a string Spark and Hadoop understand: remote URIs as they are, local paths absolute. */
  public String resolve(String location) {
    return location(location).toString();
  }

  /** The folder of the table called {@code table} (its name in the catalog, see {@code PublishedTable}). */
  public String tablePath(String table) {
    return location(lakehouse).resolve(table).toString();
  }

  /** {@code table} qualified with the database. */
  public String tableName(String table) {
    return database + "." + table;
  }

  /** The effective configuration, for the log at start. */
  public String describe() {
    return "config " + source + "\n  home=" + home + "\n  plans=" + resolve(plans) + "\n  regions=" + resolve(regions)
        + "\n  datasets=" + (datasets.isEmpty() ? "(none)" : resolve(datasets))
        + "\n  catalog=" + resolve(catalog) + "\n  lakehouse=" + resolve(lakehouse) + "\n  database=" + database
        + "\n  normalized_csv=" + (normalizedCsv.isEmpty() ? "(off)" : resolve(normalizedCsv))
        + "\n  quality=" + quality + "\n  metrics=" + metrics + "\n  notebooks=" + resolve(notebooks) + "\n  gates=" + gates.values()
        + "\n  parallel_writes=" + parallelWrites + "\n  limits=" + limits + "\n  endpoint=" + endpoint;
  }
}
