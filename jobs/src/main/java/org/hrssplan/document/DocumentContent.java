package org.hrssplan.document;

import java.util.List;

/**
 * What a reader of a laid-out format (Word, PDF) makes of a file: its lines in reading order (a paragraph, a table
 * cell, a printed line of a PDF page), numbered from 1 as {@code source_line}; per line its locator in the file
 * ({@code P12}, {@code T1:R3:C2}, {@code p7:L12}); and the blocks (paragraphs and grids) over those lines.
 */
public record DocumentContent(List<String> lines, int[] sourceLines, String[] locators, List<Block> blocks) {}
