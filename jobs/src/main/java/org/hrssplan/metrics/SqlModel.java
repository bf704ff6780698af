package org.hrssplan.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.hrssplan.config.MetricParameters;

/**
 * A metric model kept as a readable SQL file named after the table it computes
 * ({@code src/main/resources/models/fct_growth.sql}: one model per file, CTEs, the formula in a comment where it is
 * computed). It reads other tables by their names; {@code ${name}} placeholders are filled from the parameters, and
 * a placeholder without a value is an error, not an empty string.
 */
public final class SqlModel implements MetricModel {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z_]+)}");
  private static final Pattern COMMENT = Pattern.compile("--[^\\n]*");
  private static final Pattern READ = Pattern.compile("(?i)\\b(?:FROM|JOIN)\\s+([a-z_][a-z0-9_]*)");
  private static final Pattern CTE = Pattern.compile("(?i)(?:\\bWITH|,)\\s*([a-z_][a-z0-9_]*)\\s+AS\\s*\\(");

  private final String table;

  private SqlModel(String table) {
    this.table = table;
  }

  /** The model computing {@code table}, from {@code models/<table>.sql}. */
  public static SqlModel of(String table) {
    text(table);
    return new SqlModel(table);
  }

  /** The tables it reads: the names after FROM and JOIN, outside comments, that are not its own CTEs. */
  @Override
  public Set<String> reads() {
    String sql = COMMENT.matcher(text(table)).replaceAll("");
    Set<String> names = new LinkedHashSet<>();
    for (Matcher m = READ.matcher(sql); m.find(); ) names.add(m.group(1).toLowerCase(java.util.Locale.ROOT));
    for (Matcher m = CTE.matcher(sql); m.find(); ) names.remove(m.group(1).toLowerCase(java.util.Locale.ROOT));
    return names;
  }

  @Override
  public Dataset<Row> compute(SparkSession spark, MetricParameters params) {
    return run(spark, table, params.sqlParameters());
  }

  @Override
  public String toString() {
    return "models/" + table + ".sql";
  }

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
