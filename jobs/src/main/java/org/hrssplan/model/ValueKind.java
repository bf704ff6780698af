package org.hrssplan.model;

/**
 * What a value cell holds: the observation's {@code value_kind}. Missing and qualitative cells are observations too:
 * nothing printed is dropped.
 */
public enum ValueKind implements Code {
  NUMBER("a number, in value, converted to the indicator's canonical unit"),
  RATIO("a ratio (10:40:50): value NULL, the cell in value_raw"),
  CHANGE("a change stated instead of a level (增加20, 提高2个百分点, 下降15%): value NULL, the cell in value_raw"),
  RANGE("a range (35-40, 〔3000—4000〕): value NULL, both bounds in value_raw; never read as one of them"),
  QUALITATIVE("words (稳步提高): value NULL, the cell in value_raw"),
  MISSING("nothing printed (—, /, a blank cell): value NULL");

  private final String description;

  ValueKind(String description) {
    this.description = description;
  }

  @Override
  public String description() {
    return description;
  }
}
