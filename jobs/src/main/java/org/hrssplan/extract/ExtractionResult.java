package org.hrssplan.extract;

import java.util.List;
import org.hrssplan.model.Observation;

/** What one document yields: its accounting, bronze cells, observations, quarantined cells and findings. */
public record ExtractionResult(
    DocumentAccount account,
    List<RawCell> rawCells,
    List<Observation> observations,
    List<QuarantinedCell> quarantined,
    List<Finding> findings) implements java.io.Serializable {}
