package org.hrssplan.model;

/** Where in its source an observation was read: the observation's {@code source_kind}. */
public enum SourceKind implements Code {
  TABLE("a cell of an indicator table"),
  PROSE("a quantitative target stated in the 主要目标 section's prose"),
  DATASET("a row of a normalized dataset read as input (a .csv in the indicator_observations.csv format)");

  private final String description;

  SourceKind(String description) {
    this.description = description;
  }

  @Override
  public String description() {
    return description;
  }
}
