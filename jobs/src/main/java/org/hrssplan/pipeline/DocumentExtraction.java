package org.hrssplan.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.not;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;
import org.hrssplan.config.Location;
import org.hrssplan.extract.CorpusExtractor;
import org.hrssplan.extract.ExtractionResult;
import org.hrssplan.extract.PlanExtractor;
import org.hrssplan.tables.Rows;
import org.hrssplan.tables.Schemas;

/**
 * The extraction stage as Spark transforms: the plan files of the input folder, listed on the driver by name → one
 * {@link Schemas#EXTRACTION} row per document, read and extracted by the plain-Java {@link PlanExtractor} on the
 * executors; then one exploded Dataset per output table. A file whose bytes equal an earlier file's (by SHA-256,
 * earlier by name) is reported as a duplicate instead of extracted twice.
 *
 * <p>Each document is a bulkhead: a file that cannot be opened, is over the size limit, or that the reader fails on
 * becomes its own quarantine row; no file fails the Spark job. Files are passed as URIs built by Hadoop from their
 * paths, never as text pasted into a URI, so any character a file name can hold is read as itself.
 */
public final class DocumentExtraction {
  private DocumentExtraction() {}

  /**
   * The files of {@code plans} to read, as URIs, in name order: every entry but folders and hidden names (the rule
   * of {@link CorpusExtractor#listInputs}); a file location is itself. A folder that cannot be listed is an
   * {@link IOException} naming it: without its list there is nothing to run on.
   */
  public static List<String> planFiles(Configuration hadoop, Location plans) throws IOException {
    if (plans.isLocal()) {
      List<String> out = new ArrayList<>();
      for (java.nio.file.Path p : CorpusExtractor.listInputs(plans.path())) out.add(p.toUri().toString());
      return out;
    }
    Path dir = new Path(plans.uri());
    FileSystem fs = dir.getFileSystem(hadoop);
    List<String> out = new ArrayList<>();
    for (FileStatus f : fs.listStatus(dir)) {
      if (!f.isDirectory() && CorpusExtractor.inputName(f.getPath().getName())) out.add(f.getPath().toUri().toString());
    }
    out.sort(java.util.Comparator.comparing(u -> new Path(URI.create(u)).getName()));
    return out;
  }

  /** Every file read and extracted on the executors, a row per file; copies not yet told apart ({@link #withoutCopies}). */
  public static Dataset<Row> extract(SparkSession spark, List<String> files, PlanExtractor extractor) {
    int slices = Math.max(1, Math.min(files.size(), spark.sparkContext().defaultParallelism() * 4));
    var uris = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(files, slices);
    return spark.createDataset(uris.rdd(), Encoders.STRING())
        .mapPartitions(new ExtractPartition(extractor, new SerializableConfiguration(spark.sparkContext().hadoopConfiguration())),
            Encoders.row(Schemas.EXTRACTION));
  }

  /**
   * {@code extracted} with every later copy of the same bytes replaced by its {@code duplicate_document} row. Runs one
   * small job over the (persisted) extraction: a name and a hash per document.
   */
  public static Dataset<Row> withoutCopies(Dataset<Row> extracted, PlanExtractor extractor) {
    List<Row> copies = extracted
        .select(col("account.source_file").as("file"), col("account.source_sha256").as("sha"))
        .where(col("sha").isNotNull())
        .withColumn("first", first(col("file")).over(Window.partitionBy("sha").orderBy("file")))
        .where(col("file").notEqual(col("first")))
        .collectAsList().stream().filter(r -> PlanExtractor.supportedFile(r.getString(0))).toList();
    if (copies.isEmpty()) return extracted;
    List<Row> replaced = new ArrayList<>();
    for (Row r : copies) replaced.add(Rows.extraction(extractor.duplicate(r.getString(0), r.getString(1), r.getString(2))));
    Object[] names = copies.stream().map(r -> r.getString(0)).toArray();
    return extracted.where(not(col("account.source_file").isin(names)))
        .unionByName(extracted.sparkSession().createDataFrame(replaced, Schemas.EXTRACTION));
  }

  public static Dataset<Row> observations(Dataset<Row> extraction) {
    return exploded(extraction, "observations", Schemas.OBSERVATION);
  }

  public static Dataset<Row> rawCells(Dataset<Row> extraction) {
    return exploded(extraction, "cells", Schemas.RAW_CELL);
  }

  public static Dataset<Row> quarantine(Dataset<Row> extraction) {
    return exploded(extraction, "quarantine", Schemas.QUARANTINE);
  }

  public static Dataset<Row> findings(Dataset<Row> extraction) {
    return exploded(extraction, "findings", Schemas.FINDING);
  }

  public static Dataset<Row> accounting(Dataset<Row> extraction) {
    return extraction.select("account.*");
  }

  private static Dataset<Row> exploded(Dataset<Row> extraction, String field, StructType schema) {
    return extraction.select(explode(col(field)).as("x")).select("x.*").toDF(schema.fieldNames());
  }

  static final class ExtractPartition implements MapPartitionsFunction<String, Row> {
    private final PlanExtractor extractor;
    private final SerializableConfiguration hadoop;

    ExtractPartition(PlanExtractor extractor, SerializableConfiguration hadoop) {
      this.extractor = extractor;
      this.hadoop = hadoop;
    }

    @Override
    public Iterator<Row> call(Iterator<String> input) {
      List<Row> out = new ArrayList<>();
      while (input.hasNext()) out.add(Rows.extraction(read(new Path(URI.create(input.next())))));
      return out.iterator();
    }

    /** One file within the size limit, read and extracted; any failure to read it is its own result. */
    private ExtractionResult read(Path file) {
      String name = file.getName();
      byte[] bytes;
      try {
        FileSystem fs = file.getFileSystem(hadoop.value());
        FileStatus status = fs.getFileStatus(file);
        if (!status.isFile()) return extractor.unreadableFile(name, "not a regular file");
        if (extractor.limits().tooLarge(status.getLen()) != null) return extractor.tooLargeFile(name, status.getLen());
        try (FSDataInputStream in = fs.open(file)) {
          bytes = in.readAllBytes();
        }
      } catch (java.io.FileNotFoundException e) {
        // Hadoop's local file system says "(Permission denied)" through the same exception as a missing file
        boolean denied = String.valueOf(e.getMessage()).contains("Permission denied");
        return extractor.unreadableFile(name, denied ? "permission denied" : "it does not exist (a broken link, or removed while the run read the folder)");
      } catch (IOException e) {
        return extractor.unreadableFile(name, CorpusExtractor.ioReason(e));
      }
      return extractor.extract(name, bytes);
    }
  }
}
