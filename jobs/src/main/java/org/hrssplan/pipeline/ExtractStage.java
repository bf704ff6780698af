package org.hrssplan.pipeline;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.hrssplan.catalog.IndicatorCatalog;
import org.hrssplan.config.Location;
import org.hrssplan.document.RegionDirectory;
import org.hrssplan.extract.CorpusExtractor;
import org.hrssplan.extract.DocumentAccount;
import org.hrssplan.extract.PlanExtractor;
import org.hrssplan.tables.PublishedTable;
import org.hrssplan.tables.Rows;
import org.hrssplan.tables.Schemas;

/**
 * The extract stage: catalog and regions loaded, every plan document extracted on the executors, the Parquet datasets
 * checked row by row; out come the extraction tables (not yet published) and what the run summary says about them.
 */
final class ExtractStage {
  private ExtractStage() {}

  /**
   * What the extraction found.
   *
   * @param documents one account per input file (documents and datasets), by file
   * @param inputProblems problems with the region list
   * @param notRead tables and rows found and not read (findings table_not_read / row_not_read), with file and line
   */
  record Report(List<DocumentAccount> documents, List<String> inputProblems, List<String> notRead) {
    long observations() {
      return documents.stream().mapToLong(DocumentAccount::observations).sum();
    }

    /** Every cell found is an observation or quarantined, in every document. */
    boolean balanced() {
      return documents.stream().allMatch(DocumentAccount::balanced);
    }
  }

  /** The report, the tables to publish, and how to free what the stage holds once they are written. */
  record Output(Report report, Map<PublishedTable, Dataset<Row>> tables, Runnable release) {}

  private static final Set<String> NOT_READ = Set.of(PlanExtractor.STATUS_PARTIALLY_EXTRACTED, PlanExtractor.STATUS_NO_TABLE_READ);

  static Output run(StageContext ctx) throws IOException {
    var spark = ctx.spark;
    var config = ctx.config;
    var hadoop = spark.sparkContext().hadoopConfiguration();
    ctx.progress.accept("[1/8] load inputs: catalog, regions");
    IndicatorCatalog catalog = InputFiles.catalog(hadoop, config);
    RegionDirectory regions = InputFiles.regions(hadoop, config);
    Location plans = config.location(config.plans());
    if (!InputFiles.exists(hadoop, plans)) throw new NightlyPipeline.PipelineFailure("input folder " + plans + " does not exist");
    List<String> planFiles;
    try {
      planFiles = DocumentExtraction.planFiles(hadoop, plans);
    } catch (IOException e) {
      throw new NightlyPipeline.PipelineFailure("the input folder " + plans + " cannot be listed (" + CorpusExtractor.ioReason(e) + ")");
    }

    ctx.enter("extract", plans.toString());
    ctx.progress.accept("[2/8] extract documents from " + plans);
    PlanExtractor extractor = new PlanExtractor(catalog, regions, config.quality(), config.limits());
    Dataset<Row> extracted = DocumentExtraction.extract(spark, planFiles, extractor).persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> extraction = DocumentExtraction.withoutCopies(extracted, extractor);
    Dataset<Row> regionRows = spark.createDataFrame(regions.regions().stream().map(Rows::region).toList(), Schemas.REGION);
    Dataset<Row> indicatorRows = spark.createDataFrame(catalog.indicators().stream().map(Rows::indicator).toList(), Schemas.INDICATOR);
    Dataset<Row> observations = DocumentExtraction.observations(extraction);
    Dataset<Row> quarantine = DocumentExtraction.quarantine(extraction);
    Dataset<Row> accountingOf = DocumentExtraction.accounting(extraction);
    DatasetInput datasets = null;
    if (!config.datasets().isEmpty()) {
      String location = config.resolve(config.datasets());
      ctx.progress.accept("      datasets from " + location);
      datasets = DatasetInput.read(spark, DatasetInput.files(hadoop, location), regionRows.select("region_code"),
          indicatorRows.select("indicator_id"));
      observations = observations.unionByName(datasets.observations(spark));
      accountingOf = accountingOf.unionByName(datasets.accounting(spark));
    }
    // accounting is small (a row per input file): computed once, then reused by the gates and the publication
    List<DocumentAccount> documents = accountingOf.orderBy("source_file").collectAsList().stream().map(Rows::toAccount).toList();
    if (datasets != null) {
      boolean anyRow = documents.stream().anyMatch(d -> "dataset".equals(d.format()) && d.quarantinedCells() > 0);
      quarantine = quarantine.unionByName(datasets.quarantine(spark, anyRow));
    }
    if (documents.isEmpty()) throw new NightlyPipeline.PipelineFailure("no documents in " + plans);
    List<String> notRead = new ArrayList<>();
    if (documents.stream().anyMatch(d -> NOT_READ.contains(d.status()))) {
      for (Row r : DocumentExtraction.findings(extraction).where(col("finding_type").isin("table_not_read", "row_not_read"))
          .orderBy("source_file", "source_lines").select("detail").collectAsList()) {
        notRead.add(r.getString(0));
        ctx.progress.accept("      not read: " + r.getString(0));
      }
    }
    Map<PublishedTable, Dataset<Row>> tables = new LinkedHashMap<>();
    tables.put(PublishedTable.RAW_CELLS, DocumentExtraction.rawCells(extraction));
    tables.put(PublishedTable.OBSERVATIONS, observations);
    tables.put(PublishedTable.QUARANTINE, quarantine);
    tables.put(PublishedTable.FINDINGS, DocumentExtraction.findings(extraction));
    tables.put(PublishedTable.ACCOUNTING, spark.createDataFrame(documents.stream().map(Rows::account).toList(), Schemas.ACCOUNT));
    tables.put(PublishedTable.REGIONS, regionRows);
    tables.put(PublishedTable.INDICATORS, indicatorRows);
    DatasetInput held = datasets;
    Runnable release = () -> {
      extracted.unpersist();
      if (held != null) held.release();
    };
    return new Output(new Report(documents, regions.problems(), List.copyOf(notRead)), tables, release);
  }
}
