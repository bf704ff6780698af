package org.hrssplan.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.hrssplan.config.AppConfig;
import org.hrssplan.notebooks.ReadOnlySql;
import org.hrssplan.pipeline.SparkSessions;
import org.hrssplan.pipeline.CatalogTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hrss sql "SELECT …"} runs one statement; {@code hrss sql} alone opens an interactive shell (JLine: line
 * editing, history in ~/.hrss_sql_history, statements over several lines until ';'). Read-only: DDL and DML are
 * refused ({@link ReadOnlySql}).
 */
@Command(name = "sql", mixinStandardHelpOptions = true,
    description = {"Query the published tables (database hrss). With a STATEMENT: run it and print the result.",
        "Without: an interactive shell (history, multi-line statements ending in ';', aligned output). Read-only.",
        "Example: hrss sql \"SELECT region_code, indicator_id, achieved FROM hrss.fct_target_attainment WHERE NOT achieved\""})
public final class SqlCommand implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", paramLabel = "STATEMENT", description = "a SQL statement (SELECT, SHOW TABLES IN hrss, DESCRIBE DETAIL hrss.t, …)")
  String statement;

  @Option(names = "--format", defaultValue = "table", description = "table (aligned, default) or csv (header row, for scripts)")
  String format;

  @Option(names = "--max-rows", defaultValue = "1000", description = "rows to print at most (default ${DEFAULT-VALUE})")
  int maxRows;

  @Mixin
  ConfigOption config = new ConfigOption();

  /** Runs one statement, printing rows to out and problems to err; returns the exit code. */
  int execute(SparkSession spark, String sql, java.io.PrintStream out, java.io.PrintStream err) throws Exception {
    Dataset<Row> result;
    try {
      ReadOnlySql.check(sql);
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
    out.print(format.equals("csv") ? ResultPrinter.csv(cols, rows.subList(0, Math.min(rows.size(), maxRows)))
        : ResultPrinter.table(cols, rows.subList(0, Math.min(rows.size(), maxRows))));
    if (rows.size() > maxRows) err.println("(more than " + maxRows + " rows; showing " + maxRows + ", see --max-rows)");
    return Hrss.OK;
  }

  @Override
  public Integer call() throws Exception {
    if (!format.equals("table") && !format.equals("csv")) {
      System.err.println("hrss sql: --format must be table or csv");
      return Hrss.USAGE;
    }
    AppConfig cfg = config.load();
    SparkSession spark = SparkSessions.create("hrss-sql");
    try {
      List<String> registered = CatalogTables.registerAll(spark, cfg);
      if (registered.isEmpty()) {
        System.err.println("hrss sql: no published tables under " + cfg.resolve(cfg.lakehouse()) + " — run: jobs/bin/hrss run");
        return Hrss.HANDLED_FAILURE;
      }
      if (statement == null) return SqlShell.run(spark, this::execute);
      return execute(spark, statement, System.out, System.err);
    } finally {
      spark.stop();
    }
  }
}
