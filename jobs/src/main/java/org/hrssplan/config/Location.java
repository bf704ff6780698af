package org.hrssplan.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A configured place: a folder or file on this machine, or a URI of another file system ({@code s3a://…},
 * {@code hdfs://…}, {@code abfss://…}). The one rule for "is this local?": a {@code file:} URI is a local path like
 * any other (so {@code lakehouse: file:/data/lakehouse} gets its run lock and state like {@code /data/lakehouse}); a
 * text without a scheme is a path, relative ones resolved against a base folder; every other scheme is remote.
 *
 * <p>File names are never pasted into URI text: {@link #uri()} escapes them, so spaces, CJK, {@code #} and {@code %}
 * reach Hadoop and Spark as the characters they are.
 */
public final class Location {
  /** A URI scheme followed by ':/' (two letters at least, so that a Windows drive letter is not taken for one). */
  private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]+):/.*", Pattern.DOTALL);

  private final Path path;
  private final URI uri;

  private Location(Path path, URI uri) {
    this.path = path;
    this.uri = uri;
  }

  /** {@code text} as configured: a remote URI as it is, a {@code file:} URI or a path as an absolute local path. */
  public static Location of(String text, Path base) {
    var m = SCHEME.matcher(text);
    if (!m.matches()) return local(base.resolve(text));
    String scheme = m.group(1).toLowerCase(Locale.ROOT);
    URI u;
    try {
      u = new URI(text);
    } catch (URISyntaxException e) {
      if (!scheme.equals("file")) throw new IllegalArgumentException("'" + text + "' is not a valid URI: " + e.getMessage(), e);
      // file:/a b/c — a file URI written by hand, with its characters unescaped
      return local(Path.of(text.substring("file:".length()).replaceFirst("^//(localhost)?(?=/)", "")));
    }
    if (scheme.equals("file")) return local(Path.of(u));
    return new Location(null, u);
  }

  /** A local path. */
  public static Location local(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    return new Location(abs, abs.toUri());
  }

  public boolean isLocal() {
    return path != null;
  }

  /** The local path; only for a local location. */
  public Path path() {
    if (path == null) throw new IllegalStateException(uri + " is not on this machine's file system");
    return path;
  }

  /** The location as a URI, characters escaped ({@code file:///…} for a local one): what Hadoop's {@code Path(URI)} takes. */
  public URI uri() {
    return uri;
  }

  /** A child of this location: {@code name} is one file or folder name (or a relative path of them), never a URI. */
  public Location resolve(String name) {
    if (path != null) return local(path.resolve(name));
    String base = uri.toString();
    try {
      URI child = new URI(null, null, name, null);
      return new Location(null, URI.create(base.endsWith("/") ? base : base + "/").resolve(child.getRawPath()));
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("'" + name + "' cannot name a file under " + base, e);
    }
  }

  /** What Spark's readers and writers take: a local path as an absolute path, a remote location as its URI. */
  @Override
  public String toString() {
    return path != null ? path.toString() : uri.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Location l && uri.equals(l.uri);
  }

  @Override
  public int hashCode() {
    return uri.hashCode();
  }
}
