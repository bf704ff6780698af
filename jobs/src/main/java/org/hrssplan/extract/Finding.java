package org.hrssplan.extract;

/**
 * A data-quality finding as a row: something true of the data that a reader must know before comparing
 * numbers (two tables disagreeing, a five-year total against a one-year base, a jurisdiction note …).
 */
public record Finding(
    String findingId,
    String findingType,
    String severity,
    String regionCode,
    String indicatorId,
    String planPeriod,
    Integer year,
    String detail,
    String sourceFile,
    String sourceLines) implements java.io.Serializable {

  public static final String INFO = "info";
  public static final String WARNING = "warning";
  public static final String ERROR = "error";
}
