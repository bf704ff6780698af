package org.hrssplan.synth;

import java.math.BigDecimal;
import java.util.List;
import org.hrssplan.model.Observation;
import org.hrssplan.extract.ObservationCsv;

/**
 * One expected row in the golden-row format of {@code src/test/resources/golden/observations.golden.csv}
 * (see the README there): the columns an extracted observation is compared on, as text.
 */
record ExpectedObservation(String sourceFile, int sourceLine, String sourceLocator, String sourceKind, String regionCode, String planPeriod,
    String tableRef, String indicatorNameRaw, String indicatorId, String role, int year, String valueKind, String valueRaw,
    String value, String unit, String comparator, boolean cumulative, boolean annual, String attribute, String flags) {

  static final List<String> COLUMNS = List.of("source_file", "source_line", "source_locator", "source_kind", "region_code", "plan_period",
      "table_ref", "indicator_name_raw", "indicator_id", "role", "year", "value_kind", "value_raw", "value", "unit", "comparator",
      "is_cumulative", "is_annual", "attribute", "flags");

  List<String> cells() {
    return List.of(sourceFile, String.valueOf(sourceLine), sourceLocator, sourceKind, s(regionCode), planPeriod, s(tableRef), s(indicatorNameRaw),
        s(indicatorId), role, String.valueOf(year), valueKind, s(valueRaw), s(value), s(unit), s(comparator),
        String.valueOf(cumulative), String.valueOf(annual), s(attribute), s(flags));
  }

  /**
   * The comparison key: all golden columns but {@code source_line}, numbers compared as plain decimals without
   * trailing zeros. Where a value stands is compared by {@code source_locator}: the line of a text or HTML file
   * ({@code L12}), a Word paragraph or cell ({@code P12}, {@code T1:R3:C4}), a PDF page and printed line
   * ({@code p2:L14}); {@code source_line} of a Word or PDF file is the reader's count of its lines in reading order,
   * which the writer does not predict (0 in the expected rows).
   */
  static String key(List<String> cells) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < COLUMNS.size(); i++) {
      if (COLUMNS.get(i).equals("source_line")) continue;
      if (i > 0) b.append(" | ");
      String c = cells.get(i) == null ? "" : cells.get(i);
      b.append(COLUMNS.get(i).equals("value") ? number(c) : c);
    }
    return b.toString();
  }

  /** The same projection of an extracted observation (as GoldenObservationsTest does it). */
  static List<String> cellsOf(Observation o) {
    return List.of(o.sourceFile(), String.valueOf(o.sourceLine()), o.sourceLocator(), o.sourceKind(), s(o.regionCode()), o.planPeriod(),
        s(o.sourceTable()), s(o.indicatorNameRaw()), s(o.indicatorId()), o.role(), String.valueOf(o.year()), o.valueKind(),
        s(o.valueRaw()), o.value() == null ? "" : ObservationCsv.plain(o.value()), s(o.unit()), s(o.comparator()),
        String.valueOf(o.cumulative()), String.valueOf(o.annual()), s(o.attribute()), s(o.qualityFlags()));
  }

  static String number(String v) {
    return v == null || v.isEmpty() ? "" : new BigDecimal(v).stripTrailingZeros().toPlainString();
  }

  /** The same row, located: {@code sourceLine} and {@code sourceLocator} from where the printed document put it. */
  ExpectedObservation at(int line, String locator) {
    return new ExpectedObservation(sourceFile, line, locator, sourceKind, regionCode, planPeriod, tableRef, indicatorNameRaw,
        indicatorId, role, year, valueKind, valueRaw, value, unit, comparator, cumulative, annual, attribute, flags);
  }

  private static String s(String v) {
    return v == null ? "" : v;
  }
}
