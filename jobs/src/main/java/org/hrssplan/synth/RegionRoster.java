package org.hrssplan.synth;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.hrssplan.catalog.Indicator;
import org.hrssplan.catalog.IndicatorCatalog;
import org.hrssplan.model.Csv;

/**
 * Synthetic but realistic county-level regions: GB/T 2260-shaped codes (province · city · county), names of
 * two place-name characters plus 县/区/市.
 *
 * <p>Why names cannot collide: every short name is two characters from {@link SynthVocabulary#NAME_CHARS},
 * all short names are distinct, and no name character occurs in any fixed text a plan is written from (nor in
 * the catalog). So a region's short name (and hence its full name) occurs in a document only where that
 * document names its own region, and {@code RegionDirectory} recognizes every document unambiguously.
 */
final class RegionRoster {
  private static final String[] LEVELS = {"县", "区", "市"};
  private static final double[] LEVEL_SHARES = {0.55, 0.35, 0.10};

  private RegionRoster() {}

  /** The first {@code n} regions for {@code seed}: a prefix of the roster of any larger n with the same seed. */
  static List<SyntheticRegion> generate(int n, long seed, IndicatorCatalog catalog, CorpusShapes shapes) {
    List<Character> chars = nameChars(catalog);
    List<String> shortNames = new ArrayList<>();
    for (char a : chars) for (char b : chars) if (a != b) shortNames.add("" + a + b);
    SplittableRandom rng = new SplittableRandom(seed ^ 0x5EED_0F_2E_6105L);
    shuffle(shortNames, rng);
    int cities = n / 3 + 1; // at least three regions per city
    if (shortNames.size() < n + cities) {
      throw new IllegalArgumentException("at most " + (shortNames.size() - cities) + " regions can be named; asked for " + n);
    }
    List<SyntheticRegion> out = new ArrayList<>(n);
    int[] citiesOpened = new int[SynthVocabulary.PROVINCES.size()];
    int nameIdx = 0;
    int cityNameIdx = shortNames.size() - 1; // city names from the far end: never also a region's name
    while (out.size() < n) {
      // one prefecture city (or municipality block) at a time: its code is unique, so codes under it are too
      int pi = rng.nextInt(SynthVocabulary.PROVINCES.size());
      SynthVocabulary.Province p = SynthVocabulary.PROVINCES.get(pi);
      int cityNo = ++citiesOpened[pi];
      if (cityNo > 99) continue;
      String cityName = p.municipality() ? "" : shortNames.get(cityNameIdx--) + "市";
      int counties = 3 + rng.nextInt(SynthVocabulary.MAX_COUNTIES_PER_CITY - 2);
      // GB/T 2260 habit: districts 01–19, counties 21–79, county-level cities 81–99
      int district = 1;
      int county = 20;
      int countyCity = 80;
      for (int k = 0; k < counties && out.size() < n; k++) {
        String level = LEVELS[pick(rng, LEVEL_SHARES)];
        int no = switch (level) {
          case "区" -> ++district;
          case "市" -> ++countyCity;
          default -> ++county;
        };
        String code = p.code() + String.format("%02d%02d", cityNo, no);
        String name = shortNames.get(nameIdx++) + level;
        out.add(new SyntheticRegion(code, name, levelWord(level), cityName, p.name(), fileName(out.size() + 1, code, shapes)));
      }
    }
    return out;
  }

  static String fileName(int ordinal, String code, CorpusShapes shapes) {
    return String.format("s%04d_%s", ordinal, code) + shapes.extension(ordinal);
  }

  private static String levelWord(String level) {
    return switch (level) {
      case "区" -> "district";
      case "市" -> "county_city";
      default -> "county";
    };
  }

  /** Name characters that occur in no fixed text of a plan and in no catalog name or unit. */
  static List<Character> nameChars(IndicatorCatalog catalog) {
    StringBuilder forbidden = new StringBuilder(SynthVocabulary.allFixedText());
    for (Indicator ind : catalog.indicators()) {
      forbidden.append(ind.nameZh());
      ind.aliases().forEach(forbidden::append);
    }
    catalog.unitSymbolsLongestFirst().forEach(forbidden::append);
    forbidden.append("县区市旗省州");
    String f = forbidden.toString();
    Set<Character> chars = new LinkedHashSet<>();
    for (char c : SynthVocabulary.NAME_CHARS.toCharArray()) if (f.indexOf(c) < 0) chars.add(c);
    return new ArrayList<>(chars);
  }

  static void writeCsv(List<SyntheticRegion> regions, Writer out) throws IOException {
    CsvSchema schema = CsvSchema.builder().addColumn("region_code").addColumn("region_name").addColumn("level")
        .addColumn("parent_city").addColumn("province").addColumn("source_file").build().withHeader();
    try (SequenceWriter w = Csv.mapper().writer(schema).writeValues(out)) {
      for (SyntheticRegion r : regions) {
        w.write(List.of(r.code(), r.name(), r.level(), r.parentCity(), r.province(), r.sourceFile()));
      }
    }
  }

  static <T> void shuffle(List<T> list, SplittableRandom rng) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      T t = list.get(i);
      list.set(i, list.get(j));
      list.set(j, t);
    }
  }

  static int pick(SplittableRandom rng, double[] shares) {
    double x = rng.nextDouble();
    for (int i = 0; i < shares.length; i++) {
      x -= shares[i];
      if (x < 0) return i;
    }
    return shares.length - 1;
  }
}
