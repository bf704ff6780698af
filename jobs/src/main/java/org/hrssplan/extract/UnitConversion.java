package org.hrssplan.extract;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.TreeSet;
import org.hrssplan.catalog.Indicator;
import org.hrssplan.catalog.IndicatorCatalog;
import org.hrssplan.catalog.Unit;
import org.hrssplan.model.QualityFlags;

/**
 * Converts a printed number to the indicator's canonical unit: value × factor(printed) / factor(canonical),
 * in exact decimal arithmetic (25667 人次 → 2.5667 万人次). The printed unit is the cell's own, else the
 * label's; when neither prints one the catalog unit is assumed (flag {@code unit_assumed}). Units of
 * different dimensions (人 vs 人次) are scaled by magnitude only and flagged {@code unit_dimension_mismatch}.
 */
final class UnitConversion {
  record Result(BigDecimal value, String unit, String unitPrinted) {}

  private UnitConversion() {}

  static Result convert(IndicatorCatalog catalog, Indicator indicator, BigDecimal number, String cellUnit, String labelUnit,
      TreeSet<String> flags) {
    String printed = cellUnit != null ? cellUnit : labelUnit;
    String canonical = indicator == null || indicator.unit().isEmpty() ? null : indicator.unit();
    if (printed == null) {
      if (canonical != null) flags.add(QualityFlags.UNIT_ASSUMED);
      return new Result(number, canonical, null);
    }
    if (canonical == null) return new Result(number, printed, printed);
    Unit p = catalog.unit(printed).orElseThrow();
    Unit c = catalog.unit(canonical).orElseThrow();
    if (!p.dimension().equals(c.dimension())) flags.add(QualityFlags.UNIT_DIMENSION_MISMATCH);
    BigDecimal v = p.factor().equals(c.factor()) ? number
        : number.multiply(p.factor()).divide(c.factor(), MathContext.DECIMAL128);
    return new Result(v.stripTrailingZeros(), canonical, printed);
  }
}
