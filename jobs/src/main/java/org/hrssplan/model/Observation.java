package org.hrssplan.model;

/**
 * One row of the normalized indicator dataset: a region × plan period × indicator × role (base / target /
 * actual) × year, with the value in the indicator's canonical unit, the cell as printed, and where it came
 * from (file, line, locator, table, column). Column names and meanings: {@code data/normalized/indicator_observations.schema.json}.
 */
public record Observation(
    String observationId,
    String regionCode,
    String regionName,
    String planPeriod,
    String indicatorId,
    String indicatorNameRaw,
    String role,
    int year,
    String valueKind,
    Double value,
    String unit,
    String valueRaw,
    String unitRaw,
    String comparator,
    boolean cumulative,
    boolean annual,
    String attribute,
    String note,
    String sourceKind,
    String sourceFile,
    int sourceLine,
    String sourceLocator,
    String sourceTable,
    String sourceColumn,
    String qualityFlags) implements java.io.Serializable {

  public boolean hasFlag(String flag) {
    if (qualityFlags == null || qualityFlags.isEmpty()) return false;
    for (String f : qualityFlags.split(";")) if (f.equals(flag)) return true;
    return false;
  }
}
