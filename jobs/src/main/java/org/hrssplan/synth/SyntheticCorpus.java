package org.hrssplan.synth;

import com.fasterxml.jackson.databind.SequenceWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.hrssplan.catalog.IndicatorCatalog;

/**
 * A deterministic synthetic corpus of plan documents at national scale, with the observations the extractor
 * must read from it. The same regions count and seed give byte-identical files; document i depends only on
 * the seed and i, so a small corpus is a prefix of a large one.
 *
 * <p>Writes into the output folder: {@code plans/sNNNN_<code>.txt} ({@code .html} for the HTML shape, {@code .docx} and
 * {@code .pdf} for Word and PDF; documents take the {@link SynthLayout} shapes, or the chosen formats, in turn), {@code regions.csv} (columns of data/raw/regions.csv) and
 * {@code expected_observations.csv} (golden-row columns).
 */
public final class SyntheticCorpus {
  public static final String PLANS = "plans";
  public static final String REGIONS = "regions.csv";
  public static final String EXPECTED = "expected_observations.csv";
  public static final int DEFAULT_REGIONS = SynthVocabulary.DEFAULT_REGIONS;
  public static final long DEFAULT_SEED = SynthVocabulary.DEFAULT_SEED;
  /** Spreads document ordinals over the seed space (the 64-bit golden ratio), so neighbouring documents draw independently. */
  private static final long ORDINAL_STRIDE = 0x9E3779B97F4A7C15L;

  /** What was written: counts per layout, documents, expected rows (of them prose targets). */
  public record Summary(int documents, long expectedRows, long proseRows, Map<String, Integer> documentsPerLayout) {}

  private final IndicatorCatalog catalog;

  public SyntheticCorpus(IndicatorCatalog catalog) {
    this.catalog = catalog;
  }

  public Summary write(int regions, long seed, Path out) throws IOException {
    return write(regions, seed, out, CorpusShapes.TEXT_AND_HTML);
  }

  /**
   * The same plans printed in {@code formats} ({@code txt,html,docx,pdf}): documents take the formats in turn, and the
   * text shapes in turn within text; a Word or PDF plan prints its tables ruled, with merged cells and a 单位 column.
   */
  public Summary write(int regions, long seed, Path out, String formats) throws IOException {
    return write(regions, seed, out, CorpusShapes.of(SynthFormat.parse(formats)));
  }

  private Summary write(int regions, long seed, Path out, CorpusShapes shapes) throws IOException {
    if (regions < 1) throw new IllegalArgumentException("regions must be at least 1, was " + regions);
    List<SyntheticRegion> roster = RegionRoster.generate(regions, seed, catalog, shapes);
    Path plans = out.resolve(PLANS);
    Files.createDirectories(plans);
    try (Writer w = Files.newBufferedWriter(out.resolve(REGIONS), StandardCharsets.UTF_8)) {
      RegionRoster.writeCsv(roster, w);
    }
    long rows = 0;
    long prose = 0;
    Map<String, Integer> layouts = new java.util.LinkedHashMap<>();
    try (Writer w = Files.newBufferedWriter(out.resolve(EXPECTED), StandardCharsets.UTF_8);
        SequenceWriter csv = ExpectedObservationCsv.open(w);
        PlanPrinter printer = new PlanPrinter()) {
      for (int i = 0; i < roster.size(); i++) {
        SyntheticPlan.Written doc = document(roster.get(i), i + 1, seed, shapes, printer);
        Files.write(plans.resolve(doc.fileName()), doc.bytes());
        ExpectedObservationCsv.write(csv, doc.expected());
        rows += doc.expected().size();
        prose += doc.expected().stream().filter(e -> e.sourceKind().equals("prose")).count();
        // a ruled table is printed as Word or PDF: named by its format (docx_ruled, pdf_ruled)
        String shape = doc.layout().name().toLowerCase(java.util.Locale.ROOT);
        if (doc.layout() == SynthLayout.RULED) shape = shapes.format(i + 1).name().toLowerCase(java.util.Locale.ROOT) + "_" + shape;
        layouts.merge(shape, 1, Integer::sum);
      }
    }
    return new Summary(roster.size(), rows, prose, layouts);
  }

  /** Document {@code ordinal} (1-based) for {@code region}: depends on seed and ordinal only. */
  SyntheticPlan.Written document(SyntheticRegion region, int ordinal, long seed, CorpusShapes shapes, PlanPrinter printer) {
    return SyntheticPlan.write(catalog, region, ordinal, new SplittableRandom(seed + ORDINAL_STRIDE * ordinal), shapes, printer);
  }
}
