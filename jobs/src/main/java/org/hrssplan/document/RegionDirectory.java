package org.hrssplan.document;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.regex.Pattern;

/**
 * The regions of {@code data/raw/regions.csv}, and recognition of a document's region from its own text.
 *
 * <p>A document names its region in its title and issuing body and then throughout. Each known region is
 * scored by how often its full name (达川区) and its short name (达川) occur; the best must occur at least
 * twice and at least three times as often as the runner-up, else the region is not identified and the
 * document is reported, never guessed. The file name plays no part.
 *
 * <p>The names are looked up through a {@link RegionNameIndex} that reads the text once for all regions, so
 * recognition costs the same with 30 regions loaded as with 3,000. Immutable, so safe to share between threads.
 */
public final class RegionDirectory implements Serializable {
  /** A county-level code (GB/T 2260, 6 digits) or a township code (the statistical division code's 9 digits). */
  private static final Pattern CODE = Pattern.compile("^\\d{6}(\\d{3})?$");
  private static final Set<String> COLUMNS = Set.of("region_code", "region_name", "level", "parent_city", "province", "source_file");

  private final List<Region> regions;
  private final List<String> problems;
  /** Derived from {@link #regions}; rebuilt rather than shipped when Spark serializes the directory. */
  private final transient RegionNameIndex names;

  private RegionDirectory(List<Region> regions, List<String> problems) {
    this.regions = List.copyOf(regions);
    this.problems = List.copyOf(problems);
    this.names = new RegionNameIndex(this.regions);
  }

  /** A deserialized directory has no index (it is transient): replace it by one built afresh. */
  private Object readResolve() {
    return new RegionDirectory(regions, problems);
  }

  public static RegionDirectory of(List<Region> regions) {
    return new RegionDirectory(regions, List.of());
  }

  /** Reads regions.csv; a bad row (code not 6 or 9 digits, empty name, path-like source) is skipped and reported. */
  public static RegionDirectory read(Reader csv, String fileName) throws IOException {
    CsvMapper mapper = new CsvMapper();
    ObjectReader reader = mapper.readerForMapOf(String.class).with(CsvSchema.emptySchema().withHeader());
    List<Region> regions = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    try (MappingIterator<Map<String, String>> it = reader.readValues(csv)) {
      int line = 1;
      while (it.hasNext()) {
        line++;
        Map<String, String> row = it.next();
        if (line == 2 && !row.keySet().containsAll(COLUMNS)) {
          throw new IOException(fileName + ": header must have columns " + COLUMNS + ", found " + row.keySet());
        }
        String code = row.getOrDefault("region_code", "").strip();
        String name = row.getOrDefault("region_name", "").strip();
        String source = row.getOrDefault("source_file", "").strip();
        if (!CODE.matcher(code).matches()) {
          problems.add(fileName + " line " + line + ": region_code '" + code + "' is not a 6-digit GB/T 2260 county code nor a 9-digit township code; row skipped");
          continue;
        }
        if (name.isEmpty()) {
          problems.add(fileName + " line " + line + ": empty region_name; row skipped");
          continue;
        }
        if (source.contains("/") || source.contains("\\") || source.contains("..")) {
          problems.add(fileName + " line " + line + ": source_file '" + source + "' must be a bare file name; row skipped");
          continue;
        }
        regions.add(new Region(code, name, row.getOrDefault("level", "").strip(), row.getOrDefault("parent_city", "").strip(),
            row.getOrDefault("province", "").strip(), source));
      }
    }
    return new RegionDirectory(regions, problems);
  }

  public List<Region> regions() {
    return regions;
  }

  /** Rows of regions.csv that were skipped, with file and line. */
  public List<String> problems() {
    return problems;
  }

  public Optional<Region> byCode(String code) {
    return regions.stream().filter(r -> r.code().equals(code)).findFirst();
  }

  /** The region the text is about, or empty when no region is clearly named. */
  public Optional<Region> recognize(String text) {
    // regions with score 0 never change best or second (both start at 0), so only the named ones are visited,
    // in the directory's order as before
    int best = -1;
    int bestScore = 0;
    int second = 0;
    for (Map.Entry<Integer, Integer> e : names.scores(text).entrySet()) {
      int score = e.getValue();
      if (score > bestScore) {
        second = bestScore;
        bestScore = score;
        best = e.getKey();
      } else if (score > second) {
        second = score;
      }
    }
    if (best < 0 || bestScore < 2 || bestScore < 3 * second) return Optional.empty();
    return Optional.of(regions.get(best));
  }

  /** Every named region's score by index in {@link #regions()}, for tests that compare with counting name by name. */
  SortedMap<Integer, Integer> scores(String text) {
    return names.scores(text);
  }
}
