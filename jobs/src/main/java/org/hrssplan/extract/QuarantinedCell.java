package org.hrssplan.extract;

/**
 * A cell (or a whole document) that could not be normalized, and why. {@code reasonCode} is stable and
 * machine-readable ({@code unknown_unit}, {@code row_too_few_cells}, {@code undecodable}, …); {@code reason}
 * names file and line for a person.
 */
public record QuarantinedCell(
    String cellId,
    String sourceFile,
    int sourceLine,
    String sourceLocator,
    String stage,
    String reasonCode,
    String reason,
    String rawText,
    String regionCode,
    String tableRef,
    String columnHeader,
    String rowLabel) implements java.io.Serializable {}
