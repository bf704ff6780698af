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
import java.util.List;
import java.util.Optional;
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
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.hrssplan.document.PlanDocument;
import org.hrssplan.model.Code;
import org.hrssplan.model.ColumnType;
import org.hrssplan.model.DatasetCheck;
import org.hrssplan.model.ObservationColumn;
import org.hrssplan.model.QuarantineReason;
import org.hrssplan.tables.Schemas;

/**
 * Normalized datasets extracted elsewhere, as Parquet files with the columns of {@code fct_observation}
 * ({@link Schemas#OBSERVATION}), read at national scale (millions of rows) next to the plan documents and checked as
 * strictly as {@code indicator_observations.csv} is ({@code extract.DatasetReader}), but in Spark:
 *
 * <ul>
 *   <li>a file whose columns are not exactly the format's (one missing, or one the format does not know) is rejected
 *       whole, as a quarantined document — its data would otherwise be lost or misread ({@link DatasetCheck#columns});
 *   <li>a row is quarantined with the reason of the first check of {@link DatasetCheck#ROWS} it fails — the CSV
 *       reader's checks, derived from {@link ObservationColumn}: a value of the wrong type (cast fails), an empty NOT
 *       NULL column, a role / value_kind / source_kind that is not a known code, a region not in regions.csv, an
 *       indicator not in the catalog, an observation_id that repeats an earlier row's (earlier: by file, then row);
 *   <li>every other row is an observation, with its own provenance (source_kind, source_file, source_line, …) kept.
 * </ul>
 *
 * Each file is one "document" of {@code dq_document_accounting} (format dataset): rows found = observations +
 * quarantined rows. The transforms are lazy: each use re-reads only the columns it needs, and the duplicate check
 * costs one shuffle of 8-byte hashes, not of rows.
 */
public final class DatasetInput {
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
      Optional<DatasetCheck.Problem> problem;
      try {
        problem = DatasetCheck.columns(List.of(spark.read().parquet(f).schema().fieldNames()));
      } catch (RuntimeException e) {
        problem = Optional.of(new DatasetCheck.Problem(QuarantineReason.DATASET_UNREADABLE, "not a readable Parquet file: " + e.getMessage()));
      }
      if (problem.isEmpty()) {
        readable.add(f);
        shas.add(RowFactory.create(f, sha));
      } else {
        rejected.add(rejectedFile(name, sha, problem.get().reason(), name + ": " + problem.get().words()));
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
    // the type checks of DatasetCheck.ROWS (they come first): the first failed is the row's type problem
    Column typeProblem = null;
    Column typeReason = null;
    for (DatasetCheck check : DatasetCheck.ROWS) {
      if (check.kind() != DatasetCheck.Kind.TYPE) continue;
      String name = check.column().columnName();
      DataType type = Schemas.type(check.column().type());
      if (!java.util.Arrays.asList(given.fieldNames()).contains(name) || given.apply(name).dataType().equals(type)) continue;
      Column fails = col(name).isNotNull().and(expr("try_cast(`" + name + "` AS " + type.sql() + ")").isNull());
      Column words = concat(lit(check.before()), col(name).cast("string"), lit(check.after()));
      typeProblem = typeProblem == null ? when(fails, words) : typeProblem.when(fails, words);
      typeReason = typeReason == null ? when(fails, lit(check.reason().code())) : typeReason.when(fails, lit(check.reason().code()));
    }
    // source_locator may be absent (datasets written before it existed): derived from source_line
    Column derivedLocator = expr("CASE WHEN try_cast(source_line AS INT) > 0 THEN concat('L', CAST(try_cast(source_line AS INT) AS STRING))"
        + " ELSE 'document' END");
    for (ObservationColumn c : ObservationColumn.ALL) {
      String name = c.columnName();
      DataType type = Schemas.type(c.type());
      boolean present = java.util.Arrays.asList(given.fieldNames()).contains(name);
      if (c == ObservationColumn.SOURCE_LOCATOR) {
        typed.add((present ? coalesce(col(name).cast("string"), derivedLocator) : derivedLocator).as(name));
      } else if (c.optionalOnInput() && !present) {
        typed.add(lit(null).cast(type).as(name));
      } else if (given.apply(name).dataType().equals(type)) {
        typed.add(col(name));
      } else {
        typed.add(expr("try_cast(`" + name + "` AS " + type.sql() + ")").as(name));
      }
    }
    typed.add((typeProblem == null ? lit(null).cast("string") : typeProblem).as("_type_problem"));
    typed.add((typeReason == null ? lit(null).cast("string") : typeReason).as("_type_reason"));
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

    // the other checks of DatasetCheck.ROWS, in order; the first failed gives the row's reason and its words
    Column problem = when(col("_type_problem").isNotNull(), col("_type_problem"));
    Column code = when(col("_type_problem").isNotNull(), col("_type_reason"));
    for (DatasetCheck check : DatasetCheck.ROWS) {
      Column v = col(check.column().columnName());
      Column fails = switch (check.kind()) {
        case TYPE -> null;  // above
        case NOT_EMPTY -> check.column().type() == ColumnType.STRING ? v.isNull().or(functions.trim(v).equalTo("")) : v.isNull();
        case CODE -> v.isin(Code.codes(check.column().codes().orElseThrow()).toArray()).unary_$bang();
        case KNOWN_REGION -> col("_known_region").isNull();
        case KNOWN_INDICATOR -> v.isNotNull().and(col("_known_indicator").isNull());
        case FIRST_OF_ITS_ID -> col("_dup_id").isNotNull();
      };
      if (fails == null) continue;
      Column words = check.kind() == DatasetCheck.Kind.NOT_EMPTY ? lit(check.words(null))
          : concat(lit(check.before()), coalesce(v.cast("string"), lit("")), lit(check.after()));
      problem = problem.when(fails, words);
      code = code.when(fails, lit(check.reason().code()));
    }
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
  private static Row rejectedFile(String name, String sha, QuarantineReason reason, String words) {
    Row q = RowFactory.create(name + ":document", name, 0, "document", "document", reason.code(), words, null, null, null, null, null);
    Row a = RowFactory.create(name, sha, "parquet", "dataset", null, null, reason.code(), 0, 0, 0, 0, 0, 0, 0);
    return RowFactory.create(q, a);
  }

  private static String sha256(Configuration hadoop, String file) throws IOException {
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(file);
    try (InputStream in = p.getFileSystem(hadoop).open(p)) {
      return PlanDocument.sha256(in);
    }
  }
}
