package org.hrssplan.pipeline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.hrssplan.config.AppConfig;
import org.hrssplan.tables.PublishedTable;

/**
 * Which published tables are damaged, and how: a table folder whose {@code _delta_log} is gone or empty, a transaction
 * log that cannot be read (a commit file cut short, as a crash on a non-atomic file system or a full disk leaves it),
 * a data file the log lists and the folder lacks. Looked at when a run fails, so that the failure names the table and
 * its remedy; a table that does not exist yet is not damaged. Every table but the run log ({@code ops_job_runs}) is derived
 * from the inputs and can be rebuilt ({@code hrss run --rebuild TABLE|all}).
 */
public final class LakehouseHealth {
  /** One damaged table: its name (as published and as {@code --rebuild} takes it), qualified name, folder and what is wrong. */
  public record Damage(String name, String table, String path, String problem) {
    /** Every table but the run log, whose history is not recomputable: it is reported, never rebuilt. */
    public boolean rebuildable() {
      return !name.equals(PublishedTable.RUNS.name());
    }

    /** One line: which table, what is wrong, what to do. */
    public String explain() {
      String remedy = rebuildable()
          ? "it is derived from the inputs: rebuild it with  jobs/bin/hrss run --rebuild " + name
          : "it is the run history and cannot be recomputed: restore it from a backup, or move " + path
              + " aside to start a new history";
      return "table " + table + " is damaged: " + problem + "; " + remedy;
    }
  }

  private LakehouseHealth() {}

  public static List<Damage> check(SparkSession spark, AppConfig config) {
    List<Damage> out = new ArrayList<>();
    org.apache.spark.sql.delta.DeltaLog.clearCache(); // what is on disk now, not what this session read before
    for (PublishedTable t : PublishedTable.ALL) {
      String path = config.tablePath(t.name());
      String problem;
      try {
        problem = problem(spark, path);
      } catch (IOException e) {
        problem = "its folder cannot be listed (" + e.getMessage() + ")";
      }
      if (problem != null) out.add(new Damage(t.name(), config.tableName(t.name()), path, problem));
    }
    return out;
  }

  /** What is wrong with the table at {@code path}, or null when it is sound or does not exist. */
  static String problem(SparkSession spark, String path) throws IOException {
    Path table = new Path(path);
    FileSystem fs = table.getFileSystem(spark.sparkContext().hadoopConfiguration());
    if (!fs.exists(table)) return null;
    Path log = new Path(table, "_delta_log");
    FileStatus[] entries = fs.exists(log) ? fs.listStatus(log) : new FileStatus[0];
    boolean anyCommit = false;
    for (FileStatus f : entries) anyCommit |= f.getPath().getName().endsWith(".json") || f.getPath().getName().endsWith(".checkpoint.parquet");
    if (!anyCommit) {
      return fs.listStatus(table).length == 0 ? null : "its transaction log (" + log + ") is missing or empty";
    }
    String[] files;
    try {
      files = spark.read().format("delta").load(path).inputFiles();
    } catch (Exception e) { // Spark's SparkException is checked in Java's terms and thrown unchecked
      return "its transaction log cannot be read (" + rootMessage(e) + ")";
    }
    for (String f : files) {
      Path p = new Path(f);
      if (!p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p)) {
        return "the data file " + p.getName() + " that its log lists is missing";
      }
    }
    return null;
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) t = t.getCause();
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
