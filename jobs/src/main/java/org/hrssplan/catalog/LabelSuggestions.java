package org.hrssplan.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.hrssplan.model.Observation;
import org.hrssplan.model.QualityFlags;

/**
 * Labels the catalog does not know, turned into a work list: each distinct label (by {@link IndicatorCatalog#nameKey})
 * with how often and where it occurs, the units printed with it, and the catalog indicators it most resembles.
 * Nothing is mapped: a person accepts a suggestion by adding the label as an alias in {@code conf/indicator-catalog.yaml}.
 *
 * <p>Similarity of two names is the Dice coefficient of their sets of character bigrams ({@code 2|A∩B| / (|A|+|B|)},
 * on name keys): Chinese indicator names differ by a character or a word added, dropped or swapped (人数 / 人口,
 * 城镇新增就业 / 新增城镇就业), which bigrams see and which character sets (order-blind) or edit distances (biased to
 * length and prefixes) see less well. A label is compared with the indicator's name_zh and every alias and keeps
 * the best. The score is {@value #NAME_WEIGHT} × that similarity plus {@value #UNIT_BONUS} when a unit printed
 * with the label has the dimension of the indicator's unit (万人 and 人 are both persons), so it lies in 0–1.
 */
public final class LabelSuggestions {
  static final double NAME_WEIGHT = 0.9;
  static final double UNIT_BONUS = 0.1;

  /** One catalog indicator proposed for a label. */
  public record Suggestion(Indicator indicator, double score, double nameSimilarity, String closestName, boolean sameDimension) {}

  /** One distinct unknown label and its suggestions, best first. */
  public record UnknownLabel(String label, int observations, List<String> documents, Set<String> units, List<Suggestion> suggestions) {}

  private final IndicatorCatalog catalog;

  public LabelSuggestions(IndicatorCatalog catalog) {
    this.catalog = catalog;
  }

  /** Dice coefficient of the two names' character-bigram sets (a one-character name is its own bigram); 0–1. */
  public static double bigramDice(String a, String b) {
    Set<String> x = bigrams(a);
    Set<String> y = bigrams(b);
    if (x.isEmpty() || y.isEmpty()) return 0;
    int shared = 0;
    for (String g : x) if (y.contains(g)) shared++;
    return 2.0 * shared / (x.size() + y.size());
  }

  static Set<String> bigrams(String s) {
    Set<String> out = new LinkedHashSet<>();
    if (s.length() == 1) out.add(s);
    for (int i = 0; i + 1 < s.length(); i++) out.add(s.substring(i, i + 2));
    return out;
  }

  /** The {@code top} indicators closest to {@code label}, best first (ties in catalog order); only those sharing a bigram. */
  public List<Suggestion> suggest(String label, Set<String> units, int top) {
    String key = IndicatorCatalog.nameKey(label);
    Set<String> dimensions = new TreeSet<>();
    for (String u : units) catalog.unit(u).ifPresent(unit -> dimensions.add(unit.dimension()));
    List<Suggestion> all = new ArrayList<>();
    for (Indicator ind : catalog.indicators()) {
      double best = -1;
      String closest = ind.nameZh();
      List<String> names = new ArrayList<>();
      names.add(ind.nameZh());
      names.addAll(ind.aliases());
      for (String name : names) {
        double sim = bigramDice(key, IndicatorCatalog.nameKey(name));
        if (sim > best) {
          best = sim;
          closest = name;
        }
      }
      if (best <= 0) continue; // a unit in common alone is no suggestion
      Optional<Unit> unit = catalog.unit(ind.unit());
      boolean same = unit.isPresent() && dimensions.contains(unit.get().dimension());
      all.add(new Suggestion(ind, NAME_WEIGHT * best + (same ? UNIT_BONUS : 0), best, closest, same));
    }
    all.sort(Comparator.comparingDouble((Suggestion s) -> -s.score()));
    return List.copyOf(all.subList(0, Math.min(top, all.size())));
  }

  /**
   * The distinct labels of the observations flagged {@code unknown_indicator}, most observations first (then by
   * label), each with its documents in order of first occurrence and its {@code top} suggestions.
   */
  public List<UnknownLabel> unknownLabels(List<Observation> observations, int top) {
    record Acc(String label, int[] count, Set<String> documents, Set<String> units) {}
    Map<String, Acc> byKey = new LinkedHashMap<>();
    for (Observation o : observations) {
      if (!o.hasFlag(QualityFlags.UNKNOWN_INDICATOR) || o.indicatorNameRaw() == null) continue;
      Acc a = byKey.computeIfAbsent(IndicatorCatalog.nameKey(o.indicatorNameRaw()),
          k -> new Acc(o.indicatorNameRaw(), new int[1], new LinkedHashSet<>(), new TreeSet<>()));
      a.count[0]++;
      a.documents.add(o.sourceFile());
      String unit = o.unitRaw() != null && !o.unitRaw().isEmpty() ? o.unitRaw() : o.unit();
      if (unit != null && !unit.isEmpty()) a.units.add(unit);
    }
    List<UnknownLabel> out = new ArrayList<>();
    for (Acc a : byKey.values()) {
      out.add(new UnknownLabel(a.label, a.count[0], List.copyOf(a.documents), a.units, suggest(a.label, a.units, top)));
    }
    out.sort(Comparator.comparingInt((UnknownLabel u) -> -u.observations()).thenComparing(UnknownLabel::label));
    return out;
  }
}
