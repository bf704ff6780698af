package org.hrssplan.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.hrssplan.config.AppConfig;
import org.hrssplan.config.Location;
import org.hrssplan.tables.CurrentRun;
import org.hrssplan.config.EndpointSettings;

/**
 * A running single-node Trino over the lakehouse ({@code hrss serve}). {@link #start} writes its configuration
 * ({@link TrinoFiles}), starts the server as a child process with the Java {@link TrinoJava} found, waits until it
 * answers, pins the tables to the last complete run ({@link PinnedTables}) and records itself in
 * {@code <lakehouse>/_endpoint/endpoint.json} so that {@code hrss sql} finds it. {@link #close} stops the server and
 * removes the record. Its state (configuration, metastore, logs) lives under {@code <lakehouse>/_endpoint}.
 */
public final class SqlEndpoint implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The endpoint's own folder in the lakehouse: its configuration, metastore and logs. */
  static final String STATE_DIR = "_endpoint";
  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
  /**
   * Trino runs under a small shell that stops it when this JVM is gone, however it went (a SIGKILLed endpoint or test
   * JVM leaves no Trino behind), and forwards SIGTERM to it. Arguments: this JVM's pid, then Trino's command line.
   */
  private static final String WATCHDOG = "parent=$1; shift; \"$@\" & t=$!; trap 'kill -TERM $t 2>/dev/null; wait $t; exit' TERM INT; "
      + "while kill -0 \"$parent\" 2>/dev/null && kill -0 $t 2>/dev/null; do sleep 1; done; kill -TERM $t 2>/dev/null; wait $t";

  private final AppConfig config;
  private final Path state;
  private final Process server;
  private final TrinoFiles.Admin admin;
  private final int httpPort;
  private final PinnedTables tables;
  private String pinnedRun = null;
  private String pinnedState = null;
  private String lastProblems = null;

  private SqlEndpoint(AppConfig config, Path state, Process server, TrinoFiles.Admin admin, int httpPort) {
    this.config = config;
    this.state = state;
    this.server = server;
    this.admin = admin;
    this.httpPort = httpPort;
    this.tables = new PinnedTables(config);
  }

  /** The folder of the endpoint's own files under the lakehouse. */
  public static Path stateDir(AppConfig config) {
    return lakehouse(config).resolve(STATE_DIR);
  }

  /** The lakehouse folder on this machine ({@code file:} URIs too); a lakehouse elsewhere cannot be served. */
  static Path lakehouse(AppConfig config) {
    Location loc = config.location(config.lakehouse());
    if (!loc.isLocal()) {
      throw new IllegalArgumentException("hrss serve reads a lakehouse on this machine's file system; " + loc + " is not one");
    }
    return loc.path();
  }

  /** Starts Trino from {@code serverHome} with {@code javaHome}, waits until it serves, pins the views. */
  public static SqlEndpoint start(AppConfig config, Path serverHome, Path javaHome, PrintStream log) throws IOException, SQLException {
    Path lakehouse;
    try {
      lakehouse = lakehouse(config);
    } catch (IllegalArgumentException e) {
      throw new IOException(e.getMessage());
    }
    Optional<Running> already = Running.find(config);
    if (already.isPresent()) {
      throw new IOException("an endpoint is already serving this lakehouse (pid " + already.get().pid() + ", " + already.get().jdbcUrl()
          + "); stop it with: jobs/bin/hrss serve stop");
    }
    config.endpoint().requireServable(config.source());
    EndpointSettings s = config.endpoint().resolved(config::resolve);
    Path state = stateDir(config);
    Files.deleteIfExists(state.resolve("endpoint.json")); // a record left by a killed endpoint (its Trino died with it)
    Files.createDirectories(state.resolve("var/log"));
    // the metastore names the endpoint's own user (as owner of what it registers): for this OS user's eyes only
    Files.setPosixFilePermissions(state, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    // what Trino knows of the tables is made anew at each start from the lakehouse (PinnedTables): no earlier layout
    // (views over a hidden schema, before issue #20) and no registration of a table since recreated can linger
    TrinoDistribution.deleteTree(lakehouse.resolve(TrinoFiles.METASTORE));
    TrinoDistribution.deleteTree(state.resolve(PinnedTables.DIR));
    TrinoFiles.Admin admin = TrinoFiles.Admin.random();
    long heap = heapBytes(s.heap());
    Path etc = TrinoFiles.write(state, lakehouse, s, config.database(), admin, heap);
    Path out = state.resolve("var/log/server.out");
    ProcessBuilder pb = new ProcessBuilder("bash", "-c", WATCHDOG, "hrss-trino", String.valueOf(ProcessHandle.current().pid()),
        serverHome.resolve("bin/launcher").toString(), "run", "-etc-dir", etc.toString(), "-data-dir", state.resolve("var").toString(),
        "-jvm-dir", javaHome.toString())
        .redirectErrorStream(true).redirectOutput(out.toFile());
    pb.environment().put("JAVA_HOME", javaHome.toString());
    pb.environment().put("PATH", javaHome.resolve("bin") + java.io.File.pathSeparator + System.getenv().getOrDefault("PATH", ""));
    int httpPort = s.loopback() ? s.port() : s.port() + 1;
    log.printf("hrss serve: starting Trino %s on %s:%d (heap %,d MiB, Java %s) …%n", TrinoDistribution.VERSION, s.host(), s.port(),
        heap >> 20, javaHome);
    Instant t0 = Instant.now();
    Process p = pb.start();
    SqlEndpoint e = new SqlEndpoint(config, state, p, admin, httpPort);
    Runtime.getRuntime().addShutdownHook(new Thread(e::close, "hrss-endpoint-stop"));
    try {
      e.awaitReady(out);
      log.printf("hrss serve: Trino answers after %.1f s%n", Duration.between(t0, Instant.now()).toMillis() / 1000.0);
      e.sync(log);
      e.record();
    } catch (IOException | SQLException | RuntimeException ex) {
      e.close();
      throw ex;
    }
    return e;
  }

  /**
   * Re-pins the tables when a run completed since the last pin (its current.json changed); true when it did. A table
   * it could not serve is named once and tried again at the next call.
   */
  public boolean sync(PrintStream log) throws IOException, SQLException {
    Path current = CurrentRun.file(config);
    String seen = Files.isRegularFile(current) ? Files.readString(current) : "";
    if (seen.equals(pinnedState)) return false;
    long t0 = System.nanoTime();
    PinnedTables.Pinned pinned;
    try (Connection c = adminConnection()) {
      pinned = tables.sync(c);
    }
    pinnedRun = pinned.runId();
    if (pinned.problems().isEmpty()) pinnedState = seen;
    String problems = pinned.problems().keySet().toString(); // by table: Trino's messages carry a new query id each time
    if (pinned.problems().isEmpty() || !problems.equals(lastProblems)) {
      log.printf("hrss serve: %s.* pinned to %s (%d ms)%s%n", config.database(),
          pinnedRun.isEmpty() ? "the tables' latest commits (no complete run recorded)" : "run " + pinnedRun,
          (System.nanoTime() - t0) / 1_000_000, pinned.problems().isEmpty() ? "" : "; not served yet: " + pinned.problems());
    }
    lastProblems = problems;
    return true;
  }

  public String pinnedRun() {
    return pinnedRun;
  }

  public boolean alive() {
    return server.isAlive();
  }

  /** The JDBC URL clients use. */
  public String jdbcUrl() {
    return config.endpoint().jdbcUrl(TrinoFiles.CATALOG, config.database());
  }

  /** Memory the server process holds now (resident set, from /proc), or -1. */
  public long residentBytes() {
    long sum = 0;
    try {
      for (ProcessHandle h : java.util.stream.Stream.concat(java.util.stream.Stream.of(server.toHandle()), server.descendants()).toList()) {
        for (String l : Files.readAllLines(Path.of("/proc/" + h.pid() + "/status"))) {
          if (l.startsWith("VmRSS:")) sum += Long.parseLong(l.replaceAll("\\D", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1; // not Linux, or the process just ended: unknown
    }
    return sum;
  }

  /** The endpoint's own connection (registers the pinned tables); the tests' too. */
  Connection adminConnection() throws SQLException {
    EndpointSettings s = config.endpoint();
    String host = s.localAddress();
    Properties p = new Properties();
    p.setProperty("user", admin.user());
    if (!s.loopback()) {
      // the endpoint talks to its own child process: the certificate is the operator's, its name need not match
      p.setProperty("password", admin.password());
      p.setProperty("SSL", "true");
      p.setProperty("SSLVerification", "NONE");
    }
    return DriverManager.getConnection("jdbc:trino://" + host + ":" + s.port() + "/" + TrinoFiles.CATALOG, p);
  }

  private void awaitReady(Path out) throws IOException {
    String host = config.endpoint().localAddress();
    URI info = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + httpPort + "/v1/info");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!server.isAlive()) throw new IOException("Trino stopped while starting (exit " + server.exitValue() + "):\n" + tail(out));
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(info).timeout(Duration.ofSeconds(2)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 && !JSON.readTree(r.body()).path("starting").asBoolean(true)) return;
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while Trino was starting");
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while Trino was starting");
      }
    }
    throw new IOException("Trino did not answer within " + START_TIMEOUT.toSeconds() + " s; its log:\n" + tail(out));
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      List<String> errors = lines.stream().filter(l -> l.contains("ERROR") || l.contains("Error") || l.contains("rror:")).limit(10).toList();
      List<String> last = lines.subList(Math.max(0, lines.size() - 15), lines.size());
      return "  " + String.join("\n  ", errors.isEmpty() ? last : errors) + "\n  (whole log: " + log + ")";
    } catch (IOException e) {
      return "  (no log at " + log + ")";
    }
  }

  private void record() throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("pid", ProcessHandle.current().pid());
    m.put("server_pid", server.pid());
    m.put("jdbc_url", jdbcUrl());
    m.put("host", config.endpoint().host());
    m.put("port", config.endpoint().port());
    m.put("loopback", config.endpoint().loopback());
    m.put("started_at", Instant.now().toString());
    Path tmp = state.resolve("endpoint.json.tmp");
    Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(m), StandardCharsets.UTF_8);
    Files.move(tmp, state.resolve("endpoint.json"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Stops the server (SIGTERM, then after 30 s SIGKILL) and removes the record; once, from whichever thread comes first. */
  @Override
  public synchronized void close() {
    try {
      Files.deleteIfExists(state.resolve("endpoint.json"));
    } catch (IOException e) {
      // the record names a dead process; Running.find ignores it
    }
    if (!server.isAlive()) return;
    List<ProcessHandle> trino = server.descendants().toList();
    server.destroy();
    try {
      if (!server.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        trino.forEach(ProcessHandle::destroyForcibly);
        server.destroyForcibly();
        server.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      server.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** Trino's heap: the configured size, or a quarter of the machine's memory between 1 and 8 GiB. */
  static long heapBytes(String heap) {
    if (!heap.equals("auto")) {
      long n = Long.parseLong(heap.substring(0, heap.length() - 1));
      return heap.endsWith("G") ? n << 30 : n << 20;
    }
    long total = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getTotalMemorySize();
    return Math.max(1L << 30, Math.min(8L << 30, total / 4));
  }

  /** An endpoint recorded as serving a lakehouse whose Trino is alive (a process whose command line names its folder). */
  public record Running(long pid, String jdbcUrl, boolean loopback, int port) {
    public static Optional<Running> find(AppConfig config) {
      try {
        Path f = stateDir(config).resolve("endpoint.json");
        if (!Files.isRegularFile(f)) return Optional.empty();
        JsonNode n = JSON.readTree(f.toFile());
        long pid = n.path("pid").asLong();
        String var = stateDir(config).resolve("var").toString();
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)
            && ProcessHandle.of(n.path("server_pid").asLong())
                .flatMap(h -> h.info().commandLine()).map(c -> c.contains(var)).orElse(false)) {
          return Optional.of(new Running(pid, n.path("jdbc_url").asText(), n.path("loopback").asBoolean(), n.path("port").asInt()));
        }
      } catch (IOException | RuntimeException e) {
        // unreadable, or a lakehouse not on this machine: no endpoint
      }
      return Optional.empty();
    }
  }
}
