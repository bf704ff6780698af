package org.hrssplan.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unpacking the server, finding a Java for it, and its password file: without starting Trino. */
class TrinoDistributionTest {
  @TempDir Path tmp;

  private static void file(TarArchiveOutputStream tar, String name, String content, int mode) throws IOException {
    byte[] b = content.getBytes(StandardCharsets.UTF_8);
    TarArchiveEntry e = new TarArchiveEntry(name);
    e.setSize(b.length);
    e.setMode(mode);
    tar.putArchiveEntry(e);
    tar.write(b);
    tar.closeArchiveEntry();
  }

  private static void hardLink(TarArchiveOutputStream tar, String name, String target) throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name, TarArchiveEntry.LF_LINK);
    e.setLinkName(target);
    tar.putArchiveEntry(e);
    tar.closeArchiveEntry();
  }

  /** A server archive shaped as Trino's: a jar stored once under a plugin not kept, hard-linked from one kept. */
  private Path archive(String... extra) throws IOException {
    Path tgz = tmp.resolve("trino-server.tar.gz");
    String p = "trino-server-" + TrinoDistribution.VERSION + "/";
    try (OutputStream out = Files.newOutputStream(tgz);
         TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
      file(tar, p + "README.txt", "readme", 0644);
      file(tar, p + "bin/launcher", "#!/bin/sh\n", 0755);
      file(tar, p + "lib/trino-main.jar", "main", 0644);
      file(tar, p + "plugin/hive/shared.jar", "shared bytes", 0644);
      file(tar, p + "plugin/iceberg/iceberg.jar", "iceberg", 0644);
      hardLink(tar, p + "plugin/delta-lake/shared.jar", p + "plugin/hive/shared.jar");
      file(tar, p + "plugin/delta-lake/delta.jar", "delta", 0644);
      file(tar, p + "plugin/password-authenticators/auth.jar", "auth", 0644);
      for (String name : extra) file(tar, p + name, "x", 0644);
    }
    return tgz;
  }

  @Test
  void keepsTheServerTheDeltaConnectorAndThePasswordFilesWithTheJarsTheyShareWithPluginsNotKept() throws Exception {
    Path home = TrinoDistribution.install(archive(), tmp.resolve("cache"), System.err);
    assertEquals(tmp.resolve("cache/trino-server-" + TrinoDistribution.VERSION), home);
    assertEquals("shared bytes", Files.readString(home.resolve("plugin/delta-lake/shared.jar")));
    assertEquals("delta", Files.readString(home.resolve("plugin/delta-lake/delta.jar")));
    assertEquals("auth", Files.readString(home.resolve("plugin/password-authenticators/auth.jar")));
    assertEquals("main", Files.readString(home.resolve("lib/trino-main.jar")));
    assertTrue(Files.isExecutable(home.resolve("bin/launcher")));
    assertFalse(Files.exists(home.resolve("plugin/hive")));
    assertFalse(Files.exists(home.resolve("plugin/iceberg")));
    assertFalse(Files.exists(home.resolve("README.txt")));
  }

  @Test
  void unpacksOnceAndAgainOnlyWhenTheLastUnpackDidNotFinish() throws Exception {
    Path tgz = archive();
    Path home = TrinoDistribution.install(tgz, tmp.resolve("cache"), System.err);
    Files.delete(tgz);
    assertEquals(home, TrinoDistribution.install(tgz, tmp.resolve("cache"), System.err), "the unpacked server is reused");
    Files.delete(home.resolve(".hrss-complete"));
    assertThrows(IOException.class, () -> TrinoDistribution.install(tgz, tmp.resolve("cache"), System.err),
        "an interrupted unpack is redone from the archive");
  }

  @Test
  void refusesAnArchiveEntryThatPointsOutsideTheServerFolder() throws Exception {
    IOException e = assertThrows(IOException.class,
        () -> TrinoDistribution.install(archive("../../escaped.txt"), tmp.resolve("cache"), System.err));
    assertTrue(e.getMessage().contains("outside the server folder"), e.getMessage());
    assertFalse(Files.exists(tmp.resolve("escaped.txt")));
  }

  /** A Maven repository on loopback serving {@code body} as the server archive and {@code sha1} as its checksum. */
  private static com.sun.net.httpserver.HttpServer repository(byte[] body, String sha1) throws IOException {
    var server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    String path = "/maven2/io/trino/trino-server/" + TrinoDistribution.VERSION + "/trino-server-" + TrinoDistribution.VERSION + ".tar.gz";
    server.createContext("/", exchange -> {
      String p = exchange.getRequestURI().getPath();
      byte[] answer = p.equals(path) ? body : p.equals(path + ".sha1") ? sha1.getBytes(StandardCharsets.US_ASCII) : null;
      exchange.sendResponseHeaders(answer == null ? 404 : 200, answer == null ? -1 : answer.length);
      if (answer != null) exchange.getResponseBody().write(answer);
      exchange.close();
    });
    server.start();
    return server;
  }

  @Test
  void downloadsTheServerWithProgressAndKeepsItOnlyWhenItsChecksumMatches() throws Exception {
    byte[] body = new byte[300_000];
    new java.util.Random(7).nextBytes(body);
    String sha1 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1").digest(body));
    Path target = tmp.resolve("m2/trino-server.tar.gz");
    var progress = new java.io.ByteArrayOutputStream();
    var good = repository(body, sha1 + "  trino-server.tar.gz\n");
    try {
      TrinoDistribution.download("http://127.0.0.1:" + good.getAddress().getPort() + "/maven2/", target,
          new java.io.PrintStream(progress, true, StandardCharsets.UTF_8));
    } finally {
      good.stop(0);
    }
    assertTrue(java.util.Arrays.equals(body, Files.readAllBytes(target)));
    assertTrue(progress.toString(StandardCharsets.UTF_8).contains("100 %"), progress.toString(StandardCharsets.UTF_8));

    Path other = tmp.resolve("m2/other.tar.gz");
    var bad = repository(body, "0".repeat(40));
    try {
      IOException e = assertThrows(IOException.class, () -> TrinoDistribution.download("http://127.0.0.1:" + bad.getAddress().getPort()
          + "/maven2", other, System.err));
      assertTrue(e.getMessage().contains("SHA-1"), e.getMessage());
    } finally {
      bad.stop(0);
    }
    assertFalse(Files.exists(other));
    assertFalse(Files.exists(tmp.resolve("m2/other.tar.gz.part")));
    IOException missing = assertThrows(IOException.class, () -> TrinoDistribution.download("http://127.0.0.1:1/nothing", other, System.err));
    assertFalse(Files.exists(other), missing.getMessage());
  }

  @Test
  void theServerTheTestsResolveIsTheVersionHrssServeRuns() {
    // the pom's trino.version reaches the tests as the tar.gz's path
    String tarball = System.getProperty("hrss.trino.tarball");
    assertEquals("trino-server-" + TrinoDistribution.VERSION + ".tar.gz", Path.of(tarball).getFileName().toString());
  }

  private Path jdk(String name, String version) throws IOException {
    Path home = tmp.resolve(name);
    Files.createDirectories(home.resolve("bin"));
    Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"" + version + "\"\n");
    Files.writeString(home.resolve("bin/java"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(home.resolve("bin/java"), PosixFilePermissions.fromString("rwxr-xr-x"));
    return home;
  }

  @Test
  void aConfiguredJavaOlderThanTrinoNeedsIsRefusedWithWhatToInstall() throws Exception {
    assertEquals(java.util.Optional.of(25), TrinoJava.version(jdk("jdk25", "25.0.1")));
    assertEquals(java.util.Optional.of(17), TrinoJava.version(jdk("jdk17", "17.0.15")));
    assertEquals(jdk("jdk24", "24"), TrinoJava.find(tmp.resolve("jdk24").toString()));
    IOException old = assertThrows(IOException.class, () -> TrinoJava.find(tmp.resolve("jdk17").toString()));
    assertTrue(old.getMessage().contains("endpoint.java_home=" + tmp.resolve("jdk17") + " (Java 17) is not a Java 24 or newer"),
        old.getMessage());
    assertTrue(old.getMessage().contains("Install a JDK 25"), old.getMessage());
    IOException none = assertThrows(IOException.class, () -> TrinoJava.find(tmp.resolve("nothing").toString()));
    assertTrue(none.getMessage().contains("(no Java there)"), none.getMessage());
  }

  /** conf/hrss.yaml with {@code key, value, …} changed. */
  private org.hrssplan.config.AppConfig config(Object... keysAndValues) throws Exception {
    var c = org.hrssplan.testing.TestConfig.base();
    for (int i = 0; i < keysAndValues.length; i += 2) c = c.with((String) keysAndValues[i], keysAndValues[i + 1]);
    return c.load(tmp.resolve("hrss-" + keysAndValues.length + ".yaml"));
  }

  @Test
  void anEndpointBeyondLoopbackWithoutPasswordsOverTlsIsRefusedWhenServedNotWhenTheNightlyRunLoadsTheConfig() throws Exception {
    var open = config("endpoint.host", "0.0.0.0", "endpoint.users", "conf/users.db");
    var e = assertThrows(org.hrssplan.config.AppConfig.Invalid.class, () -> open.endpoint().requireServable(open.source()));
    assertTrue(e.getMessage().contains("endpoint.tls_keystore") && !e.getMessage().contains("endpoint.users"), e.getMessage());
    config().endpoint().requireServable("default"); // loopback: nothing needed
    var port = assertThrows(org.hrssplan.config.AppConfig.Invalid.class, () -> config("endpoint.port", 80900));
    assertTrue(port.getMessage().contains("endpoint.port must be between 1 and 65534, not 80900"), port.getMessage());
  }

  @Test
  void passwdReplacesAUsersLineAndKeepsTheFileToItsOwner() throws Exception {
    Path users = tmp.resolve("conf/users.db");
    PasswordFile.put(users, "alice", "first-password");
    PasswordFile.put(users, "bob", "bobs-password");
    String alice = Files.readAllLines(users).get(0);
    PasswordFile.put(users, "alice", "second-password");
    var lines = Files.readAllLines(users);
    assertEquals(2, lines.size());
    assertTrue(lines.get(0).startsWith("bob:" + PasswordFile.ITERATIONS + ":"), lines.get(0));
    assertTrue(lines.get(1).startsWith("alice:") && !lines.get(1).equals(alice), "alice's new hash replaces her old one");
    assertTrue(lines.get(1).matches("alice:100000:[0-9a-f]{32}:[0-9a-f]{64}"), lines.get(1));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(users)));
    assertThrows(IOException.class, () -> PasswordFile.put(users, "eve", "short"));
    assertThrows(IOException.class, () -> PasswordFile.put(users, "eve:admin", "long-enough-password"));
  }
}
