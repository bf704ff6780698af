package org.hrssplan.extract;

import java.util.ArrayList;
import java.util.List;
import org.hrssplan.model.Observation;

/** Collects what extracting one document yields; counts value cells so that the accounting can be checked. */
public final class ExtractionSink {
  final List<RawCell> rawCells = new ArrayList<>();
  final List<Observation> observations = new ArrayList<>();
  final List<QuarantinedCell> quarantine = new ArrayList<>();
  final List<Finding> findings = new ArrayList<>();
  int tables;
  int indicatorRows;
  int valueCells;
  int proseTargets;

  void observe(Observation o) {
    observations.add(o);
  }

  void quarantine(QuarantinedCell q) {
    quarantine.add(q);
  }

  public List<RawCell> rawCells() {
    return rawCells;
  }

  public List<Observation> observations() {
    return observations;
  }

  public List<QuarantinedCell> quarantined() {
    return quarantine;
  }

  public List<Finding> findings() {
    return findings;
  }
}
