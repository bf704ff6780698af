package org.hrssplan.pipeline;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.hrssplan.document.PlanDocument;

/**
 * Normalized datasets extracted elsewhere, as Parquet files with the columns of {@code fct_observation}
 * ({@link Schemas#OBSERVATION}), read at national scale (millions of rows) next to the plan documents and checked as
 * strictly as {@code indicator_observations.csv} is ({@code extract.DatasetReader}), but in Spark:
 *
 * <ul>
 *   <li>a file whose columns are not exactly the format's (one missing, or one the format does not know) is rejected
 *       whole, as a quarantined document — its data would otherwise be lost or misread;
 *   <li>a row is quarantined with its reason when a value has the wrong type (cast fails), the observation_id is
 *       empty, role / value_kind / source_kind are not known codes, the year or a flag is missing, the region is not
 *       in regions.csv, the indicator is not in the catalog, or its observation_id repeats an earlier row's (earlier:
 *       by file, then row);
 *   <li>every other row is an observation, with its own provenance (source_kind, source_file, source_line, …) kept.
 * </ul>
 *
 * Each file is one "document" of {@code dq_document_accounting} (format dataset): rows found = observations +
 * quarantined rows. The transforms are lazy: each use re-reads only the columns it needs, and the duplicate check
 * costs one shuffle of 8-byte hashes, not of rows.
 */
public final class DatasetInput {
  static final Set<String> ROLES = Set.of("base", "target", "actual");
  static final Set<String> KINDS = Set.of("number", "ratio", "qualitative", "missing");
  static final Set<String> SOURCE_KINDS = Set.of("table", "prose", "dataset");

  private final Dataset<Row> checked;
  private final List<Row> rejectedFiles;
  private final Dataset<Row> accountsOfRead;

  private DatasetInput(Dataset<Row> checked, List<Row> rejectedFiles, Dataset<Row> accountsOfRead) {
    this.checked = checked;
    this.rejectedFiles = rejectedFiles;
    this.accountsOfRead = accountsOfRead;
  }

  /** The Parquet files at {@code location} (a file, or a folder read recursively; names starting _ or . skipped). */
  public static List<String> files(Configuration hadoop, String location) throws IOException {
    org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(location);
    FileSystem fs = root.getFileSystem(hadoop);
    if (!fs.exists(root)) throw new IOException("dataset " + location + " does not exist");
    List<String> out = new ArrayList<>();
    FileStatus st = fs.getFileStatus(root);
    if (st.isFile()) {
      out.add(st.getPath().toString());
      return out;
    }
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
    while (it.hasNext()) {
      LocatedFileStatus f = it.next();
      String name = f.getPath().getName();
      if (f.isFile() && !name.startsWith("_") && !name.startsWith(".") && name.endsWith(".parquet")) out.add(f.getPath().toString());
    }
    out.sort(null);
    return out;
  }

  /**
   * Reads and checks the dataset files against the known regions and indicators (single-column Datasets
   * {@code region_code}, {@code indicator_id}).
   */
  public static DatasetInput read(SparkSession spark, List<String> files, Dataset<Row> regionCodes, Dataset<Row> indicatorIds)
      throws IOException {
    var hadoop = spark.sparkContext().hadoopConfiguration();
    List<String> readable = new ArrayList<>();
    List<Row> rejected = new ArrayList<>();
    List<Row> shas = new ArrayList<>();
    for (String f : files) {
      String name = new org.apache.hadoop.fs.Path(f).getName();
      String sha = sha256(hadoop, f);
      String problem;
      try {
        problem = columnProblem(spark.read().parquet(f).schema());
      } catch (RuntimeException e) {
        problem = "dataset_unreadable:" + name + " is not a readable Parquet file: " + e.getMessage();
      }
      if (problem == null) {
        readable.add(f);
        shas.add(RowFactory.create(f, sha));
      } else {
        int colon = problem.indexOf(':');
        rejected.add(rejectedFile(name, sha, problem.substring(0, colon), name + ": " + problem.substring(colon + 1)));
      }
    }
    if (readable.isEmpty()) return new DatasetInput(null, rejected, null);

    // _metadata.row_index: the row's 0-based position in its file — its "line", stable across reads
    Dataset<Row> raw = spark.read().parquet(readable.toArray(String[]::new))
        .selectExpr("*", "_metadata.file_name AS _file", "_metadata.row_index AS _row");
    // typed: every column cast to the format's type; a non-null value that does not cast is a problem of its row
    // (only columns whose Parquet type differs from the format's are cast: the others cannot fail)
    StructType given = spark.read().parquet(readable.toArray(String[]::new)).schema();
    List<Column> typed = new ArrayList<>();
    List<Column> castProblems = new ArrayList<>();
    // source_locator may be absent (datasets written before it existed): derived from source_line
    Column derivedLocator = expr("CASE WHEN try_cast(source_line AS INT) > 0 THEN concat('L', CAST(try_cast(source_line AS INT) AS STRING))"
        + " ELSE 'document' END");
    for (StructField f : Schemas.OBSERVATION.fields()) {
      if (f.name().equals("source_locator")) {
        boolean present = java.util.Arrays.asList(given.fieldNames()).contains(f.name());
        typed.add((present ? coalesce(col(f.name()).cast("string"), derivedLocator) : derivedLocator).as(f.name()));
        continue;
      }
      if (given.apply(f.name()).dataType().equals(f.dataType())) {
        typed.add(col(f.name()));
        continue;
      }
      Column c = expr("try_cast(`" + f.name() + "` AS " + f.dataType().sql() + ")");
      typed.add(c.as(f.name()));
      castProblems.add(when(col(f.name()).isNotNull().and(c.isNull()),
          concat(lit(f.name() + " '"), col(f.name()).cast("string"), lit("' is not a " + f.dataType().simpleString()))));
    }
    castProblems.add(lit(null).cast("string"));
    typed.add(coalesce(castProblems.toArray(Column[]::new)).as("_cast_problem"));
    typed.add(col("_file"));
    typed.add(col("_row"));
    Dataset<Row> t = raw.select(typed.toArray(Column[]::new));

    // repeated observation_id: one shuffle of 8-byte hashes finds the few candidate ids; the exact check and the
    // "first wins" order then run on those candidates only
    Dataset<Row> candidates = t.groupBy(xxhash64(col("observation_id")).as("_h")).agg(count(lit(1)).as("n")).where("n > 1").select("_h");
    Dataset<Row> firstOfRepeated = t.withColumn("_h", xxhash64(col("observation_id")))
        .join(functions.broadcast(candidates), "_h")
        .selectExpr("observation_id", "_file", "_row", "min(struct(_file, _row)) OVER (PARTITION BY observation_id) AS _first",
            "count(1) OVER (PARTITION BY observation_id) AS _n")
        .where("_n > 1 AND struct(_file, _row) <> _first")
        .select(col("observation_id").as("_dup_id"), col("_file").as("_dup_file"), col("_row").as("_dup_row"))
        .localCheckpoint(true);  // computed once: every later use of the dataset joins this small set

    Dataset<Row> withRefs = t
        .join(functions.broadcast(regionCodes.select(col("region_code").as("_known_region"))),
            col("region_code").equalTo(col("_known_region")), "left")
        .join(functions.broadcast(indicatorIds.select(col("indicator_id").as("_known_indicator"))),
            col("indicator_id").equalTo(col("_known_indicator")), "left")
        .join(functions.broadcast(firstOfRepeated), col("_file").equalTo(col("_dup_file")).and(col("_row").equalTo(col("_dup_row"))), "left");

    Column problem = when(col("_cast_problem").isNotNull(), col("_cast_problem"))
        .when(col("observation_id").isNull().or(functions.trim(col("observation_id")).equalTo("")), lit("observation_id is empty"))
        .when(col("year").isNull(), lit("year is missing"))
        .when(col("role").isNull().or(col("role").isin(ROLES.toArray()).unary_$bang()),
            concat(lit("role '"), coalesce(col("role"), lit("")), lit("' is not base, target or actual")))
        .when(col("value_kind").isNull().or(col("value_kind").isin(KINDS.toArray()).unary_$bang()),
            concat(lit("value_kind '"), coalesce(col("value_kind"), lit("")), lit("' is unknown")))
        .when(col("source_kind").isNull().or(col("source_kind").isin(SOURCE_KINDS.toArray()).unary_$bang()),
            concat(lit("source_kind '"), coalesce(col("source_kind"), lit("")), lit("' is not table, prose or dataset")))
        .when(col("is_cumulative").isNull().or(col("is_annual").isNull()), lit("is_cumulative / is_annual must be true or false"))
        .when(col("_known_region").isNull(), concat(lit("region_code '"), coalesce(col("region_code"), lit("")), lit("' is not in regions.csv")))
        .when(col("indicator_id").isNotNull().and(col("_known_indicator").isNull()),
            concat(lit("indicator_id '"), col("indicator_id"), lit("' is not in the catalog")))
        .when(col("_dup_id").isNotNull(), concat(lit("observation_id '"), col("observation_id"), lit("' repeats an earlier row")));
    Column code = when(col("_dup_id").isNotNull().and(col("_cast_problem").isNull()), lit("duplicate_row")).otherwise(lit("dataset_invalid_value"));
    List<Column> out = new ArrayList<>();
    for (String f : Schemas.OBSERVATION.fieldNames()) out.add(col(f));
    out.add(col("_file").as("_dataset_file"));
    out.add(col("_row"));
    out.add(problem.as("_problem"));
    out.add(code.as("_reason_code"));
    // checked once, then kept (columnar, compressed, on local disk: the heap stays small at 20M rows) for the passes
    // that follow — accounting, gates, publication — instead of re-reading and re-checking the Parquet for each
    Dataset<Row> checked = withRefs.select(out.toArray(Column[]::new)).persist(StorageLevel.DISK_ONLY());

    Dataset<Row> shaOf = spark.createDataFrame(shas, new StructType().add("_path", "string").add("source_sha256", "string"))
        .selectExpr("regexp_extract(_path, '[^/]*$', 0) AS source_file", "source_sha256");
    Dataset<Row> accounts = checked.groupBy(col("_dataset_file").as("source_file"))
        .agg(count(lit(1)).cast("int").as("value_cells"), count(when(col("_problem").isNull(), lit(1))).cast("int").as("observations"),
            functions.min(when(col("_problem").isNull(), col("region_code"))).as("_region"),
            functions.max(when(col("_problem").isNull(), col("region_code"))).as("_region_max"))
        .join(functions.broadcast(shaOf), "source_file", "left")
        .selectExpr("source_file", "source_sha256", "'parquet' AS encoding", "'dataset' AS format",
            "CASE WHEN _region = _region_max THEN _region END AS region_code", "CAST(NULL AS STRING) AS region_name", "'extracted' AS status",
            "0 AS tables", "0 AS indicator_rows", "value_cells", "0 AS prose_targets", "observations",
            "value_cells - observations AS quarantined_cells", "0 AS findings");
    return new DatasetInput(checked, rejected, accounts);
  }

  /** NULL when the columns are exactly the format's, else "code:words". */
  static String columnProblem(StructType schema) {
    Set<String> missing = new LinkedHashSet<>(List.of(Schemas.OBSERVATION.fieldNames()));
    Set<String> extra = new LinkedHashSet<>(List.of(schema.fieldNames()));
    for (String f : schema.fieldNames()) missing.remove(f);
    missing.removeAll(org.hrssplan.extract.ObservationCsv.OPTIONAL_COLUMNS);
    for (String f : Schemas.OBSERVATION.fieldNames()) extra.remove(f);
    if (missing.isEmpty() && extra.isEmpty()) return null;
    return (missing.isEmpty() ? "dataset_unexpected_columns:" : "dataset_missing_columns:")
        + (missing.isEmpty() ? "" : "lacks " + missing) + (missing.isEmpty() || extra.isEmpty() ? "" : " and ")
        + (extra.isEmpty() ? "" : "has columns the format does not know " + extra) + "; the file is not read";
  }

  /** Valid rows, as {@link Schemas#OBSERVATION}. */
  public Dataset<Row> observations(SparkSession spark) {
    if (checked == null) return spark.createDataFrame(List.of(), Schemas.OBSERVATION);
    return checked.where(col("_problem").isNull()).select(Schemas.OBSERVATION.fieldNames()[0], tail(Schemas.OBSERVATION));
  }

  /**
   * Rejected files and quarantined rows, as {@link Schemas#QUARANTINE}. {@code anyRowQuarantined} false (the accounting
   * already says no row was) skips a pass over the rows that would find none.
   */
  public Dataset<Row> quarantine(SparkSession spark, boolean anyRowQuarantined) {
    Dataset<Row> files = spark.createDataFrame(rejectedFiles.stream().map(r -> (Row) r.get(0)).toList(), Schemas.QUARANTINE);
    if (checked == null || !anyRowQuarantined) return files;
    Dataset<Row> rows = checked.where(col("_problem").isNotNull()).selectExpr(
        "concat(_dataset_file, ':R', CAST(_row + 1 AS STRING)) AS cell_id",
        "_dataset_file AS source_file", "CAST(_row + 1 AS INT) AS source_line", "concat('row ', CAST(_row + 1 AS STRING)) AS source_locator",
        "'dataset_row' AS stage", "_reason_code AS reason_code",
        "concat(_dataset_file, ' row ', CAST(_row + 1 AS STRING), ' (from ', coalesce(source_file, '?'), ' line ', coalesce(CAST(source_line AS STRING), '?'), '): ', _problem) AS reason",
        "to_json(struct(observation_id, region_code, indicator_id, role, year, value_raw, value)) AS raw_text",
        "region_code", "source_table AS table_ref", "source_column AS column_header", "indicator_name_raw AS row_label");
    return files.unionByName(rows);
  }

  /** One accounting row per dataset file, read or rejected, as {@link Schemas#ACCOUNT}. */
  public Dataset<Row> accounting(SparkSession spark) {
    Dataset<Row> files = spark.createDataFrame(rejectedFiles.stream().map(r -> (Row) r.get(1)).toList(), Schemas.ACCOUNT);
    return accountsOfRead == null ? files : files.unionByName(accountsOfRead);
  }

  /** Drops the checked rows kept on disk (at the end of the run). */
  public void release() {
    if (checked != null) checked.unpersist();
  }

  private static String[] tail(StructType s) {
    String[] n = s.fieldNames();
    return java.util.Arrays.copyOfRange(n, 1, n.length);
  }

  /** (quarantine row, accounting row) of a file rejected whole. */
  private static Row rejectedFile(String name, String sha, String code, String reason) {
    Row q = RowFactory.create(name + ":document", name, 0, "document", "document", code, reason, null, null, null, null, null);
    Row a = RowFactory.create(name, sha, "parquet", "dataset", null, null, code, 0, 0, 0, 0, 0, 0, 0);
    return RowFactory.create(q, a);
  }

  private static String sha256(Configuration hadoop, String file) throws IOException {
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(file);
    try (InputStream in = p.getFileSystem(hadoop).open(p)) {
      return PlanDocument.sha256(in);
    }
  }
}
