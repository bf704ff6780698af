package org.hrssplan.endpoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hrssplan.config.EndpointSettings;

/**
 * The Trino configuration {@code hrss serve} writes under {@code <lakehouse>/_endpoint/etc} at every start, from
 * {@link EndpointSettings}. What it enforces:
 * <ul>
 *   <li>one catalog, {@value #CATALOG}, the Delta Lake connector on a file metastore whose local file system is
 *       rooted at the lakehouse folder: no location a statement names can reach a file outside it;</li>
 *   <li>file-based access control: every user reads, nobody writes; only the endpoint's own user, whose name is a
 *       random secret of this start (and, beyond loopback, whose password is too), registers and unregisters the
 *       pinned tables of schema {@code <database>} ({@link PinnedTables}): no table written, no other schema. Nothing
 *       else is in the catalog, so nothing else shows in {@code information_schema} or {@code SHOW SCHEMAS};</li>
 *   <li>beyond loopback: HTTPS with password authentication from the configured password file.</li>
 * </ul>
 */
public final class TrinoFiles {
  /** The catalog analysts connect to: {@code jdbc:trino://host:port/lakehouse/hrss}. */
  public static final String CATALOG = "lakehouse";
  static final String METASTORE = SqlEndpoint.STATE_DIR + "/metastore";

  private TrinoFiles() {}

  /** The endpoint's own user: a name no one can guess, and a password (used beyond loopback). */
  public record Admin(String user, String password) {
    static Admin random() {
      var rnd = new java.security.SecureRandom();
      byte[] a = new byte[12];
      byte[] b = new byte[24];
      rnd.nextBytes(a);
      rnd.nextBytes(b);
      return new Admin("hrss_endpoint_" + java.util.HexFormat.of().formatHex(a), java.util.HexFormat.of().formatHex(b));
    }
  }

  /** Writes etc/ under {@code state} for a server over {@code lakehouse}; returns the etc folder. */
  static Path write(Path state, Path lakehouse, EndpointSettings s, String database, Admin admin, long heapBytes) throws IOException {
    Path etc = state.resolve("etc");
    TrinoDistribution.deleteTree(etc);
    Files.createDirectories(etc.resolve("catalog"));
    Files.setPosixFilePermissions(etc, PosixFilePermissions.fromString("rwx------"));
    String internal = s.localAddress();
    int httpPort = s.loopback() ? s.port() : s.port() + 1;
    long heapMib = heapBytes >> 20;
    write(etc.resolve("node.properties"), List.of(
        "node.environment=hrss",
        "node.id=hrss-endpoint",
        "node.data-dir=" + state.resolve("var"),
        "node.bind-ip=" + s.host(),
        "node.internal-address=" + internal));
    write(etc.resolve("jvm.config"), List.of(
        "-server",
        "-Xmx" + heapMib + "M",
        "-XX:+UseG1GC",
        "-XX:+ExitOnOutOfMemoryError",
        "-XX:ReservedCodeCacheSize=256M",
        "-Djdk.attach.allowAttachSelf=true",
        "-Dfile.encoding=UTF-8"));
    List<String> config = new java.util.ArrayList<>(List.of(
        "coordinator=true",
        "node-scheduler.include-coordinator=true",
        "http-server.http.port=" + httpPort,
        "discovery.uri=http://" + (internal.contains(":") ? "[" + internal + "]" : internal) + ":" + httpPort,
        // a query may use half the heap; Trino keeps 30 % headroom of its own
        "query.max-memory=" + heapMib / 2 + "MB",
        "query.max-memory-per-node=" + heapMib / 2 + "MB",
        "catalog.management=static"));
    if (!s.loopback()) {
      config.addAll(List.of(
          "http-server.https.enabled=true",
          "http-server.https.port=" + s.port(),
          "http-server.https.keystore.path=" + Path.of(s.tlsKeystore()).toAbsolutePath(),
          "http-server.https.keystore.key=${ENV:" + s.tlsKeystorePasswordEnv() + "}",
          "http-server.authentication.type=PASSWORD",
          "internal-communication.shared-secret=" + Admin.random().password()));
      write(etc.resolve("password-authenticator.properties"), List.of(
          "password-authenticator.name=file",
          "file.password-file=" + Path.of(s.users()).toAbsolutePath()));
      write(etc.resolve("admin-authenticator.properties"), List.of(
          "password-authenticator.name=file",
          "file.password-file=" + etc.resolve("admin.db")));
      write(etc.resolve("admin.db"), List.of(admin.user() + ":" + PasswordFile.hash(admin.password())));
      config.add("password-authenticator.config-files=" + etc.resolve("admin-authenticator.properties") + ","
          + etc.resolve("password-authenticator.properties"));
    }
    write(etc.resolve("config.properties"), config);
    write(etc.resolve("log.properties"), List.of("io.trino=INFO"));
    write(etc.resolve("catalog/" + CATALOG + ".properties"), List.of(
        "connector.name=delta_lake",
        "hive.metastore=file",
        "hive.metastore.catalog.dir=local:///" + METASTORE,
        "fs.native-local.enabled=true",
        "local.location=" + lakehouse.toAbsolutePath().normalize(),
        "delta.register-table-procedure.enabled=true"));
    write(etc.resolve("access-control.properties"), List.of(
        "access-control.name=file",
        "security.config-file=" + etc.resolve("rules.json")));
    Files.writeString(etc.resolve("rules.json"), rules(admin.user(), database), StandardCharsets.UTF_8);
    return etc;
  }

  /** Trino's file-based access rules: read-only for everyone, the endpoint's own user excepted (see the class comment). */
  static String rules(String admin, String database) throws IOException {
    String adminRe = admin; // hex and underscores: a regular expression that matches itself only
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("catalogs", List.of(
        Map.of("user", adminRe, "catalog", CATALOG, "allow", "all"),
        Map.of("catalog", CATALOG + "|system", "allow", "read-only")));
    r.put("schemas", List.of(
        Map.of("user", adminRe, "catalog", CATALOG, "schema", database, "owner", true),
        Map.of("owner", false)));
    // the endpoint's own user owns the tables (registering one is creating it, for Trino; unregistering, dropping); it
    // cannot write a table or touch another schema, and whatever it could create lies inside the lakehouse (the file
    // system's root)
    r.put("tables", List.of(
        Map.of("user", adminRe, "catalog", CATALOG, "schema", database, "privileges", List.of("SELECT", "OWNERSHIP")),
        Map.of("catalog", CATALOG, "schema", database + "|information_schema", "privileges", List.of("SELECT")),
        Map.of("catalog", "system", "privileges", List.of("SELECT"))));
    r.put("procedures", List.of(
        Map.of("user", adminRe, "catalog", CATALOG, "schema", "system", "procedure", "register_table|unregister_table",
            "privileges", List.of("EXECUTE"))));
    r.put("queries", List.of(
        Map.of("user", adminRe, "allow", List.of("execute", "kill", "view")),
        Map.of("allow", List.of("execute"))));
    return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(r) + "\n";
  }

  private static void write(Path file, List<String> lines) throws IOException {
    Files.write(file, lines, StandardCharsets.UTF_8);
  }
}
