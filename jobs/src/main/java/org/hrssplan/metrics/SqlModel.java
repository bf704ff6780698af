package org.hrssplan.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A metric model kept as a readable SQL file ({@code src/main/resources/models/NAME.sql}: one model per file,
 * CTEs, the formula in a comment where it is computed). {@code ${name}} placeholders are filled from the
 * parameters; a placeholder without a value is an error, not an empty string.
 */
public final class SqlModel {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z_]+)}");

  private SqlModel() {}

  public static String text(String name) {
    String resource = "models/" + name + ".sql";
    try (InputStream in = SqlModel.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) throw new IllegalArgumentException("no SQL model " + resource + " on the classpath");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String render(String name, Map<String, String> params) {
    Matcher m = PLACEHOLDER.matcher(text(name));
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String v = params.get(m.group(1));
      if (v == null) throw new IllegalArgumentException("SQL model " + name + " needs parameter " + m.group(1));
      m.appendReplacement(sb, Matcher.quoteReplacement(v));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  public static Dataset<Row> run(SparkSession spark, String name, Map<String, String> params) {
    return spark.sql(render(name, params));
  }
}
