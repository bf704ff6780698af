package org.hrssplan.cli;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.hrssplan.config.AppConfig;
import org.hrssplan.endpoint.SqlEndpoint;
import org.hrssplan.endpoint.TrinoFiles;
import org.hrssplan.notebooks.ReadOnlySql;
import org.hrssplan.pipeline.SparkSessions;
import org.hrssplan.pipeline.CatalogTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hrss sql "SELECT …"} runs one statement; {@code hrss sql} alone opens an interactive shell (JLine: line
 * editing, history in ~/.hrss_sql_history, statements over several lines until ';'). Read-only. The statement goes to
 * the SQL endpoint when one is serving this lakehouse ({@code hrss serve}: Trino's SQL, answers in a fraction of a
 * second), else to an embedded Spark (Spark SQL, a session start of 10–15 s); {@code --engine} chooses.
 */
@Command(name = "sql", mixinStandardHelpOptions = true,
    description = {"Query the published tables (database hrss). With a STATEMENT: run it and print the result.",
        "Without: an interactive shell (history, multi-line statements ending in ';', aligned output). Read-only.",
        "Through the running SQL endpoint (hrss serve, Trino SQL) when there is one, else an embedded Spark (Spark SQL).",
        "Example: hrss sql \"SELECT region_code, indicator_id, achieved FROM hrss.fct_target_attainment WHERE NOT achieved\""})
public final class SqlCommand implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", paramLabel = "STATEMENT", description = "a SQL statement (SELECT, SHOW TABLES IN hrss, DESCRIBE hrss.t, …)")
  String statement;

  @Option(names = "--format", defaultValue = "table", description = "table (aligned, default) or csv (header row, for scripts)")
  String format;

  @Option(names = "--max-rows", defaultValue = "1000", description = "rows to print at most (default ${DEFAULT-VALUE})")
  int maxRows;

  @Option(names = "--engine", defaultValue = "auto",
      description = "auto (the endpoint when one serves this lakehouse, else Spark), endpoint, or spark (default ${DEFAULT-VALUE})")
  String engine;

  @Mixin
  ConfigOption config = new ConfigOption();

  /** Runs one statement on Spark, printing rows to out and problems to err; returns the exit code. */
  int execute(SparkSession spark, String sql, PrintStream out, PrintStream err) throws Exception {
    Dataset<Row> result;
    try {
      ReadOnlySql.check(spark, sql);
      result = spark.sql(sql);
    } catch (ReadOnlySql.ReadOnlyViolation e) {
      err.println("hrss sql: " + e.getMessage());
      return Hrss.HANDLED_FAILURE;
    } catch (Exception e) {
      // AnalysisException (and ParseException, a subclass) is Scala-unchecked: Java cannot name it in a catch
      if (!(e instanceof org.apache.spark.sql.AnalysisException)) throw e;
      err.println("hrss sql: " + e.getMessage());
      return Hrss.HANDLED_FAILURE;
    }
    List<Row> rows = result.limit(maxRows + 1).collectAsList();
    String[] cols = result.columns();
    return print(cols, ResultPrinter.cells(cols.length, rows), out, err);
  }

  /** Runs one statement through the endpoint; the server refuses what is not a read. */
  int execute(Connection endpoint, String sql, PrintStream out, PrintStream err) throws Exception {
    try (Statement st = endpoint.createStatement()) {
      st.setMaxRows(maxRows + 1);
      if (!st.execute(sql)) return print(new String[] {"result"}, List.<String[]>of(new String[] {"OK"}), out, err);
      try (ResultSet rs = st.getResultSet()) {
        ResultSetMetaData md = rs.getMetaData();
        String[] cols = new String[md.getColumnCount()];
        for (int i = 0; i < cols.length; i++) cols[i] = md.getColumnLabel(i + 1);
        List<String[]> rows = new ArrayList<>();
        while (rs.next()) {
          String[] r = new String[cols.length];
          for (int i = 0; i < cols.length; i++) r[i] = rs.getString(i + 1);
          rows.add(r);
        }
        return print(cols, rows, out, err);
      }
    } catch (SQLException e) {
      err.println("hrss sql: " + e.getMessage());
      err.println("hrss sql: (answered by the SQL endpoint, in Trino's SQL; Spark SQL such as DESCRIBE DETAIL: --engine spark)");
      return Hrss.HANDLED_FAILURE;
    }
  }

  private int print(String[] cols, List<String[]> rows, PrintStream out, PrintStream err) throws Exception {
    List<String[]> shown = rows.subList(0, Math.min(rows.size(), maxRows));
    out.print(format.equals("csv") ? ResultPrinter.csv(cols, shown) : ResultPrinter.table(cols, shown));
    if (rows.size() > maxRows) err.println("(more than " + maxRows + " rows; showing " + maxRows + ", see --max-rows)");
    return Hrss.OK;
  }

  @Override
  public Integer call() throws Exception {
    if (!format.equals("table") && !format.equals("csv")) {
      System.err.println("hrss sql: --format must be table or csv");
      return Hrss.USAGE;
    }
    if (!List.of("auto", "endpoint", "spark").contains(engine)) {
      System.err.println("hrss sql: --engine must be auto, endpoint or spark");
      return Hrss.USAGE;
    }
    AppConfig cfg = config.load();
    Optional<SqlEndpoint.Running> running = engine.equals("spark") ? Optional.empty() : SqlEndpoint.Running.find(cfg);
    Connection endpoint = null;
    if (running.isPresent()) {
      try {
        endpoint = connect(running.get(), cfg);
      } catch (SQLException e) {
        System.err.println("hrss sql: the SQL endpoint does not answer (" + e.getMessage() + ")"
            + (engine.equals("endpoint") ? "" : "; answering with Spark"));
      }
    }
    if (endpoint != null) {
      try (Connection c = endpoint) {
        if (statement == null) return SqlShell.run("SQL endpoint " + running.get().jdbcUrl() + ", Trino SQL", (sql, o, e) -> execute(c, sql, o, e));
        return execute(c, statement, System.out, System.err);
      }
    }
    if (engine.equals("endpoint")) {
      if (running.isEmpty()) System.err.println("hrss sql: no SQL endpoint is serving " + cfg.resolve(cfg.lakehouse()) + " — start one: jobs/bin/hrss serve");
      return Hrss.HANDLED_FAILURE;
    }
    SparkSession spark = SparkSessions.create("hrss-sql");
    try {
      List<String> registered = CatalogTables.registerAll(spark, cfg);
      if (registered.isEmpty()) {
        System.err.println("hrss sql: no published tables under " + cfg.resolve(cfg.lakehouse()) + " — run: jobs/bin/hrss run");
        return Hrss.HANDLED_FAILURE;
      }
      spark.catalog().setCurrentDatabase(cfg.database()); // unqualified names mean the same as through the endpoint
      if (statement == null) return SqlShell.run("embedded Spark, Spark SQL", (sql, o, e) -> execute(spark, sql, o, e));
      return execute(spark, statement, System.out, System.err);
    } finally {
      spark.stop();
    }
  }

  /**
   * A connection to the running endpoint as this OS user; beyond loopback with {@code HRSS_SQL_USER} and
   * {@code HRSS_SQL_PASSWORD}, or null (then Spark answers) when they are not set.
   */
  private static Connection connect(SqlEndpoint.Running endpoint, AppConfig cfg) throws SQLException {
    Properties p = new Properties();
    String host = cfg.endpoint().localAddress();
    p.setProperty("user", System.getProperty("user.name"));
    if (!endpoint.loopback()) {
      String user = System.getenv("HRSS_SQL_USER");
      String password = System.getenv("HRSS_SQL_PASSWORD");
      if (user == null || password == null) {
        System.err.println("hrss sql: the endpoint asks for a password (set HRSS_SQL_USER and HRSS_SQL_PASSWORD); answering with Spark");
        return null;
      }
      p.setProperty("user", user);
      p.setProperty("password", password);
      p.setProperty("SSL", "true");
    }
    return DriverManager.getConnection("jdbc:trino://" + host + ":" + endpoint.port() + "/" + TrinoFiles.CATALOG + "/" + cfg.database(), p);
  }
}
