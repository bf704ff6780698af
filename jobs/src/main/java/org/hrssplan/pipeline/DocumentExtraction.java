package org.hrssplan.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.sha2;

import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.StructType;
import org.hrssplan.extract.PlanExtractor;

/**
 * The extraction stage as Spark transforms: plan files (Spark's {@code binaryFile} rows: path, content) → one
 * {@link Schemas#EXTRACTION} row per document, extracted by the plain-Java {@link PlanExtractor} on the
 * executors; then one exploded Dataset per output table. A file whose bytes equal an earlier file's (by
 * SHA-256, earlier by path) is reported as a duplicate instead of extracted twice.
 */
public final class DocumentExtraction {
  private DocumentExtraction() {}

  public static Dataset<Row> extract(Dataset<Row> files, PlanExtractor extractor) {
    Dataset<Row> withFirst = files
        .withColumn("sha", sha2(col("content"), 256))
        .withColumn("first_path", first(col("path")).over(Window.partitionBy("sha").orderBy("path")))
        .select("path", "content", "first_path");
    return withFirst.mapPartitions(new ExtractPartition(extractor), Encoders.row(Schemas.EXTRACTION));
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

  static String fileName(String path) {
    String p = URI.create(path).getPath();
    return p.substring(p.lastIndexOf('/') + 1);
  }

  static final class ExtractPartition implements MapPartitionsFunction<Row, Row> {
    private final PlanExtractor extractor;

    ExtractPartition(PlanExtractor extractor) {
      this.extractor = extractor;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> input) {
      List<Row> out = new ArrayList<>();
      while (input.hasNext()) {
        Row r = input.next();
        String path = r.getString(0);
        byte[] content = r.getAs(1);
        String first = r.getString(2);
        String name = fileName(path);
        boolean duplicate = !path.equals(first) && PlanExtractor.supportedFile(name);
        out.add(Rows.extraction(duplicate ? extractor.duplicate(name, content, fileName(first)) : extractor.extract(name, content)));
      }
      return out.iterator();
    }
  }
}
