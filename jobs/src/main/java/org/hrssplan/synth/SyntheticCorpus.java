package org.hrssplan.synth;

import com.fasterxml.jackson.databind.SequenceWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.hrssplan.catalog.IndicatorCatalog;

/**
 * A deterministic synthetic corpus of plan documents at national scale, with the observations the extractor
 * must read from it. The same regions count and seed give byte-identical files; document i depends only on
 * the seed and i, so a small corpus is a prefix of a large one.
 *
 * <p>Writes into the output folder: {@code plans/sNNNN_<code>.txt} ({@code .html} for the HTML shape; documents take
 * the {@link SynthLayout} shapes in turn), {@code regions.csv} (columns of data/raw/regions.csv) and
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
    if (regions < 1) throw new IllegalArgumentException("regions must be at least 1, was " + regions);
    List<SyntheticRegion> roster = RegionRoster.generate(regions, seed, catalog);
    Path plans = out.resolve(PLANS);
    Files.createDirectories(plans);
    try (Writer w = Files.newBufferedWriter(out.resolve(REGIONS), StandardCharsets.UTF_8)) {
      RegionRoster.writeCsv(roster, w);
    }
    long rows = 0;
    long prose = 0;
    Map<SynthLayout, Integer> perLayout = new EnumMap<>(SynthLayout.class);
    try (Writer w = Files.newBufferedWriter(out.resolve(EXPECTED), StandardCharsets.UTF_8);
        SequenceWriter csv = ExpectedObservationCsv.open(w)) {
      for (int i = 0; i < roster.size(); i++) {
        SyntheticPlan.Written doc = document(roster.get(i), i + 1, seed);
        Files.writeString(plans.resolve(doc.fileName()), doc.text(), StandardCharsets.UTF_8);
        ExpectedObservationCsv.write(csv, doc.expected());
        rows += doc.expected().size();
        prose += doc.expected().stream().filter(e -> e.sourceKind().equals("prose")).count();
        perLayout.merge(doc.layout(), 1, Integer::sum);
      }
    }
    Map<String, Integer> layouts = new java.util.LinkedHashMap<>();
    perLayout.forEach((k, v) -> layouts.put(k.name().toLowerCase(java.util.Locale.ROOT), v));
    return new Summary(roster.size(), rows, prose, layouts);
  }

  /** Document {@code ordinal} (1-based) for {@code region}: depends on seed and ordinal only. */
  SyntheticPlan.Written document(SyntheticRegion region, int ordinal, long seed) {
    return SyntheticPlan.write(catalog, region, ordinal, new SplittableRandom(seed + ORDINAL_STRIDE * ordinal));
  }
}
