package org.hrssplan.model;

/** What a value is in its plan: the observation's {@code role}. */
public enum Role implements Code {
  BASE("基数 the level the plan starts from, at its base year (2015 for 十三五)"),
  TARGET("目标 what the plan sets for its end year (a level, a five-year sum or a bound)"),
  ACTUAL("完成 what was reached by the end year, as a later plan reports it");

  private final String description;

  Role(String description) {
    this.description = description;
  }

  @Override
  public String description() {
    return description;
  }
}
