package org.hrssplan.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hrssplan.catalog.Indicator;
import org.hrssplan.catalog.IndicatorCatalog;
import org.hrssplan.catalog.IndicatorKind;
import org.hrssplan.document.PlanDocument;
import org.hrssplan.extract.Finding;
import org.hrssplan.model.Observation;
import org.hrssplan.model.QualityFlags;
import org.hrssplan.model.Role;
import org.hrssplan.model.SourceKind;
import org.hrssplan.model.ValueKind;

/**
 * Data-quality findings about one document's observations, as rows. Each rule names what it checks:
 * <ul>
 *   <li>{@code cross_table_disagreement} — the completion table's actual for year Y and the next plan's base
 *       for the same year differ (叙永 仲裁结案率 2020: 96.33 vs 90).</li>
 *   <li>{@code five_year_total_vs_single_year_base} — a five-year-flow indicator printed without [ ] whose
 *       target is ≥ {@code fiveYearTotalRatio} × its base: a five-year total against a one-year base (铜梁).</li>
 *   <li>{@code implausible_base} — the base is zero, or an actual/target is ≥ {@code implausibleChangeRatio}
 *       times it or ≤ 1/that; {@code base_is_bound} — the base carries a comparator (铜梁 >95).</li>
 *   <li>{@code jurisdiction_scope} — a note says a column's figures include other jurisdictions (达川).</li>
 *   <li>{@code table_prose_conflict} / {@code table_prose_comparator_mismatch} — the prose and the table
 *       give another value / another comparator for the same region, indicator, role and year; {@code prose_only_target} — the
 *       prose sets a target the tables do not have.</li>
 *   <li>{@code revised_value}, {@code unknown_indicator}, {@code unit_dimension_mismatch}, {@code unit_assumed}
 *       — one row per flagged observation, so that flags can be counted per region.</li>
 * </ul>
 */
public final class FindingRules {
  private static final double EPS = 1e-9;

  private final IndicatorCatalog catalog;
  private final QualityThresholds thresholds;

  public FindingRules(IndicatorCatalog catalog, QualityThresholds thresholds) {
    this.catalog = catalog;
    this.thresholds = thresholds;
  }

  public List<Finding> apply(PlanDocument doc, List<Observation> observations, List<String> scopeNotes) {
    List<Finding> out = new ArrayList<>();
    List<Observation> table = observations.stream().filter(o -> SourceKind.TABLE.code().equals(o.sourceKind())).toList();
    List<Observation> prose = observations.stream().filter(o -> SourceKind.PROSE.code().equals(o.sourceKind())).toList();
    crossTable(doc, table, out);
    baseChecks(doc, table, out);
    proseVsTable(doc, table, prose, out);
    for (String note : scopeNotes) {
      String region = observations.isEmpty() ? null : observations.get(0).regionCode();
      out.add(finding("jurisdiction_scope", Finding.INFO, region, null, null, null,
          "note under a table: " + note + " — the figures of that column are not comparable with other regions'",
          doc.fileName(), ""));
    }
    for (Observation o : observations) {
      if (o.hasFlag(QualityFlags.REVISED)) {
        out.add(of("revised_value", Finding.INFO, o, "value " + o.valueRaw() + " is marked * and the note says it was adjusted: " + o.note()));
      }
      // a sentence's phrase outside the catalog is expected (listed by catalog suggest); a table label is a finding
      if (o.hasFlag(QualityFlags.UNKNOWN_INDICATOR) && !SourceKind.PROSE.code().equals(o.sourceKind())) {
        out.add(of("unknown_indicator", Finding.WARNING, o, "the catalog does not know '" + o.indicatorNameRaw() + "'"));
      }
      if (o.hasFlag(QualityFlags.UNIT_DIMENSION_MISMATCH)) {
        out.add(of("unit_dimension_mismatch", Finding.WARNING, o,
            "printed unit " + o.unitRaw() + " is not of the same kind as the canonical " + o.unit() + "; scaled by magnitude only"));
      }
      if (o.hasFlag(QualityFlags.UNIT_ASSUMED)) {
        out.add(of("unit_assumed", Finding.INFO, o, "no unit printed for '" + o.indicatorNameRaw() + "'; catalog unit " + o.unit() + " assumed"));
      }
    }
    out.sort(Comparator.comparing(Finding::findingType).thenComparing(Finding::findingId));
    return out;
  }

  private void crossTable(PlanDocument doc, List<Observation> table, List<Finding> out) {
    Map<String, List<Observation>> byKey = table.stream()
        .filter(o -> o.indicatorId() != null && ValueKind.NUMBER.code().equals(o.valueKind()))
        .collect(Collectors.groupingBy(o -> o.indicatorId() + "|" + o.year(), LinkedHashMap::new, Collectors.toList()));
    for (List<Observation> group : byKey.values()) {
      for (Observation actual : group) {
        if (!Role.ACTUAL.code().equals(actual.role())) continue;
        for (Observation base : group) {
          if (!Role.BASE.code().equals(base.role()) || Objects.equals(base.planPeriod(), actual.planPeriod())) continue;
          boolean valueDiffers = Math.abs(actual.value() - base.value()) > EPS;
          boolean sumDiffers = actual.cumulative() != base.cumulative();
          if (valueDiffers || sumDiffers) {
            out.add(finding("cross_table_disagreement", Finding.WARNING, actual.regionCode(), actual.indicatorId(), actual.planPeriod(),
                actual.year(), actual.year() + " value of " + actual.indicatorId() + ": " + actual.sourceTable() + " actual "
                    + actual.valueRaw() + " (" + doc.where(actual.sourceLine()) + ") vs " + base.sourceTable() + " base " + base.valueRaw()
                    + " (" + doc.where(base.sourceLine()) + ")" + (valueDiffers ? "" : " — same number, but only one is marked a five-year sum"),
                doc.fileName(), actual.sourceLine() + ";" + base.sourceLine()));
          }
        }
      }
    }
  }

  private void baseChecks(PlanDocument doc, List<Observation> table, List<Finding> out) {
    Map<String, List<Observation>> rows = table.stream().filter(o -> o.indicatorId() != null)
        .collect(Collectors.groupingBy(o -> o.sourceTable() + "|" + o.indicatorId(), LinkedHashMap::new, Collectors.toList()));
    for (List<Observation> row : rows.values()) {
      Optional<Observation> base = row.stream().filter(o -> Role.BASE.code().equals(o.role())).findFirst();
      if (base.isEmpty() || !ValueKind.NUMBER.code().equals(base.get().valueKind())) continue;
      Observation b = base.get();
      Indicator ind = catalog.byId(b.indicatorId()).orElseThrow();
      if (b.comparator() != null) {
        out.add(of("base_is_bound", Finding.WARNING, b, "base " + b.valueRaw() + " is a bound, not a measured value"));
      }
      Optional<Observation> target = row.stream()
          .filter(o -> Role.TARGET.code().equals(o.role()) && ValueKind.NUMBER.code().equals(o.valueKind())).findFirst();
      boolean levelLike = ind.kind() == IndicatorKind.STOCK || ind.kind() == IndicatorKind.FIVE_YEAR_FLOW;
      if (ind.kind() == IndicatorKind.FIVE_YEAR_FLOW && target.isPresent() && !b.cumulative() && !target.get().cumulative()
          && b.value() > 0 && target.get().value() >= thresholds.fiveYearTotalRatio() * b.value()) {
        out.add(of("five_year_total_vs_single_year_base", Finding.WARNING, b, String.format(
            "%s: target %s is %.2f× the base %s; the target reads as a five-year total, the base as one year (no [ ] printed)",
            b.indicatorNameRaw(), target.get().valueRaw(), target.get().value() / b.value(), b.valueRaw())));
        continue;
      }
      if (!levelLike) continue;
      if (Math.abs(b.value()) < EPS) {
        out.add(of("implausible_base", Finding.WARNING, b, "base is zero: growth from it cannot be computed"));
        continue;
      }
      for (Observation o : row) {
        if (o == b || !ValueKind.NUMBER.code().equals(o.valueKind()) || o.cumulative() != b.cumulative()) continue;
        double ratio = o.value() / b.value();
        if (ratio >= thresholds.implausibleChangeRatio() || ratio <= 1.0 / thresholds.implausibleChangeRatio()) {
          out.add(of("implausible_base", Finding.WARNING, b, String.format("%s %s is %.2f× the base %s", o.role(), o.valueRaw(), ratio,
              b.valueRaw())));
          break;
        }
      }
    }
  }

  private void proseVsTable(PlanDocument doc, List<Observation> table, List<Observation> prose, List<Finding> out) {
    for (Observation p : prose) {
      if (p.indicatorId() == null) continue;
      List<Observation> t = table.stream().filter(o -> p.indicatorId().equals(o.indicatorId()) && p.role().equals(o.role())
          && o.year() == p.year() && p.planPeriod().equals(o.planPeriod())).toList();
      if (t.isEmpty() && !Role.TARGET.code().equals(p.role())) continue;
      if (t.isEmpty()) {
        out.add(of("prose_only_target", Finding.INFO, p, "the prose sets " + p.indicatorNameRaw() + " " + p.valueRaw()
            + " for " + p.year() + "; no table row has it"));
        continue;
      }
      for (Observation o : t) {
        if (!ValueKind.NUMBER.code().equals(o.valueKind())) continue;
        // the prose agrees when it says the table's figure at the table's precision (68134人 vs 6.81万人), or states a
        // bound the table's figure keeps (控制在4%以内 vs 3.96)
        boolean agrees = Math.abs(o.value() - p.value()) <= printedPrecision(o) || withinBound(p, o.value());
        if (!agrees) {
          out.add(finding("table_prose_conflict", Finding.WARNING, p.regionCode(), p.indicatorId(), p.planPeriod(), p.year(),
              p.indicatorNameRaw() + " " + p.year() + ": prose says " + p.valueRaw() + " (" + doc.where(p.sourceLine()) + "), "
                  + o.sourceTable() + " says " + o.valueRaw() + " (" + doc.where(o.sourceLine()) + ")",
              doc.fileName(), p.sourceLine() + ";" + o.sourceLine()));
        } else if (!Objects.equals(o.comparator(), p.comparator())) {
          out.add(finding("table_prose_comparator_mismatch", Finding.INFO, p.regionCode(), p.indicatorId(), p.planPeriod(), p.year(),
              p.indicatorNameRaw() + " " + p.year() + ": same value, prose comparator " + (p.comparator() == null ? "none" : p.comparator())
                  + " (" + doc.where(p.sourceLine()) + ") vs table " + (o.comparator() == null ? "none" : o.comparator()) + " ("
                  + doc.where(o.sourceLine()) + ")", doc.fileName(), p.sourceLine() + ";" + o.sourceLine()));
        }
      }
    }
  }

  private static final java.util.regex.Pattern PRINTED_NUMBER = java.util.regex.Pattern.compile("\\d+(?:\\.(\\d+))?");

  /** Half a unit of the last digit the table printed, in the value's unit (6.81 → 0.005); EPS when it cannot be told. */
  private static double printedPrecision(Observation o) {
    java.util.regex.Matcher m = PRINTED_NUMBER.matcher(o.valueRaw() == null ? "" : o.valueRaw());
    if (!m.find()) return EPS;
    double printed = Double.parseDouble(m.group());
    int decimals = m.group(1) == null ? 0 : m.group(1).length();
    if (printed == 0) return EPS;
    return Math.max(EPS, 0.5 * Math.pow(10, -decimals) * Math.abs(o.value() / printed));
  }

  /** Whether a prose bound (≤ 4 %, > 90 %) holds for the table's figure. */
  private static boolean withinBound(Observation p, double value) {
    if (p.comparator() == null) return false;
    return switch (p.comparator()) {
      case "<=" -> value <= p.value() + EPS;
      case "<" -> value < p.value();
      case ">=" -> value >= p.value() - EPS;
      case ">" -> value > p.value();
      default -> false;
    };
  }

  private static Finding of(String type, String severity, Observation o, String detail) {
    return finding(type, severity, o.regionCode(), o.indicatorId(), o.planPeriod(), o.year(), detail, o.sourceFile(),
        String.valueOf(o.sourceLine()));
  }

  private static Finding finding(String type, String severity, String region, String indicator, String period, Integer year,
      String detail, String file, String lines) {
    String id = PlanDocument.sha256(type + "|" + file + "|" + indicator + "|" + period + "|" + year + "|" + lines + "|" + detail)
        .substring(0, 16);
    return new Finding(id, type, severity, region, indicator, period, year, detail, file, lines);
  }
}
