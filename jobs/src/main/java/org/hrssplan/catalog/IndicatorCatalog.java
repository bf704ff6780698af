package org.hrssplan.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hrssplan.document.TextFolding;

/**
 * The canonical indicators and units of {@code conf/indicator-catalog.yaml}, and the two ways a printed name
 * finds its indicator: a table label by exact (folded) name or alias; a prose clause by the longest name or
 * alias it contains.
 */
public final class IndicatorCatalog implements Serializable {
  private final Map<String, Indicator> byId;
  private final Map<String, Indicator> byName;
  private final List<NamedIndicator> namesLongestFirst;
  private final Map<String, Unit> units;
  private final List<String> unitSymbolsLongestFirst;

  private IndicatorCatalog(Map<String, Indicator> byId, Map<String, Unit> units) {
    this.byId = byId;
    this.units = new LinkedHashMap<>(units);
    this.byName = new LinkedHashMap<>();
    for (Indicator ind : byId.values()) {
      register(ind.nameZh(), ind);
      for (String alias : ind.aliases()) register(alias, ind);
    }
    List<NamedIndicator> names = new ArrayList<>();
    byName.forEach((k, v) -> names.add(new NamedIndicator(k, v)));
    names.sort(Comparator.comparingInt((NamedIndicator e) -> -e.name().length()));
    this.namesLongestFirst = List.copyOf(names);
    List<String> symbols = new ArrayList<>(units.keySet());
    symbols.sort(Comparator.comparingInt(s -> -s.length()));
    this.unitSymbolsLongestFirst = List.copyOf(symbols);
  }

  private void register(String name, Indicator ind) {
    String key = nameKey(name);
    Indicator previous = byName.putIfAbsent(key, ind);
    if (previous != null && !previous.id().equals(ind.id())) {
      throw new IllegalArgumentException("catalog name '" + name + "' is claimed by both " + previous.id() + " and " + ind.id());
    }
  }

  /** Names compare after width folding, without spaces and quotes. */
  public static String nameKey(String name) {
    return TextFolding.fold(name).replaceAll("[\\s“”\"']", "");
  }

  public static IndicatorCatalog load(InputStream yaml) throws IOException {
    JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
    Map<String, Unit> units = new LinkedHashMap<>();
    root.path("units").fields().forEachRemaining(e -> units.put(e.getKey(),
        new Unit(e.getKey(), e.getValue().get(0).asText(), new BigDecimal(e.getValue().get(1).asText()))));
    Map<String, Indicator> byId = new LinkedHashMap<>();
    for (JsonNode n : root.path("indicators")) {
      List<String> aliases = new ArrayList<>();
      n.path("aliases").forEach(a -> aliases.add(a.asText()));
      String id = required(n, "id");
      Indicator ind = new Indicator(id, required(n, "name_zh"), required(n, "name_en"), required(n, "category"),
          n.path("unit").asText(""), Polarity.parse(required(n, "polarity")), IndicatorKind.parse(required(n, "kind")),
          List.copyOf(aliases), n.path("note").asText(""));
      if (!ind.unit().isEmpty() && !units.containsKey(ind.unit())) {
        throw new IllegalArgumentException("indicator " + id + " has unit '" + ind.unit() + "' missing from units:");
      }
      if (byId.put(id, ind) != null) throw new IllegalArgumentException("duplicate indicator id " + id);
    }
    return new IndicatorCatalog(byId, units);
  }

  private static String required(JsonNode n, String field) {
    String v = n.path(field).asText("");
    if (v.isBlank()) throw new IllegalArgumentException("catalog entry " + n + " lacks '" + field + "'");
    return v;
  }

  public Collection<Indicator> indicators() {
    return byId.values();
  }

  public Optional<Indicator> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** Exact lookup of a table label (already stripped of numbering, markers and unit). */
  public Optional<Indicator> byLabel(String label) {
    return Optional.ofNullable(byName.get(nameKey(label)));
  }

  /** A catalog name (name_zh or alias, as a name key) and its indicator. */
  public record NamedIndicator(String name, Indicator indicator) implements Serializable {}

  /** Every catalog name contained in {@code text}, longest first. */
  public List<NamedIndicator> namesContainedIn(String text) {
    String key = nameKey(text);
    List<NamedIndicator> hits = new ArrayList<>();
    for (NamedIndicator e : namesLongestFirst) if (key.contains(e.name())) hits.add(e);
    return hits;
  }

  /** Catalog names that {@code text} ends with, longest first. */
  public List<NamedIndicator> namesEndingIn(String text) {
    String key = nameKey(text);
    List<NamedIndicator> hits = new ArrayList<>();
    for (NamedIndicator e : namesLongestFirst) if (key.endsWith(e.name())) hits.add(e);
    return hits;
  }

  public Optional<Unit> unit(String symbol) {
    return Optional.ofNullable(units.get(symbol));
  }

  /** Unit symbols, longest first, so that 万人次 wins over 人次 and 人. */
  public List<String> unitSymbolsLongestFirst() {
    return unitSymbolsLongestFirst;
  }
}
