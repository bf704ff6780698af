package org.hrssplan.endpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Java that runs Trino, which needs a newer one than the Spark job (Trino {@value TrinoDistribution#VERSION}
 * needs Java {@value #MINIMUM} or newer; the job stays on 17). Looked for in order: {@code endpoint.java_home},
 * {@code $TRINO_JAVA_HOME}, {@code $JAVA_HOME}, then the newest JDK under {@code /usr/lib/jvm}.
 */
public final class TrinoJava {
  public static final int MINIMUM = 24;
  private static final Pattern VERSION = Pattern.compile("^JAVA_VERSION=\"(\\d+)", Pattern.MULTILINE);

  private TrinoJava() {}

  /** A Java home of version ≥ {@link #MINIMUM}; else an exception that says what was looked at and what to install. */
  public static Path find(String configured) throws IOException {
    List<String> looked = new ArrayList<>();
    for (String[] candidate : new String[][] {{"endpoint.java_home", configured}, {"TRINO_JAVA_HOME", System.getenv("TRINO_JAVA_HOME")},
        {"JAVA_HOME", System.getenv("JAVA_HOME")}}) {
      if (candidate[1] == null || candidate[1].isBlank()) continue;
      Path home = Path.of(candidate[1]);
      Optional<Integer> v = version(home);
      if (v.isPresent() && v.get() >= MINIMUM) return home;
      looked.add(candidate[0] + "=" + home + " (" + v.map(x -> "Java " + x).orElse("no Java there") + ")");
      if (!candidate[0].equals("JAVA_HOME")) {
        throw new IOException("hrss serve: " + looked.get(looked.size() - 1) + " is not a Java " + MINIMUM + " or newer, which Trino "
            + TrinoDistribution.VERSION + " needs. " + INSTALL);
      }
    }
    Path jvms = Path.of("/usr/lib/jvm");
    if (Files.isDirectory(jvms)) {
      try (var dirs = Files.list(jvms)) {
        Optional<Path> newest = dirs.filter(d -> version(d).orElse(0) >= MINIMUM)
            .max(Comparator.comparing((Path d) -> version(d).orElse(0)).thenComparing(Path::toString));
        if (newest.isPresent()) return newest.get();
      }
      looked.add("/usr/lib/jvm/* (no Java " + MINIMUM + "+)");
    }
    throw new IOException("hrss serve: Trino " + TrinoDistribution.VERSION + " needs Java " + MINIMUM + " or newer (the job itself stays on"
        + " Java 17) and none was found; looked at: " + String.join(", ", looked) + ". " + INSTALL);
  }

  private static final String INSTALL = "Install a JDK 25 (e.g. Eclipse Temurin 25 from adoptium.net, or apt-get install temurin-25-jdk"
      + " from Adoptium's Debian repository) and set TRINO_JAVA_HOME to it, or endpoint.java_home in conf/hrss.yaml.";

  /** The feature version a JDK's {@code release} file names, if {@code home} is a JDK with bin/java. */
  static Optional<Integer> version(Path home) {
    try {
      Path release = home.resolve("release");
      if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin/java"))) return Optional.empty();
      Matcher m = VERSION.matcher(Files.readString(release));
      return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
