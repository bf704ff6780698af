package org.hrssplan.synth;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.hrssplan.catalog.Indicator;
import org.hrssplan.catalog.IndicatorKind;
import org.hrssplan.catalog.Polarity;

/**
 * One indicator's figures in one plan, in its canonical unit: 十三五 base (2015), target and actual (2020),
 * 十四五 base (2020, the 十三五 actual) and target (2025). Drawn so that some 十三五 targets are missed and some
 * figures decline against their base, as in real plans.
 */
record IndicatorSeries(BigDecimal base2015, BigDecimal target2020, BigDecimal actual2020, BigDecimal base2020,
    BigDecimal target2025) {

  static IndicatorSeries draw(Indicator ind, SplittableRandom rng) {
    int scale = scale(ind);
    double[] range = range(ind);
    boolean percent = "%".equals(ind.unit());
    double b15 = uniform(rng, range);
    double t20;
    double a20;
    double t25;
    if (ind.polarity() == Polarity.LOWER && percent) {
      // a ceiling such as ≤4.5: the actual rate usually stays under it, sometimes not
      t20 = uniform(rng, new double[] {range[1] - 0.5, range[1] + 1.0});
      a20 = uniform(rng, new double[] {range[0], range[1] + 0.6});
      t25 = uniform(rng, new double[] {range[1] - 0.3, range[1] + 1.2});
    } else if (ind.polarity() == Polarity.LOWER) {
      t20 = b15 * uniform(rng, new double[] {1.0, 1.3});
      a20 = b15 * uniform(rng, new double[] {0.7, 1.15});
      t25 = a20 * uniform(rng, new double[] {0.95, 1.3});
    } else if (percent) {
      t20 = Math.min(100, b15 + uniform(rng, new double[] {-3, 8}));
      a20 = Math.min(100, t20 + uniform(rng, new double[] {-6, 5}));
      t25 = Math.min(100, a20 + uniform(rng, new double[] {-3, 6}));
    } else {
      t20 = b15 * uniform(rng, new double[] {0.9, 1.4});
      a20 = t20 * uniform(rng, new double[] {0.75, 1.3});
      t25 = a20 * uniform(rng, new double[] {0.88, 1.35});
    }
    BigDecimal actual = round(a20, scale, ind);
    return new IndicatorSeries(round(b15, scale, ind), round(t20, scale, ind), actual, actual, round(t25, scale, ind));
  }

  /** Decimal places as plans print them: rates to 0.1, counts in 万 to 0.01, persons and enterprises whole. */
  static int scale(Indicator ind) {
    return switch (ind.unit()) {
      case "%" -> 1;
      case "人", "家", "万元", "元", "人次", "个" -> 0;
      default -> 2;
    };
  }

  private static double[] range(Indicator ind) {
    double[] byId = SynthVocabulary.RANGES_BY_ID.get(ind.id());
    if (byId != null) return byId;
    boolean flow = ind.kind() == IndicatorKind.FIVE_YEAR_FLOW;
    return switch (ind.unit()) {
      case "%" -> SynthVocabulary.RATE_RANGE;
      case "万人" -> flow ? SynthVocabulary.FLOW_PERSONS_RANGE
          : ind.kind() == IndicatorKind.ANNUAL_FLOW ? SynthVocabulary.ANNUAL_PERSONS_RANGE : SynthVocabulary.STOCK_PERSONS_RANGE;
      case "万人次" -> SynthVocabulary.FLOW_PERSON_TIMES_RANGE;
      case "人" -> SynthVocabulary.FLOW_PERSONS_UNIT_RANGE;
      case "万元" -> SynthVocabulary.FLOW_WAN_YUAN_RANGE;
      case "亿元" -> SynthVocabulary.YI_YUAN_RANGE;
      case "万个" -> SynthVocabulary.WAN_GE_RANGE;
      default -> SynthVocabulary.STOCK_PERSONS_RANGE;
    };
  }

  private static double uniform(SplittableRandom rng, double[] range) {
    return range[0] + (range[1] - range[0]) * rng.nextDouble();
  }

  /** Rounded to the printed scale; never below the smallest printable amount (a zero count is kept only where the range starts at 0). */
  private static BigDecimal round(double v, int scale, Indicator ind) {
    BigDecimal d = BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_UP);
    BigDecimal min = BigDecimal.ONE.movePointLeft(scale);
    double[] byId = SynthVocabulary.RANGES_BY_ID.get(ind.id());
    boolean zeroAllowed = byId != null && byId[0] == 0;
    if (d.signum() <= 0 && !zeroAllowed) d = min;
    return d;
  }
}
