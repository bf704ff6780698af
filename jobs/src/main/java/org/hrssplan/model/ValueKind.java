package org.hrssplan.model;

/** What a value cell holds. Missing and qualitative cells are observations too: nothing printed is dropped. */
public enum ValueKind {
  NUMBER, RATIO, QUALITATIVE, MISSING;

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
