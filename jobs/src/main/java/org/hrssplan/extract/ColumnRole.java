package org.hrssplan.extract;

/** What a table column holds, decided from its header words. */
public enum ColumnRole {
  SERIAL, LABEL, BASE, TARGET, ACTUAL, ATTRIBUTE, UNKNOWN;

  public boolean holdsValues() {
    return this == BASE || this == TARGET || this == ACTUAL;
  }

  /** The {@code role} column of an observation: base, target or actual. */
  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
