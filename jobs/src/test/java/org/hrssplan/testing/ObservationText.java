package org.hrssplan.testing;

import java.util.List;
import org.hrssplan.model.Observation;
import org.hrssplan.extract.ObservationCsv;

/**
 * One-line rendering of an observation for readable assertions:
 * {@code L6 urban_new_jobs base 2015 = 2 万人 cum binding [indicator_marked]}.
 */
public final class ObservationText {
  private ObservationText() {}

  public static String of(Observation o) {
    return "L" + o.sourceLine() + " " + (o.indicatorId() == null ? "?" + o.indicatorNameRaw() : o.indicatorId()) + " " + o.role() + " "
        + o.year() + " " + (o.comparator() == null ? "=" : o.comparator()) + " "
        + (o.value() == null ? o.valueKind() : ObservationCsv.plain(o.value())) + " " + (o.unit() == null ? "-" : o.unit())
        + (o.cumulative() ? " cum" : "") + (o.annual() ? " annual" : "") + (o.attribute() == null ? "" : " " + o.attribute())
        + (o.qualityFlags() == null || o.qualityFlags().isEmpty() ? "" : " [" + o.qualityFlags() + "]");
  }

  public static List<String> of(List<Observation> obs) {
    return obs.stream().map(ObservationText::of).toList();
  }
}
