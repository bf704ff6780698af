package org.hrssplan.synth;

import java.math.BigDecimal;
import java.util.List;
import org.hrssplan.extract.Observation;
import org.hrssplan.extract.ObservationCsv;

/**
 * One expected row in the golden-row format of {@code src/test/resources/golden/observations.golden.csv}
 * (see the README there): the columns an extracted observation is compared on, as text.
 */
record ExpectedObservation(String sourceFile, int sourceLine, String sourceKind, String regionCode, String planPeriod,
    String tableRef, String indicatorNameRaw, String indicatorId, String role, int year, String valueKind, String valueRaw,
    String value, String unit, String comparator, boolean cumulative, boolean annual, String attribute, String flags) {

  static final List<String> COLUMNS = List.of("source_file", "source_line", "source_kind", "region_code", "plan_period",
      "table_ref", "indicator_name_raw", "indicator_id", "role", "year", "value_kind", "value_raw", "value", "unit", "comparator",
      "is_cumulative", "is_annual", "attribute", "flags");

  List<String> cells() {
    return List.of(sourceFile, String.valueOf(sourceLine), sourceKind, s(regionCode), planPeriod, s(tableRef), s(indicatorNameRaw),
        s(indicatorId), role, String.valueOf(year), valueKind, s(valueRaw), s(value), s(unit), s(comparator),
        String.valueOf(cumulative), String.valueOf(annual), s(attribute), s(flags));
  }

  /** The comparison key: all golden columns, numbers compared as plain decimals without trailing zeros. */
  static String key(List<String> cells) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < COLUMNS.size(); i++) {
      if (i > 0) b.append(" | ");
      String c = cells.get(i) == null ? "" : cells.get(i);
      b.append(COLUMNS.get(i).equals("value") ? number(c) : c);
    }
    return b.toString();
  }

  /** The same projection of an extracted observation (as GoldenObservationsTest does it). */
  static List<String> cellsOf(Observation o) {
    return List.of(o.sourceFile(), String.valueOf(o.sourceLine()), o.sourceKind(), s(o.regionCode()), o.planPeriod(),
        s(o.sourceTable()), s(o.indicatorNameRaw()), s(o.indicatorId()), o.role(), String.valueOf(o.year()), o.valueKind(),
        s(o.valueRaw()), o.value() == null ? "" : ObservationCsv.plain(o.value()), s(o.unit()), s(o.comparator()),
        String.valueOf(o.cumulative()), String.valueOf(o.annual()), s(o.attribute()), s(o.qualityFlags()));
  }

  static String number(String v) {
    return v == null || v.isEmpty() ? "" : new BigDecimal(v).stripTrailingZeros().toPlainString();
  }

  private static String s(String v) {
    return v == null ? "" : v;
  }
}
