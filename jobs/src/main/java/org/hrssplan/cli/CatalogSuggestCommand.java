package org.hrssplan.cli;

import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.hrssplan.catalog.IndicatorCatalog;
import org.hrssplan.catalog.LabelSuggestions;
import org.hrssplan.catalog.LabelSuggestions.Suggestion;
import org.hrssplan.catalog.LabelSuggestions.UnknownLabel;
import org.hrssplan.config.AppConfig;
import org.hrssplan.model.Csv;
import org.hrssplan.document.RegionDirectory;
import org.hrssplan.extract.CorpusExtractor;
import org.hrssplan.extract.ExtractionResult;
import org.hrssplan.model.Observation;
import org.hrssplan.extract.PlanExtractor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code hrss catalog suggest}: extracts documents without Spark (as {@code hrss extract}) and lists every distinct
 * label the catalog does not know, most frequent first, with the closest catalog indicators. Maps nothing.
 */
@Command(name = "suggest", mixinStandardHelpOptions = true,
    description = {"List the labels the catalog does not know, with the closest catalog indicators; maps nothing.",
        "One row per distinct label of INPUT flagged unknown_indicator, most observations first: its documents, units and the --top closest indicators (score 0-1: character-bigram Dice of the names x 0.9, + 0.1 when the units share a dimension).",
        "To accept a suggestion, add the label to that indicator's aliases in conf/indicator-catalog.yaml and run the tests.",
        "Exit 0 with the list (also when it is empty), 1 when INPUT, the catalog or regions.csv is missing, 64 on a usage error."})
public final class CatalogSuggestCommand implements Callable<Integer> {
  static final int MAX_DOCUMENTS_SHOWN = 3;

  @Spec
  CommandSpec spec;

  @Option(names = "--input", required = true, description = "a plan document (.txt/.html) or a folder of them")
  Path input;

  @Option(names = "--catalog", description = "indicator catalog (default: the config's, conf/indicator-catalog.yaml)")
  Path catalogFile;

  @Option(names = "--regions", description = "regions.csv (default: the config's, data/raw/regions.csv)")
  Path regionsFile;

  @Option(names = "--out", description = "also write the list as CSV (UTF-8) to this file")
  Path out;

  @Option(names = "--top", defaultValue = "3", description = "catalog indicators suggested per label (default: ${DEFAULT-VALUE})")
  int top;

  @Mixin
  ConfigOption config = new ConfigOption();

  @Override
  public Integer call() throws Exception {
    if (top < 1) throw new ParameterException(spec.commandLine(), "--top must be at least 1, got " + top);
    AppConfig cfg = config.load();
    Path catalogPath = catalogFile != null ? catalogFile : Path.of(cfg.resolve(cfg.catalog()));
    Path regionsPath = regionsFile != null ? regionsFile : Path.of(cfg.resolve(cfg.regions()));
    for (Path p : List.of(input, catalogPath, regionsPath)) {
      if (!Files.exists(p)) {
        System.err.println("hrss catalog suggest: " + p + " does not exist");
        return Hrss.HANDLED_FAILURE;
      }
    }
    IndicatorCatalog catalog;
    try (InputStream in = Files.newInputStream(catalogPath)) {
      catalog = IndicatorCatalog.load(in);
    }
    RegionDirectory regions;
    try (Reader r = Files.newBufferedReader(regionsPath, StandardCharsets.UTF_8)) {
      regions = RegionDirectory.read(r, regionsPath.toString());
    }
    regions.problems().forEach(p -> System.err.println("warning: " + p));
    List<ExtractionResult> results = new CorpusExtractor(new PlanExtractor(catalog, regions, cfg.quality(), cfg.limits()))
        .extractAll(CorpusExtractor.listInputs(input));
    List<Observation> observations = new ArrayList<>();
    for (ExtractionResult r : results) {
      observations.addAll(r.observations());
      if (!"extracted".equals(r.account().status()) && !"cells_quarantined".equals(r.account().status())) {
        System.err.println("warning: " + r.account().sourceFile() + " not extracted (" + r.account().status() + "); its labels are not listed");
      }
    }
    List<UnknownLabel> labels = new LabelSuggestions(catalog).unknownLabels(observations, top);
    System.out.println(labels.size() + " distinct label(s) the catalog does not know, in " + results.size() + " document(s)."
        + " Nothing is mapped: to accept a suggestion, add the label to that indicator's aliases in "
        + catalogPath + " and run the tests.");
    for (UnknownLabel u : labels) System.out.println(line(u));
    if (out != null) {
      if (out.toAbsolutePath().getParent() != null) Files.createDirectories(out.toAbsolutePath().getParent());
      try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
        writeCsv(labels, w);
      }
      System.out.println("wrote " + labels.size() + " row(s) to " + out);
    }
    return Hrss.OK;
  }

  /** {@code 城镇新增就业人口  4 obs  2 docs (a.txt; b.txt)  units 万人  → urban_new_jobs 城镇新增就业人数 0.871 | …}. */
  static String line(UnknownLabel u) {
    StringBuilder s = new StringBuilder();
    s.append(u.label()).append("  ").append(u.observations()).append(" obs  ").append(u.documents().size()).append(" docs (")
        .append(documentsShown(u)).append(")  units ").append(u.units().isEmpty() ? "-" : String.join(",", u.units())).append("  →");
    String sep = " ";
    for (Suggestion g : u.suggestions()) {
      s.append(sep).append(g.indicator().id()).append(' ').append(g.indicator().nameZh()).append(' ').append(score(g.score()));
      sep = " | ";
    }
    return s.toString();
  }

  static void writeCsv(List<UnknownLabel> labels, Writer w) throws java.io.IOException {
    int top = labels.stream().mapToInt(u -> u.suggestions().size()).max().orElse(0);
    CsvSchema.Builder b = CsvSchema.builder().addColumn("label").addColumn("observations").addColumn("documents")
        .addColumn("document_names").addColumn("units");
    for (int i = 1; i <= top; i++) {
      b.addColumn("suggestion_" + i + "_id").addColumn("suggestion_" + i + "_name_zh").addColumn("suggestion_" + i + "_score");
    }
    b.addColumn("to_accept");
    try (SequenceWriter sw = Csv.mapper().writer(b.build().withHeader()).writeValues(w)) {
      for (UnknownLabel u : labels) {
        List<Object> row = new ArrayList<>(List.of(u.label(), u.observations(), u.documents().size(), documentsShown(u),
            String.join(";", u.units())));
        for (int i = 0; i < top; i++) {
          if (i < u.suggestions().size()) {
            Suggestion g = u.suggestions().get(i);
            row.addAll(List.of(g.indicator().id(), g.indicator().nameZh(), score(g.score())));
          } else {
            row.addAll(List.of("", "", ""));
          }
        }
        row.add("add '" + u.label() + "' to the aliases of the right indicator in conf/indicator-catalog.yaml (nothing is mapped automatically)");
        sw.write(row);
      }
    }
  }

  private static String documentsShown(UnknownLabel u) {
    String shown = String.join("; ", u.documents().subList(0, Math.min(MAX_DOCUMENTS_SHOWN, u.documents().size())));
    return u.documents().size() > MAX_DOCUMENTS_SHOWN ? shown + "; …" : shown;
  }

  private static String score(double s) {
    return String.format(Locale.ROOT, "%.3f", s);
  }
}
