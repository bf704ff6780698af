package org.hrssplan.document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Every region's full name and short name in one character trie, so that a document's text is read once for
 * all regions instead of once per region: at national scale (thousands of regions) searching the text for
 * each name in turn cost more than the rest of extraction together.
 *
 * <p>Besides the rows of regions.csv the index scores <em>places</em>: parent cities and provinces named in the
 * parent_city / province columns that are not rows themselves (长春市 above 朝阳区). They are numbered after the
 * rows (node {@code regions.size() + i} is place i) and scored the same way (full name ×2, short name ×1), in the
 * same single pass. Names shared by several nodes (two 朝阳区, or a region's short name that is another's full
 * name) are one trie entry whose occurrences add to every node it names, each with its own weight.
 *
 * <p>The scores are exactly those of counting each name with {@code String.indexOf} from left to right,
 * restarting after the end of each occurrence (no overlaps): occurrences of one name are met here in the same
 * left-to-right order, and one is counted only if it starts at or after the end of the last one counted.
 * Different names may overlap freely, as they did when each was searched on its own.
 *
 * <p>Immutable once built, so one index serves any number of threads.
 */
final class RegionNameIndex {
  /** How much one occurrence of a full name weighs against one of a short name (达川区 vs 达川). */
  static final int FULL_NAME_WEIGHT = 2;
  static final int SHORT_NAME_WEIGHT = 1;

  private static final class Node {
    final Map<Character, Node> next = new HashMap<>();
    /** The name ending at this node, as an index into {@link #names}; -1 when none does. */
    int name = -1;
  }

  private final Node root = new Node();
  private final String[] names;
  /** For each name, the regions it names (by index in the directory's list) … */
  private final int[][] regionsOf;
  /** … and what one occurrence adds to each of those regions' scores. */
  private final int[][] weightsOf;

  RegionNameIndex(List<Region> regions) {
    this(regions, List.of());
  }

  /** Rows and, numbered after them, places that are not rows (their full name; the short name is derived). */
  RegionNameIndex(List<Region> regions, List<String> places) {
    // name → (node index → weight); a region whose short name is its full name (铜梁 → 铜梁) gets both weights
    Map<String, Map<Integer, Integer>> weights = new LinkedHashMap<>();
    for (int r = 0; r < regions.size(); r++) {
      addWeight(weights, regions.get(r).name(), r, FULL_NAME_WEIGHT);
      addWeight(weights, regions.get(r).shortName(), r, SHORT_NAME_WEIGHT);
    }
    for (int p = 0; p < places.size(); p++) {
      addWeight(weights, places.get(p), regions.size() + p, FULL_NAME_WEIGHT);
      addWeight(weights, Region.placeShortName(places.get(p)), regions.size() + p, SHORT_NAME_WEIGHT);
    }
    names = new String[weights.size()];
    regionsOf = new int[weights.size()][];
    weightsOf = new int[weights.size()][];
    int i = 0;
    for (var e : weights.entrySet()) {
      names[i] = e.getKey();
      regionsOf[i] = e.getValue().keySet().stream().mapToInt(Integer::intValue).toArray();
      weightsOf[i] = e.getValue().values().stream().mapToInt(Integer::intValue).toArray();
      insert(e.getKey(), i);
      i++;
    }
  }

  private static void addWeight(Map<String, Map<Integer, Integer>> weights, String name, int region, int weight) {
    if (name.isEmpty()) return; // an empty name occurs nowhere (indexOf-counting gave it 0 too)
    weights.computeIfAbsent(name, k -> new LinkedHashMap<>()).merge(region, weight, Integer::sum);
  }

  private void insert(String name, int id) {
    Node n = root;
    for (int i = 0; i < name.length(); i++) n = n.next.computeIfAbsent(name.charAt(i), c -> new Node());
    n.name = id;
  }

  /**
   * The score of every node (region, then place) named at least once in the text, by index in ascending order:
   * {@value #FULL_NAME_WEIGHT} per occurrence of its full name plus {@value #SHORT_NAME_WEIGHT} per occurrence
   * of its short name. Regions not named are absent (their score is 0).
   */
  SortedMap<Integer, Integer> scores(String text) {
    int[] counts = new int[names.length];
    int[] countableFrom = new int[names.length];
    List<Integer> seen = new ArrayList<>();
    for (int start = 0; start < text.length(); start++) {
      Node n = root;
      for (int i = start; i < text.length(); i++) {
        n = n.next.get(text.charAt(i));
        if (n == null) break;
        int id = n.name;
        if (id >= 0 && start >= countableFrom[id]) {
          if (counts[id]++ == 0) seen.add(id);
          countableFrom[id] = start + names[id].length();
        }
      }
    }
    SortedMap<Integer, Integer> scores = new TreeMap<>();
    for (int id : seen) {
      for (int k = 0; k < regionsOf[id].length; k++) scores.merge(regionsOf[id][k], counts[id] * weightsOf[id][k], Integer::sum);
    }
    return scores;
  }
}
