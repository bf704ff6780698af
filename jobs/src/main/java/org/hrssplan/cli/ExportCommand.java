package org.hrssplan.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.hrssplan.config.AppConfig;
import org.hrssplan.pipeline.SparkSessions;
import org.hrssplan.pipeline.TableCsv;
import org.hrssplan.pipeline.CatalogTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hrss export TABLE --out FILE.csv}: one published table as an Excel-safe CSV (UTF-8 BOM, formula-safe). */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Write a published table as CSV for Excel: UTF-8 with BOM, cells starting with = + - @ prefixed with '.")
public final class ExportCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "TABLE", description = "table name, e.g. fct_target_attainment (database hrss)")
  String table;

  @Option(names = "--out", required = true, description = "CSV file to write")
  Path out;

  @Mixin
  ConfigOption config = new ConfigOption();

  @Override
  public Integer call() throws Exception {
    if (!table.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?")) {
      System.err.println("hrss export: '" + table + "' is not a table name");
      return Hrss.USAGE;
    }
    AppConfig cfg = config.load();
    SparkSession spark = SparkSessions.create("hrss-export");
    try {
      CatalogTables.registerAll(spark, cfg);
      String qualified = table.contains(".") ? table : cfg.database() + "." + table;
      if (!spark.catalog().tableExists(qualified)) {
        System.err.println("hrss export: no published table " + qualified + " (see: jobs/bin/hrss sql \"SHOW TABLES IN " + cfg.database() + "\")");
        return Hrss.HANDLED_FAILURE;
      }
      long n = TableCsv.write(spark.table(qualified), out);
      System.out.println("wrote " + n + " rows of " + qualified + " to " + out);
      return Hrss.OK;
    } finally {
      spark.stop();
    }
  }
}
