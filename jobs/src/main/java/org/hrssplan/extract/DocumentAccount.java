package org.hrssplan.extract;

/**
 * Per-document accounting: every value cell found lands either among the observations or in quarantine,
 * so {@code valueCellsFound + proseTargetsFound == observations + quarantinedCells} must hold.
 */
public record DocumentAccount(
    String sourceFile,
    String sha256,
    String encoding,
    String format,
    String regionCode,
    String regionName,
    String status,
    int tables,
    int indicatorRows,
    int valueCellsFound,
    int proseTargetsFound,
    int observations,
    int quarantinedCells,
    int findings) implements java.io.Serializable {

  public boolean balanced() {
    return valueCellsFound + proseTargetsFound == observations + quarantinedCells;
  }
}
