package org.hrssplan.synth;

import java.math.BigDecimal;

/**
 * One value as the generator prints it, together with what that print means: kind, the number as printed,
 * the unit printed in the cell itself (null when none), comparator, five-year sum, per year. The expected
 * observation is computed from these facts, never by reading the text back.
 */
record PrintedCell(String text, String kind, BigDecimal number, String cellUnit, String comparator, boolean cumulative,
    boolean annual) {

  static final String NUMBER = "number";
  static final String MISSING = "missing";
  static final String QUALITATIVE = "qualitative";
  static final String RATIO = "ratio";

  /** A missing value printed as {@code text}: —, -, or nothing at all (a blank cell). */
  static PrintedCell missing(String text) {
    return new PrintedCell(text, MISSING, null, null, null, false, false);
  }

  boolean blank() {
    return text.isBlank();
  }

  static PrintedCell words(String text, String kind) {
    return new PrintedCell(text, kind, null, null, null, false, false);
  }
}
