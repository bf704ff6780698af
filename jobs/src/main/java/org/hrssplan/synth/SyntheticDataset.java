package org.hrssplan.synth;

import static org.hrssplan.model.ObservationColumn.*;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.hrssplan.catalog.IndicatorCatalog;
import org.hrssplan.model.ObservationColumn;
import org.hrssplan.tables.Rows;
import org.hrssplan.tables.Schemas;

/**
 * A normalized indicator dataset at national or township scale, generated in Spark straight into the columns of
 * {@code fct_observation} (Parquet), for the benchmark: {@code units} planning units × a deterministic subset of
 * {@code indicatorsPerUnit} catalog indicators × four plan periods (十二五 … 十五五) × their roles — base, target and
 * actual for the three completed periods, base and target for 十五五 — i.e. 11 rows per unit and indicator.
 *
 * <p>Values are a random walk per unit and indicator through the base years 2010 → 2015 → 2020 → 2025, so that a
 * period's actual is the next period's base, as in real plans; targets are the base moved by a drawn planned change
 * in the indicator's good direction, so some actuals beat their target, some miss it and some decline from the base.
 * Percentages where higher is better stay ≤ 100; five-year flows are five-year sums (cumulative, bracketed in
 * value_raw); qualitative and ratio indicators carry words or a ratio, no number. About one target in five carries a
 * comparator (≥ / ≤ in the good direction), about one in ten is 左右 (~).
 *
 * <p>Every draw is a hash of (seed, unit, indicator, period, purpose): the same seed gives the same rows whatever the
 * partitioning. Region codes start with 9, which GB/T 2260 does not use, so they never collide with real ones.
 */
public final class SyntheticDataset {
  /** Rows per unit and indicator: 十二五, 十三五, 十四五 × (base, target, actual) + 十五五 × (base, target). */
  public static final int ROWS_PER_UNIT_INDICATOR = 11;

  private SyntheticDataset() {}

  /** The planning units: county-level ("县") when {@code township} is false, else townships ("乡镇"). */
  public static void writeRegions(Path out, int units, boolean township, List<String> baseLines) throws IOException {
    Files.createDirectories(out.toAbsolutePath().getParent());
    try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      w.write("region_code,region_name,level,parent_city,province,source_file\n");
      for (String l : baseLines) w.write(l + "\n");
      for (int u = 0; u < units; u++) {
        w.write(code(u, township) + "," + name(u, township) + "," + (township ? "township" : "county") + ",合成市"
            + String.format("%03d", u / (township ? 400 : 30)) + ",合成省,\n");
      }
    }
  }

  static String code(long u, boolean township) {
    return township ? String.format("9%08d", u) : String.format("9%05d", u);
  }

  static String name(long u, boolean township) {
    return township ? String.format("合成乡镇%05d", u) : String.format("合成县%04d", u);
  }

  /** The dataset as a lazy Dataset in {@link Schemas#OBSERVATION} columns. */
  public static Dataset<Row> generate(SparkSession spark, IndicatorCatalog catalog, long units, int indicatorsPerUnit, boolean township,
      long seed, int partitions) {
    String ids = catalog.indicators().stream().map(i -> "'" + i.id() + "'").sorted().collect(java.util.stream.Collectors.joining(", "));
    spark.createDataFrame(catalog.indicators().stream().map(Rows::indicator).toList(), Schemas.INDICATOR)
        .selectExpr("indicator_id", "name_zh", "unit", "polarity", "kind", "CAST(array_position(array(" + ids + "), indicator_id) - 1 AS INT) AS ix")
        .createOrReplaceTempView("synth_indicator");
    spark.range(0, units, 1, partitions).createOrReplaceTempView("synth_unit");
    String codeExpr = township ? "format_string('9%08d', u.id)" : "format_string('9%05d', u.id)";
    String nameExpr = township ? "format_string('合成乡镇%05d', u.id)" : "format_string('合成县%04d', u.id)";
    String sql = """
        WITH pairs AS (   -- unit × its indicators: a rotation of the catalog picks indicatorsPerUnit of them per unit
          SELECT u.id AS u, %1$s AS region_code, %2$s AS region_name, i.*
          FROM synth_unit u CROSS JOIN synth_indicator i
          WHERE pmod(i.ix - pmod(xxhash64(%3$dL, u.id, 'rot'), %5$d), %5$d) < %4$d
        ),
        drawn AS (        -- uniform draws in [0, 1) from hashes, and the level at the four base years
          SELECT p.*,
            CASE WHEN p.unit = '%%' AND p.polarity = 'lower' THEN 2 + 3 * h(1)
                 WHEN p.unit = '%%' THEN 70 + 25 * h(1)
                 WHEN p.unit = '万人' OR p.unit = '万人次' THEN 0.3 + 30 * h(1) * h(1)
                 WHEN p.unit = '人' OR p.unit = '家' THEN round(20 + 2000 * h(1))
                 ELSE 1 + 500 * h(1) END AS l2010,
            h(2) AS g1, h(3) AS g2, h(4) AS g3, h(5) AS pl, h(6) AS cmp, h(7) AS attr
          FROM pairs p
        )
        SELECT * FROM drawn
        """.formatted(codeExpr, nameExpr, seed, indicatorsPerUnit, catalog.indicators().size())
        .replaceAll("h\\((\\d)\\)", "((xxhash64(" + seed + "L, p.u, p.indicator_id, $1) & 268435455) / 268435456.0D)");
    Dataset<Row> drawn = spark.sql(sql);
    drawn.createOrReplaceTempView("synth_drawn");
    return spark.sql(ROWS_SQL);
  }

  /**
   * From the drawn levels to the 11 observation rows per unit × indicator. Level walk: each five years the level moves
   * by a factor in [0.9, 1.25) (percentages: ± a few points, capped at 100); a target is the base moved by a planned
   * change in [−2 %, +25 %) in the good direction.
   */
  private static final String ROWS_SQL = """
      WITH levels AS (
        SELECT d.*,
          CASE WHEN unit = '%' THEN greatest(0.1D, least(100D, l2010 + (g1 - 0.3) * 4)) ELSE l2010 * (0.9 + 0.35 * g1) END AS l2015,
          CASE WHEN unit = '%' THEN greatest(0.1D, least(100D, l2010 + (g1 - 0.3) * 4 + (g2 - 0.3) * 4)) ELSE l2010 * (0.9 + 0.35 * g1) * (0.9 + 0.35 * g2) END AS l2020,
          CASE WHEN unit = '%' THEN greatest(0.1D, least(100D, l2010 + (g1 - 0.3) * 4 + (g2 - 0.3) * 4 + (g3 - 0.3) * 4))
               ELSE l2010 * (0.9 + 0.35 * g1) * (0.9 + 0.35 * g2) * (0.9 + 0.35 * g3) END AS l2025
        FROM synth_drawn d
      ),
      periods AS (
        SELECT l.*, e.period, e.base_year, e.base_level, e.end_level, e.completed,
          CASE WHEN polarity = 'lower' THEN e.base_level * (1 - (0.25 * pl - 0.02))
               WHEN unit = '%' THEN least(100D, e.base_level + (100 - e.base_level) * (0.25 * pl - 0.02))
               ELSE e.base_level * (1 + (0.25 * pl - 0.02)) END AS target_level
        FROM levels l
        LATERAL VIEW explode(array(
          named_struct('period', '12th', 'base_year', 2010, 'base_level', l2010, 'end_level', l2015, 'completed', true),
          named_struct('period', '13th', 'base_year', 2015, 'base_level', l2015, 'end_level', l2020, 'completed', true),
          named_struct('period', '14th', 'base_year', 2020, 'base_level', l2020, 'end_level', l2025, 'completed', true),
          named_struct('period', '15th', 'base_year', 2025, 'base_level', l2025, 'end_level', CAST(NULL AS DOUBLE), 'completed', false))) pe AS e
      ),
      cells AS (
        SELECT p.*, r.role, r.year, r.level
        FROM periods p
        LATERAL VIEW explode(array(
          named_struct('role', 'base', 'year', base_year, 'level', base_level),
          named_struct('role', 'target', 'year', base_year + 5, 'level', target_level),
          named_struct('role', 'actual', 'year', base_year + 5, 'level', end_level))) rr AS r
        WHERE r.role <> 'actual' OR p.completed
      ),
      shaped AS (
        SELECT c.*,
          CASE WHEN kind = 'qualitative' THEN 'qualitative' WHEN kind = 'ratio' THEN 'ratio' ELSE 'number' END AS value_kind,
          kind = 'five_year_flow' AS is_cumulative,
          CASE WHEN role = 'target' AND cmp < 0.2 THEN CASE WHEN polarity = 'lower' THEN '<=' ELSE '>=' END
               WHEN role = 'target' AND cmp < 0.3 THEN '~' END AS comparator,
          round(CASE WHEN kind = 'five_year_flow' THEN level * 5 ELSE level END, 2) AS v
        FROM cells c
      )
      SELECT
      """ + selectList() + """
      FROM shaped
      """;

  /**
   * Each column's expression over {@code shaped}; the SELECT list is the contract's columns, in its order
   * ({@link ObservationColumn}), and a column without an expression here fails the class's first use.
   */
  private static Map<ObservationColumn, String> columnSql() {
    Map<ObservationColumn, String> sql = new EnumMap<>(ObservationColumn.class);
    sql.put(OBSERVATION_ID, "concat('syn:', region_code, ':', indicator_id, ':', period, ':', role)");
    sql.put(REGION_CODE, "region_code");
    sql.put(REGION_NAME, "region_name");
    sql.put(PLAN_PERIOD, "period");
    sql.put(INDICATOR_ID, "indicator_id");
    sql.put(INDICATOR_NAME_RAW, "name_zh");
    sql.put(ROLE, "role");
    sql.put(YEAR, "CAST(year AS INT)");
    sql.put(VALUE_KIND, "value_kind");
    sql.put(VALUE, "CASE WHEN value_kind = 'number' THEN v END");
    sql.put(VALUE_LOW, "CAST(NULL AS DOUBLE)");
    sql.put(VALUE_HIGH, "CAST(NULL AS DOUBLE)");
    sql.put(UNIT, "unit");
    sql.put(VALUE_RAW, """
        CASE WHEN value_kind = 'qualitative' THEN '稳步提高' WHEN value_kind = 'ratio' THEN '10:40:50'
             ELSE concat(CASE comparator WHEN '>=' THEN '≥' WHEN '<=' THEN '≤' ELSE '' END,
                         CASE WHEN is_cumulative THEN '[' ELSE '' END, CAST(v AS STRING), CASE WHEN is_cumulative THEN ']' ELSE '' END,
                         CASE WHEN comparator = '~' THEN '左右' ELSE '' END) END""");
    sql.put(UNIT_RAW, "unit");
    sql.put(COMPARATOR, "CASE WHEN value_kind = 'number' THEN comparator END");
    sql.put(IS_CUMULATIVE, "is_cumulative");
    sql.put(IS_ANNUAL, "false");
    sql.put(ATTRIBUTE, "CASE WHEN attr < 0.3 THEN 'binding' ELSE 'anticipatory' END");
    sql.put(NOTE, "CAST(NULL AS STRING)");
    sql.put(SOURCE_KIND, "'table'");
    sql.put(SOURCE_FILE, "concat('synth_', region_code, '_', period, '.txt')");
    sql.put(SOURCE_LINE, "CAST(10 + ix * 3 + CASE role WHEN 'base' THEN 0 WHEN 'target' THEN 1 ELSE 2 END AS INT)");
    sql.put(SOURCE_LOCATOR, "concat('L', CAST(10 + ix * 3 + CASE role WHEN 'base' THEN 0 WHEN 'target' THEN 1 ELSE 2 END AS STRING))");
    sql.put(SOURCE_TABLE, "'表1'");
    sql.put(SOURCE_COLUMN, "concat(CAST(year AS STRING), CASE role WHEN 'base' THEN '年基数' WHEN 'target' THEN '年目标' ELSE '年完成' END)");
    sql.put(QUALITY_FLAGS, "''");
    return sql;
  }

  private static String selectList() {
    Map<ObservationColumn, String> sql = columnSql();
    StringBuilder select = new StringBuilder();
    for (ObservationColumn c : ObservationColumn.ALL) {
      String e = sql.get(c);
      if (e == null) throw new IllegalStateException("the synthetic dataset has no expression for column " + c.columnName());
      select.append(select.length() == 0 ? "  " : ",\n  ").append(e.strip()).append(" AS ").append(c.columnName());
    }
    return select.append("\n").toString();
  }

  /**
   * Writes the dataset under {@code out} (replaced): one Parquet file per partition of {@link #generate} — each
   * partition generates its own units' rows, so nothing is shuffled.
   */
  public static long write(Dataset<Row> rows, String out) {
    rows.write().mode("overwrite").parquet(out);
    return rows.sparkSession().read().parquet(out).count();
  }
}
