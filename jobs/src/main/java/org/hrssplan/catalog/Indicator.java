package org.hrssplan.catalog;

import java.util.List;

/** One canonical indicator of {@code conf/indicator-catalog.yaml}. */
public record Indicator(
    String id,
    String nameZh,
    String nameEn,
    String category,
    String unit,
    Polarity polarity,
    IndicatorKind kind,
    List<String> aliases,
    String note) implements java.io.Serializable {

  public boolean isFiveYearFlow() {
    return kind == IndicatorKind.FIVE_YEAR_FLOW;
  }
}
