package org.hrssplan.catalog;

/** Which direction of change is an improvement. */
public enum Polarity {
  HIGHER, LOWER, NONE;

  public static Polarity parse(String s) {
    return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
  }

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
