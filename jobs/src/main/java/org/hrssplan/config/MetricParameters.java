package org.hrssplan.config;

import java.util.Map;

/**
 * Thresholds of the metric models (conf/hrss.yaml {@code metrics:}).
 *
 * @param approxTolerance relative band within which a 左右 (approximately) target counts as met
 * @param onTrack R at or above which a not-yet-achieved target is on track (Eurostat: 0.95)
 * @param accelerationNeeded R at or above which acceleration is needed, below which progress is limited (0.60)
 * @param outlierZ |robust z| above which a region is an outlier among regions (Iglewicz & Hoaglin: 3.5)
 * @param clusters k of the region clustering
 * @param seed seed of the region clustering
 */
public record MetricParameters(double approxTolerance, double onTrack, double accelerationNeeded, double outlierZ, int clusters,
    long seed) implements java.io.Serializable {
  public static final MetricParameters DEFAULTS = new MetricParameters(0.05, 0.95, 0.60, 3.5, 2, 42L);

  /** The thresholds as printed in column comments. */
  public Map<String, String> values() {
    return Map.of("approx_tolerance", Double.toString(approxTolerance), "on_track", Double.toString(onTrack),
        "acceleration_needed", Double.toString(accelerationNeeded), "outlier_z", Double.toString(outlierZ));
  }

  public Map<String, String> sqlParameters() {
    return Map.of("approx_tolerance", Double.toString(approxTolerance) + "D", "on_track", Double.toString(onTrack) + "D",
        "acceleration_needed", Double.toString(accelerationNeeded) + "D", "outlier_z", Double.toString(outlierZ) + "D");
  }
}
