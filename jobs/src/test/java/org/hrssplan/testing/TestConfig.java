package org.hrssplan.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hrssplan.config.AppConfig;

/**
 * A test's configuration: {@code conf/hrss.yaml} read as YAML and edited by key path, never as text, so that a
 * reformatted file (other spacing, a comment moved, flow style) cannot silently undo an edit:
 *
 * <pre>
 * Path yaml = TestConfig.base()
 *     .with("lakehouse", tmp.resolve("lakehouse"))
 *     .with("input.plans", plans)
 *     .with("gates.quarantine_share.action", "warn")
 *     .write(tmp.resolve("hrss.yaml"));
 * </pre>
 *
 * {@link #with} only changes a key the base has: a key renamed or removed in {@code conf/hrss.yaml} fails the test
 * naming it, instead of leaving the test on the default. A key that is new on purpose is {@link #adding added}.
 * Each edit returns a new config, so one base can be shared and varied. Paths are written absolute; the comments of
 * {@code conf/hrss.yaml} are not kept.
 */
public final class TestConfig {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));

  private final ObjectNode root;
  private final String origin;

  private TestConfig(ObjectNode root, String origin) {
    this.root = root;
    this.origin = origin;
  }

  /** {@code conf/hrss.yaml} of the repository, as the job would read it. */
  public static TestConfig base() {
    return of(TestFixtures.repoRoot().resolve("conf/hrss.yaml"));
  }

  /** Another YAML config (e.g. one a test wrote), to be edited the same way. */
  public static TestConfig of(Path yaml) {
    try {
      JsonNode node = YAML.readTree(yaml.toFile());
      if (!(node instanceof ObjectNode o)) throw new IllegalArgumentException(yaml + " is not a YAML mapping");
      return new TestConfig(o, yaml.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * This config with the existing key {@code path} (dot-separated: {@code input.plans},
   * {@code gates.quarantine_share.action}) set to {@code value}: a String, a Path (written absolute), a number or a
   * boolean. Fails when the key is not there.
   */
  public TestConfig with(String path, Object value) {
    return set(path, value, false);
  }

  /** This config with the key {@code path}, which must not exist yet, added (its sections made when missing). */
  public TestConfig adding(String path, Object value) {
    return set(path, value, true);
  }

  /** The value at {@code path} as text; fails when the key is not there. */
  public String get(String path) {
    String[] keys = keys(path);
    JsonNode node = root;
    for (String k : keys) {
      node = node.get(k);
      if (node == null) throw missing(path);
    }
    return node.asText();
  }

  /** Writes the config to {@code file} and returns it. */
  public Path write(Path file) {
    try {
      if (file.getParent() != null) Files.createDirectories(file.getParent());
      YAML.writeValue(file.toFile(), root);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the config to {@code file} and loads it as the job does. */
  public AppConfig load(Path file) throws IOException {
    return AppConfig.load(write(file));
  }

  private TestConfig set(String path, Object value, boolean add) {
    String[] keys = keys(path);
    ObjectNode copy = root.deepCopy();
    ObjectNode section = copy;
    for (int i = 0; i < keys.length - 1; i++) {
      JsonNode next = section.get(keys[i]);
      if (next == null) {
        if (!add) throw missing(path);
        next = section.putObject(keys[i]);
      }
      if (!(next instanceof ObjectNode o)) {
        throw new IllegalArgumentException(origin + ": `" + String.join(".", java.util.Arrays.copyOf(keys, i + 1))
            + "` is a value, not a section, so `" + path + "` cannot be set");
      }
      section = o;
    }
    String last = keys[keys.length - 1];
    if (!add && !section.has(last)) throw missing(path);
    if (add && section.has(last)) {
      throw new IllegalArgumentException(origin + " already has `" + path + "`: change it with with(), not adding()");
    }
    section.set(last, node(path, value));
    return new TestConfig(copy, origin);
  }

  private static JsonNode node(String path, Object value) {
    if (value == null) throw new IllegalArgumentException(path + ": null is not a config value (\"\" is the empty one)");
    if (value instanceof Path p) return YAML.getNodeFactory().textNode(p.toAbsolutePath().toString());
    if (value instanceof CharSequence s) return YAML.getNodeFactory().textNode(s.toString());
    if (value instanceof Number || value instanceof Boolean) return YAML.valueToTree(value);
    throw new IllegalArgumentException(path + ": a " + value.getClass().getSimpleName() + " is not a config value");
  }

  private static String[] keys(String path) {
    if (path == null || path.isBlank() || path.startsWith(".") || path.endsWith(".") || path.contains("..")) {
      throw new IllegalArgumentException("not a key path: `" + path + "`");
    }
    return path.split("\\.");
  }

  private IllegalArgumentException missing(String path) {
    return new IllegalArgumentException(origin + " has no `" + path + "`: was it renamed? Change the test, or use adding()"
        + " for a key that is new on purpose");
  }
}
