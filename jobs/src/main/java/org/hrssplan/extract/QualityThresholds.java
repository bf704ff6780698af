package org.hrssplan.extract;

/**
 * Thresholds of the data-quality rules (conf/hrss.yaml {@code quality:}).
 *
 * @param fiveYearTotalRatio a five-year-flow target at least this many times its unbracketed base is read as a
 *     five-year total set against a one-year base (铜梁 十三五: 11 vs 2.22)
 * @param implausibleChangeRatio an actual or target this many times its base (or 1/this) makes the base implausible
 */
public record QualityThresholds(double fiveYearTotalRatio, double implausibleChangeRatio) implements java.io.Serializable {
  public static final QualityThresholds DEFAULTS = new QualityThresholds(2.5, 4.0);
}
