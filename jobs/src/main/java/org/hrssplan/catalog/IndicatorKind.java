package org.hrssplan.catalog;

/** What kind of quantity an indicator is; decides which growth and attainment formulas apply. */
public enum IndicatorKind {
  STOCK, RATE, FIVE_YEAR_FLOW, ANNUAL_FLOW, RATIO, QUALITATIVE;

  public static IndicatorKind parse(String s) {
    return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
  }

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
