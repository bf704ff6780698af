package org.hrssplan.extract;

/**
 * Bronze: every cell read from an indicator table (header, section, label, value, attribute, serial, note)
 * and every prose target phrase, exactly as printed (after width folding), with its position.
 */
public record RawCell(
    String cellId,
    String sourceFile,
    String sourceSha256,
    String tableRef,
    String tableTitle,
    String layout,
    int rowIndex,
    int colIndex,
    String columnHeader,
    String cellType,
    String text,
    int sourceLine,
    String sourceLocator) implements java.io.Serializable {}
