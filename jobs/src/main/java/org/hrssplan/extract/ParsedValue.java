package org.hrssplan.extract;

import java.math.BigDecimal;
import org.hrssplan.model.QuarantineReason;
import org.hrssplan.model.ValueKind;

/**
 * One value cell, understood: the number (as printed, before unit conversion), the printed unit if any,
 * the comparator, and the five-year-sum / per-year / footnote markers. {@code errorCode} is set when the
 * cell cannot be understood; such a cell goes to quarantine with {@code errorMessage}. {@code inStatement}: the number
 * was taken from a statement around it (启动8个城中村整体改造项目 → 8 个). A range (35-40) has its lower bound in
 * {@code number} and its upper in {@code upper}; it is never one value.
 */
public record ParsedValue(
    ValueKind kind,
    BigDecimal number,
    String unitPrinted,
    String comparator,
    boolean cumulative,
    boolean annual,
    boolean footnoteMarker,
    QuarantineReason errorCode,
    String errorMessage,
    boolean inStatement,
    BigDecimal upper) {

  public ParsedValue(ValueKind kind, BigDecimal number, String unitPrinted, String comparator, boolean cumulative, boolean annual,
      boolean footnoteMarker, QuarantineReason errorCode, String errorMessage) {
    this(kind, number, unitPrinted, comparator, cumulative, annual, footnoteMarker, errorCode, errorMessage, false, null);
  }

  public boolean ok() {
    return errorCode == null;
  }

  static ParsedValue error(QuarantineReason code, String message) {
    return new ParsedValue(null, null, null, null, false, false, false, code, message);
  }
}
