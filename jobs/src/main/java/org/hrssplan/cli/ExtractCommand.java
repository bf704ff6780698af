package org.hrssplan.cli;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.hrssplan.catalog.IndicatorCatalog;
import org.hrssplan.config.AppConfig;
import org.hrssplan.document.PrintableText;
import org.hrssplan.document.RegionDirectory;
import org.hrssplan.extract.CorpusExtractor;
import org.hrssplan.extract.DocumentAccount;
import org.hrssplan.extract.ExtractionResult;
import org.hrssplan.extract.Finding;
import org.hrssplan.model.Observation;
import org.hrssplan.extract.ObservationCsv;
import org.hrssplan.extract.PlanExtractor;
import org.hrssplan.extract.QuarantinedCell;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hrss extract}: documents → normalized CSV, no Spark, no Delta — for checking a new document. */
@Command(name = "extract", mixinStandardHelpOptions = true,
    description = {"Extract plan documents into the normalized CSV without Spark or Delta.",
        "Prints per-document counts, every quarantined cell and every finding with file and line."})
public final class ExtractCommand implements Callable<Integer> {
  @Option(names = "--input", required = true, description = "a plan document (.txt, .html, .docx, .doc) or a folder of them")
  Path input;

  @Option(names = "--out", required = true, description = "CSV file to write (columns as data/normalized/indicator_observations.csv)")
  Path out;

  @Option(names = "--regions", description = "regions.csv to recognize the documents' regions by (default: input.regions of the config)")
  Path regionsFile;

  @Mixin
  ConfigOption config = new ConfigOption();

  @Override
  public Integer call() throws Exception {
    AppConfig cfg = config.load();
    IndicatorCatalog catalog = ConfigOption.catalog(cfg);
    Path regionsPath = regionsFile != null ? regionsFile : Path.of(cfg.resolve(cfg.regions()));
    RegionDirectory regions = ConfigOption.regions("extract", regionsPath);
    if (regions == null) return Hrss.HANDLED_FAILURE;
    if (!Files.exists(input)) {
      System.err.println("hrss extract: input " + input + " does not exist");
      return Hrss.HANDLED_FAILURE;
    }
    PlanExtractor extractor = new PlanExtractor(catalog, regions, cfg.quality(), cfg.limits());
    List<java.nio.file.Path> files;
    try {
      files = CorpusExtractor.listInputs(input);
    } catch (java.io.IOException e) {
      System.err.println("hrss extract: the folder " + PrintableText.of(input.toString()) + " cannot be listed (" + CorpusExtractor.ioReason(e) + ")");
      return Hrss.HANDLED_FAILURE;
    }
    List<ExtractionResult> results = new CorpusExtractor(extractor).extractAll(files);
    List<Observation> all = new ArrayList<>();
    boolean rejected = false;
    String fmt = "%-30s %-7s %-7s %6s %6s %6s %6s %6s %6s  %s%n";
    System.out.printf(fmt, "file", "region", "format", "tables", "rows", "cells", "prose", "obs", "quar", "status");
    for (ExtractionResult r : results) {
      DocumentAccount a = r.account();
      all.addAll(r.observations());
      System.out.printf(fmt, PrintableText.of(a.sourceFile()), a.regionCode() == null ? "-" : a.regionCode(), a.format() == null ? "-" : a.format(), a.tables(), a.indicatorRows(),
          a.valueCellsFound(), a.proseTargetsFound(), a.observations(), a.quarantinedCells(), a.status());
      if (!"extracted".equals(a.status())) rejected = true;
    }
    for (ExtractionResult r : results) {
      for (QuarantinedCell q : r.quarantined()) System.out.println("quarantined  " + q.reasonCode() + "  " + q.reason());
      for (Finding f : r.findings()) {
        if (Finding.INFO.equals(f.severity())) continue;
        // a Word or PDF finding names its paragraphs, cells or printed lines in its detail; its line numbers are the reader's count
        boolean lined = r.account().format().equals("text") || r.account().format().equals("html");
        String where = PrintableText.of(f.sourceFile()) + (!lined || f.sourceLines() == null || f.sourceLines().isEmpty() ? "" : " line " + f.sourceLines());
        System.out.println("finding      " + f.findingType() + "  " + (f.detail().startsWith(PrintableText.of(f.sourceFile())) ? f.detail() : where + ": " + f.detail()));
      }
    }
    java.util.Map<String, Long> refused = results.stream().flatMap(r -> r.rawCells().stream()).filter(c -> "prose_refused".equals(c.cellType()))
        .collect(java.util.stream.Collectors.groupingBy(c -> c.columnHeader(), java.util.TreeMap::new, java.util.stream.Collectors.counting()));
    if (!refused.isEmpty()) {
      System.out.println("prose figures not taken, by reason: " + String.join(", ", refused.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList()));
    }
    if (out.toAbsolutePath().getParent() != null) Files.createDirectories(out.toAbsolutePath().getParent());
    try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      ObservationCsv.write(all, w);
    }
    System.out.println("wrote " + all.size() + " observations to " + out);
    return rejected ? Hrss.HANDLED_FAILURE : Hrss.OK;
  }
}
