package org.hrssplan.extract;

import java.util.List;

/**
 * A table as found in a document, before interpretation: its title, its rows of cells (header row included)
 * and the note lines printed under or inside it. {@code firstLineIndex} of each row is where the row begins.
 */
public record RawTable(
    String tableRef,
    String title,
    int titleLineIndex,
    TableLayout layout,
    List<List<TextCell>> rows,
    List<TextCell> notes,
    int endLineIndex) {}
