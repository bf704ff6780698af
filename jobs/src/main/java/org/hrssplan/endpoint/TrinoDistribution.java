package org.hrssplan.endpoint;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * The Trino server {@code hrss serve} runs: {@code io.trino:trino-server:<VERSION>:tar.gz} from Maven Central, kept in
 * the local Maven repository (the same file {@code mvn verify} resolves for the endpoint tests, so it is downloaded
 * once per machine) and unpacked once into a cache folder, keeping only what the endpoint uses: the server's own
 * {@code lib/} and {@code bin/}, the Delta Lake connector and the password authenticators (394 of 896 MB unpacked).
 */
public final class TrinoDistribution {
  /** The Trino release; the pom's {@code trino.version} names the same one (a test holds them equal). */
  public static final String VERSION = "476";
  static final List<String> KEPT = List.of("lib/", "bin/", "plugin/", "plugin/delta-lake/", "plugin/password-authenticators/", "NOTICE");
  private static final String ARTIFACT_PATH = "io/trino/trino-server/" + VERSION + "/trino-server-" + VERSION + ".tar.gz";
  private static final String DEFAULT_REPOSITORY = "https://repo.maven.apache.org/maven2";

  private TrinoDistribution() {}

  /**
   * The server's tar.gz: {@code -Dhrss.trino.tarball} (the tests), else the local Maven repository
   * ({@code $HRSS_MAVEN_REPO_LOCAL}, else {@code ~/.m2/repository}); downloaded there with progress when missing.
   */
  public static Path tarball(PrintStream progress) throws IOException, InterruptedException {
    String given = System.getProperty("hrss.trino.tarball");
    if (given != null && !given.isBlank() && !given.startsWith("${")) {
      Path p = Path.of(given);
      if (!Files.isRegularFile(p)) throw new IOException("the Trino server " + p + " does not exist");
      return p;
    }
    String repo = System.getenv("HRSS_MAVEN_REPO_LOCAL");
    Path local = (repo == null || repo.isBlank() ? Path.of(System.getProperty("user.home"), ".m2", "repository") : Path.of(repo))
        .resolve(ARTIFACT_PATH);
    if (!Files.isRegularFile(local)) download(System.getenv().getOrDefault("HRSS_MAVEN_REPOSITORY", DEFAULT_REPOSITORY), local, progress);
    return local;
  }

  /**
   * The server from the Maven repository at {@code repository} ({@code $HRSS_MAVEN_REPOSITORY}, a mirror, else Maven
   * Central) into {@code target}, checked against the repository's SHA-1; nothing is left at {@code target} unless whole.
   */
  static void download(String repository, Path target, PrintStream progress) throws IOException, InterruptedException {
    String repo = repository.replaceAll("/+$", "");
    URI uri = URI.create(repo + "/" + ARTIFACT_PATH);
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    HttpResponse<String> sha = http.send(HttpRequest.newBuilder(URI.create(uri + ".sha1")).build(), HttpResponse.BodyHandlers.ofString());
    if (sha.statusCode() != 200) {
      throw new IOException("downloading the Trino server: " + uri + ".sha1 answered HTTP " + sha.statusCode()
          + " (behind a mirror? set HRSS_MAVEN_REPOSITORY; or run: mvn dependency:get -Dartifact=io.trino:trino-server:" + VERSION + ":tar.gz)");
    }
    String expectedSha1 = sha.body().trim().split("\\s+")[0];
    HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofInputStream());
    if (response.statusCode() != 200) {
      throw new IOException("downloading the Trino server from " + uri + " answered HTTP " + response.statusCode()
          + " (behind a mirror? set HRSS_MAVEN_REPOSITORY; or run: mvn dependency:get -Dartifact=io.trino:trino-server:" + VERSION + ":tar.gz)");
    }
    long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
    Files.createDirectories(target.getParent());
    Path part = target.resolveSibling(target.getFileName() + ".part");
    MessageDigest sha1;
    try {
      sha1 = MessageDigest.getInstance("SHA-1");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    progress.printf("hrss serve: downloading Trino %s once (%s) from %s%n", VERSION, total > 0 ? mib(total) : "size unknown", repo);
    long t0 = System.nanoTime();
    try (InputStream in = response.body(); OutputStream out = Files.newOutputStream(part)) {
      byte[] buf = new byte[1 << 16];
      long done = 0;
      int shown = -1;
      for (int n; (n = in.read(buf)) > 0; ) {
        out.write(buf, 0, n);
        sha1.update(buf, 0, n);
        done += n;
        int pct = total > 0 ? (int) (done * 100 / total) : -1;
        if (pct / 10 != shown / 10) {
          progress.printf("  %3d %%  %s%n", pct, mib(done));
          shown = pct;
        }
      }
    }
    String actual = HexFormat.of().formatHex(sha1.digest());
    if (!actual.equalsIgnoreCase(expectedSha1)) {
      Files.deleteIfExists(part);
      throw new IOException("the downloaded Trino server's SHA-1 is " + actual + ", the repository says " + expectedSha1 + ": not used");
    }
    Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    progress.printf("hrss serve: downloaded in %.0f s, SHA-1 checked: %s%n", (System.nanoTime() - t0) / 1e9, target);
  }

  /**
   * The unpacked server under {@code cache}: unpacked on first use (only {@link #KEPT}), reused after; a folder without
   * its completion mark (an interrupted unpack) is unpacked again.
   */
  public static Path install(Path tarball, Path cache, PrintStream progress) throws IOException {
    Path home = cache.resolve("trino-server-" + VERSION);
    Path done = home.resolve(".hrss-complete");
    if (Files.isRegularFile(done)) return home;
    progress.printf("hrss serve: unpacking Trino %s into %s (once) …%n", VERSION, home);
    long t0 = System.nanoTime();
    deleteTree(home);
    // The archive stores a jar shared by several plugins once and hard-links the others to it, often from a plugin
    // not kept: everything is unpacked (links as links), then what is not kept is deleted; the links keep their data.
    String prefix = "trino-server-" + VERSION + "/";
    try (TarArchiveInputStream tar = new TarArchiveInputStream(
        new GzipCompressorInputStream(new BufferedInputStream(Files.newInputStream(tarball), 1 << 16)))) {
      for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
        if (!e.getName().startsWith(prefix)) continue;
        Path to = inside(home, e.getName().substring(prefix.length()), tarball);
        if (e.isDirectory()) {
          Files.createDirectories(to);
          continue;
        }
        Files.createDirectories(to.getParent());
        if (e.isSymbolicLink()) {
          Files.createSymbolicLink(to, Path.of(e.getLinkName()));
        } else if (e.isLink()) {
          Files.createLink(to, inside(home, e.getLinkName().substring(e.getLinkName().startsWith(prefix) ? prefix.length() : 0), tarball));
        } else {
          Files.copy(tar, to, StandardCopyOption.REPLACE_EXISTING);
          if ((e.getMode() & 0100) != 0) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(to);
            perms.add(PosixFilePermission.OWNER_EXECUTE);
            Files.setPosixFilePermissions(to, perms);
          }
        }
      }
    }
    try (var all = Files.list(home)) {
      for (Path top : all.toList()) {
        if (top.getFileName().toString().equals("plugin")) {
          try (var plugins = Files.list(top)) {
            for (Path p : plugins.toList()) if (!KEPT.contains("plugin/" + p.getFileName() + "/")) deleteTree(p);
          }
        } else if (KEPT.stream().noneMatch(k -> k.equals(top.getFileName().toString()) || k.equals(top.getFileName() + "/"))) {
          deleteTree(top);
        }
      }
    }
    if (!Files.isRegularFile(home.resolve("bin/launcher"))) throw new IOException(tarball + " holds no bin/launcher: not a Trino server");
    Files.writeString(done, VERSION + "\n");
    progress.printf("hrss serve: unpacked in %.0f s%n", (System.nanoTime() - t0) / 1e9);
    return home;
  }

  private static Path inside(Path home, String rel, Path tarball) throws IOException {
    Path to = home.resolve(rel).normalize();
    if (!to.startsWith(home)) throw new IOException(tarball + ": entry " + rel + " points outside the server folder");
    return to;
  }

  /** Where unpacked servers are kept: {@code $HRSS_CACHE}, else {@code $XDG_CACHE_HOME/hrss}, else {@code ~/.cache/hrss}. */
  public static Path defaultCache() {
    String c = System.getenv("HRSS_CACHE");
    if (c != null && !c.isBlank()) return Path.of(c);
    String xdg = System.getenv("XDG_CACHE_HOME");
    return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache")).resolve("hrss");
  }

  private static String mib(long bytes) {
    return String.format("%,d MiB", bytes >> 20);
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }
}
