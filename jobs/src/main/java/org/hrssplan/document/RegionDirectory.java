package org.hrssplan.document;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

/**
 * The regions of {@code data/raw/regions.csv}, and recognition of a document's region from its own text.
 *
 * <p>A document names its region in its title and issuing body and then throughout. Each known region is
 * scored by how often its full name (达川区, ×2) and its short name (达川, ×1) occur; the best must occur at
 * least twice and at least three times as often as the runner-up, else the region is not identified and the
 * document is reported, never guessed. The file name plays no part.
 *
 * <p><b>Hierarchy.</b> A region's ancestors are the regions and places named by its parent_city and province
 * columns, and the province of its parent city: a district plan names its city and province too, so an
 * ancestor's mentions do not compete with its own descendants (达州市 ×5 and 达川区 ×3 is 达川区). An ancestor
 * still competes as a candidate itself, against all its descendants: a city plan that names itself three times
 * as often as any of its districts is the city. Parent cities and provinces that are not rows of regions.csv
 * take part as <em>places</em>: a text that names such a place far more than any region under it is reported
 * ("parent only"), not taken for the one district it mentions in passing.
 *
 * <p><b>Same names.</b> Rows with the same full name (朝阳区 of 北京市 and of 长春市) share every mention; they are
 * told apart by their parents named in the text, counting only the parents they do not share: the one whose
 * parents are named at least once and three times as often as any other's. Otherwise the document is
 * reported as ambiguous, naming the candidates.
 *
 * <p>With no hierarchy in regions.csv and no same-named rows this is exactly the original rule. The names are
 * looked up through a {@link RegionNameIndex} that reads the text once for all regions and places, so
 * recognition costs the same with 30 regions loaded as with 3,000. Immutable, so safe to share between threads.
 */
public final class RegionDirectory implements Serializable {
  /** A county-level code (GB/T 2260, 6 digits) or a township code (the statistical division code's 9 digits). */
  private static final Pattern CODE = Pattern.compile("^\\d{6}(\\d{3})?$");
  private static final Set<String> COLUMNS = Set.of("region_code", "region_name", "level", "parent_city", "province", "source_file");
  /** The best must be named at least this often (score) … */
  private static final int MIN_SCORE = 2;
  /** … and this many times as often as the runner-up. */
  private static final int DOMINANCE = 3;

  private final List<Region> regions;
  private final List<String> problems;
  /** Derived from {@link #regions}; rebuilt rather than shipped when Spark serializes the directory. */
  private final transient RegionNameIndex names;
  /** Parent cities and provinces that are not rows: node {@code regions.size() + i} of the index. */
  private final transient List<String> places;
  /** Per node: the nodes that are its ancestors (by name: parent city, province, parent city's province). */
  private final transient int[][] ancestors;
  /** Per node: one node for each distinct parent name, for the parent-named evidence of same-named rows. */
  private final transient int[][] parentNodes;
  /** Per row: the other rows of the same full name (empty for most). */
  private final transient int[][] homonyms;

  private RegionDirectory(List<Region> regions, List<String> problems) {
    this.regions = List.copyOf(regions);
    this.problems = List.copyOf(problems);
    int n = this.regions.size();
    Map<String, List<Integer>> nodesByName = new HashMap<>();
    for (int r = 0; r < n; r++) nodesByName.computeIfAbsent(this.regions.get(r).name(), k -> new ArrayList<>()).add(r);
    // places: parent names that are no row's name, in order of first appearance; a place city's province is
    // that of its first child that has one
    Map<String, String> placeProvince = new LinkedHashMap<>();
    for (Region r : this.regions) {
      for (String p : List.of(r.parentCity(), r.province())) {
        if (!p.isEmpty() && !nodesByName.containsKey(p)) placeProvince.putIfAbsent(p, "");
      }
    }
    for (Region r : this.regions) {
      if (placeProvince.containsKey(r.parentCity()) && placeProvince.get(r.parentCity()).isEmpty()
          && !r.province().equals(r.parentCity())) {
        placeProvince.put(r.parentCity(), r.province());
      }
    }
    this.places = List.copyOf(placeProvince.keySet());
    for (int p = 0; p < places.size(); p++) nodesByName.computeIfAbsent(places.get(p), k -> new ArrayList<>()).add(n + p);
    int nodes = n + places.size();
    this.ancestors = new int[nodes][];
    this.parentNodes = new int[nodes][];
    this.homonyms = new int[n][];
    for (int i = 0; i < nodes; i++) {
      Set<String> parents = new LinkedHashSet<>();
      if (i < n) {
        Region r = this.regions.get(i);
        parents.add(r.parentCity());
        parents.add(r.province());
        for (int c : nodesByName.getOrDefault(r.parentCity(), List.of())) parents.add(provinceOf(c, placeProvince));
        parents.remove(r.name());
        List<Integer> same = new ArrayList<>(nodesByName.get(r.name()));
        same.remove(Integer.valueOf(i));
        homonyms[i] = same.stream().mapToInt(Integer::intValue).toArray();
      } else {
        parents.add(placeProvince.get(places.get(i - n)));
        parents.remove(places.get(i - n));
      }
      parents.remove("");
      List<Integer> anc = new ArrayList<>();
      List<Integer> reps = new ArrayList<>();
      for (String p : parents) {
        List<Integer> named = nodesByName.getOrDefault(p, List.of());
        for (int a : named) if (a != i) anc.add(a);
        if (!named.isEmpty()) reps.add(named.get(0));
      }
      ancestors[i] = anc.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
      parentNodes[i] = reps.stream().mapToInt(Integer::intValue).distinct().toArray();
    }
    this.names = new RegionNameIndex(this.regions, places);
  }

  private String provinceOf(int node, Map<String, String> placeProvince) {
    return node < regions.size() ? regions.get(node).province() : placeProvince.get(places.get(node - regions.size()));
  }

  /** A deserialized directory has no index (it is transient): replace it by one built afresh. */
  private Object readResolve() {
    return new RegionDirectory(regions, problems);
  }

  public static RegionDirectory of(List<Region> regions) {
    return new RegionDirectory(regions, List.of());
  }

  /**
   * Reads regions.csv; a bad row (code not 6 or 9 digits, empty name, path-like source) is skipped and reported. A
   * code is one region: a second row of the same region (another plan of it) adds its file to the region's
   * {@code source_file} ({@code a.txt;b.txt}); a second row giving the code another name or place is skipped and
   * reported with both lines.
   */
  public static RegionDirectory read(Reader csv, String fileName) throws IOException {
    CsvMapper mapper = new CsvMapper();
    ObjectReader reader = mapper.readerForMapOf(String.class).with(CsvSchema.emptySchema().withHeader());
    List<Region> regions = new ArrayList<>();
    Map<String, Integer> byCode = new HashMap<>();
    Map<String, Integer> lineOf = new HashMap<>();
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
        Region region = new Region(code, name, row.getOrDefault("level", "").strip(), row.getOrDefault("parent_city", "").strip(),
            row.getOrDefault("province", "").strip(), source);
        Integer seen = byCode.get(code);
        if (seen == null) {
          byCode.put(code, regions.size());
          lineOf.put(code, line);
          regions.add(region);
          continue;
        }
        Region first = regions.get(seen);
        if (!first.name().equals(name) || !first.level().equals(region.level()) || !first.parentCity().equals(region.parentCity())
            || !first.province().equals(region.province())) {
          problems.add(fileName + " line " + line + ": region_code " + code + " is " + first.name() + " (" + first.parentCity() + ", "
              + first.province() + ") on line " + lineOf.get(code) + " and " + name + " (" + region.parentCity() + ", " + region.province()
              + ") here; a code is one region: row skipped");
          continue;
        }
        if (!source.isEmpty() && !List.of(first.sourceFile().split(";")).contains(source)) {
          String files = first.sourceFile().isEmpty() ? source : first.sourceFile() + ";" + source;
          regions.set(seen, new Region(code, first.name(), first.level(), first.parentCity(), first.province(), files));
        }
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

  /** The region the text is about, or empty when no region is clearly named: {@link #identify}'s region. */
  public Optional<Region> recognize(String text) {
    return identify(text).region();
  }

  /**
   * The region the text is about, or why none is identified ({@link Recognition#reason()}, for the
   * {@code region_not_identified} finding): not named, parent only, ambiguous same names, or too close.
   */
  public Recognition identify(String text) {
    SortedMap<Integer, Integer> score = names.scores(text);
    int n = regions.size();
    // same-named rows share every mention: keep the one whose own parents the text names, else all, as one group
    Set<Integer> dropped = new java.util.HashSet<>();
    Map<Integer, int[]> tiedGroup = new HashMap<>();
    for (int r : score.keySet()) {
      if (r >= n || homonyms[r].length == 0 || dropped.contains(r) || tiedGroup.containsKey(r)) continue;
      int[] group = new int[homonyms[r].length + 1];
      group[0] = r;
      System.arraycopy(homonyms[r], 0, group, 1, homonyms[r].length);
      Arrays.sort(group);
      int[] tied = resolveSameName(group, score);
      for (int g : group) if (Arrays.binarySearch(tied, g) < 0) dropped.add(g);
      if (tied.length > 1) for (int t : tied) tiedGroup.put(t, tied);
    }
    List<Integer> active = new ArrayList<>();
    for (int node : score.keySet()) if (!dropped.contains(node)) active.add(node);
    active.sort(java.util.Comparator.comparingInt((Integer i) -> -score.get(i)).thenComparingInt(i -> i));
    if (active.isEmpty() || score.get(active.get(0)) < MIN_SCORE) {
      return Recognition.notIdentified(Recognition.Outcome.NOT_NAMED, "not named: no region of regions.csv is named at least "
          + MIN_SCORE + " times (full name ×2, short name ×1)"
          + (active.isEmpty() ? "" : "; best " + label(active.get(0)) + " scores " + score.get(active.get(0))));
    }
    // a candidate wins when it scores ≥ 3 × every named node other than itself, its ancestors and its same-named
    // twins; winners form one line of descent (two unrelated winners would each need 3 × the other), and the
    // highest-scoring of them is the answer: an ancestor that wins also dominates its winning descendant
    int winner = -1;
    for (int c : active) {
      int s = score.get(c);
      if (s < MIN_SCORE) break;
      if (s >= DOMINANCE * runnerUp(c, active, score, tiedGroup)) {
        winner = c;
        break; // active is sorted by score: the first winner is the highest-scoring
      }
    }
    if (winner < 0) {
      int top = active.get(0);
      int second = runnerUpNode(top, active, tiedGroup);
      return Recognition.notIdentified(Recognition.Outcome.TOO_CLOSE, "too close: " + label(top) + " scores " + score.get(top)
          + " vs " + label(second) + " " + score.get(second) + "; the best needs " + DOMINANCE + " × the runner-up"
          + " (a parent city or province does not compete with its own districts and counties)");
    }
    int w = winner;
    int equal = (int) active.stream().filter(c -> c != w && score.get(c).equals(score.get(w))
        && score.get(c) >= DOMINANCE * runnerUp(c, active, score, tiedGroup) && !tiedWith(w, c, tiedGroup)).count();
    if (equal > 0) {
      int other = active.stream().filter(c -> c != w && score.get(c).equals(score.get(w))).findFirst().orElseThrow();
      return Recognition.notIdentified(Recognition.Outcome.TOO_CLOSE, "too close: " + label(w) + " and " + label(other)
          + " both score " + score.get(w) + " and each is the other's parent");
    }
    if (tiedGroup.containsKey(winner)) {
      List<Region> tied = Arrays.stream(tiedGroup.get(winner)).mapToObj(regions::get).toList();
      return new Recognition(Recognition.Outcome.AMBIGUOUS, null, tied,
          "ambiguous: " + Arrays.stream(tiedGroup.get(winner)).mapToObj(this::label).collect(Collectors.joining(" vs ")));
    }
    if (winner >= n) {
      return Recognition.notIdentified(Recognition.Outcome.PARENT_ONLY, "parent only: " + places.get(winner - n) + " (score "
          + score.get(winner) + ") is named far more than any region under it, and is not itself a row of regions.csv");
    }
    int second = runnerUpNode(winner, active, tiedGroup);
    return new Recognition(Recognition.Outcome.IDENTIFIED, regions.get(winner), List.of(),
        "identified: " + label(winner) + " scores " + score.get(winner)
            + (second < 0 ? ", nothing else competes" : ", runner-up " + label(second) + " " + score.get(second)));
  }

  /**
   * Of same-named rows (sorted node indices), those still tied after looking at the parents the text names: each
   * row's evidence is the score of its parent names that not all of them share; one whose evidence is at least 1
   * and 3 × every other's is alone; else all with evidence above a third of the best (all, when none is named).
   */
  private int[] resolveSameName(int[] group, SortedMap<Integer, Integer> score) {
    Set<Integer> shared = null;
    for (int g : group) {
      Set<Integer> own = Arrays.stream(parentNodes[g]).boxed().collect(Collectors.toSet());
      if (shared == null) shared = own;
      else shared.retainAll(own);
    }
    int[] evidence = new int[group.length];
    int best = 0;
    for (int k = 0; k < group.length; k++) {
      for (int p : parentNodes[group[k]]) if (!shared.contains(p)) evidence[k] += score.getOrDefault(p, 0);
      best = Math.max(best, evidence[k]);
    }
    if (best == 0) return group;
    List<Integer> tied = new ArrayList<>();
    for (int k = 0; k < group.length; k++) if (DOMINANCE * evidence[k] > best) tied.add(group[k]);
    return tied.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The best score among named nodes that compete with {@code c}: all but itself, its ancestors and its twins. */
  private int runnerUp(int c, List<Integer> active, SortedMap<Integer, Integer> score, Map<Integer, int[]> tiedGroup) {
    int node = runnerUpNode(c, active, tiedGroup);
    return node < 0 ? 0 : score.get(node);
  }

  private int runnerUpNode(int c, List<Integer> active, Map<Integer, int[]> tiedGroup) {
    for (int other : active) {
      if (other == c || Arrays.binarySearch(ancestors[c], other) >= 0 || tiedWith(c, other, tiedGroup)) continue;
      return other;
    }
    return -1;
  }

  private static boolean tiedWith(int a, int b, Map<Integer, int[]> tiedGroup) {
    int[] g = tiedGroup.get(a);
    return g != null && Arrays.binarySearch(g, b) >= 0;
  }

  /** 朝阳区 (110105, 北京市): name, code and parent city (else province); a place by its name. */
  private String label(int node) {
    if (node < 0) return "nothing";
    if (node >= regions.size()) return places.get(node - regions.size()) + " (not a row)";
    Region r = regions.get(node);
    String parent = !r.parentCity().isEmpty() ? r.parentCity() : r.province();
    return r.name() + " (" + r.code() + (parent.isEmpty() ? "" : ", " + parent) + ")";
  }

  /** Every named region's score by index in {@link #regions()}, for tests that compare with counting name by name. */
  SortedMap<Integer, Integer> scores(String text) {
    return names.scores(text).headMap(regions.size());
  }

  /**
   * What {@link #identify} found: the region, or why there is none. {@link #reason()} is one line for a human
   * ({@code ambiguous: 朝阳区 (110105, 北京市) vs 朝阳区 (220104, 长春市)}, {@code not named: …},
   * {@code parent only: …}, {@code too close: …}); {@link #outcome()} the same for a program.
   */
  public static final class Recognition {
    /** Why a region is or is not identified. */
    public enum Outcome {
      /** one region clearly named */
      IDENTIFIED,
      /** no region named at least twice */
      NOT_NAMED,
      /** a parent city or province that is not a row is named far more than any region under it */
      PARENT_ONLY,
      /** same-named regions, and the text does not name one's parents more than the others' */
      AMBIGUOUS,
      /** two regions named about as often (the best is not 3 × the runner-up) */
      TOO_CLOSE
    }

    private final Outcome outcome;
    private final Region region;
    private final List<Region> candidates;
    private final String reason;

    Recognition(Outcome outcome, Region region, List<Region> candidates, String reason) {
      this.outcome = outcome;
      this.region = region;
      this.candidates = List.copyOf(candidates);
      this.reason = reason;
    }

    static Recognition notIdentified(Outcome outcome, String reason) {
      return new Recognition(outcome, null, List.of(), reason);
    }

    public Outcome outcome() {
      return outcome;
    }

    public boolean identified() {
      return region != null;
    }

    public Optional<Region> region() {
      return Optional.ofNullable(region);
    }

    /** The same-named regions that tied (outcome {@link Outcome#AMBIGUOUS}); empty otherwise. */
    public List<Region> candidates() {
      return candidates;
    }

    /** One line for a human, starting with the outcome in words: identified / not named / parent only / ambiguous / too close. */
    public String reason() {
      return reason;
    }

    @Override
    public String toString() {
      return reason;
    }
  }
}
