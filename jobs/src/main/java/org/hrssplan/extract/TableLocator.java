package org.hrssplan.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hrssplan.document.Block;
import org.hrssplan.document.Grid;
import org.hrssplan.document.GridCell;
import org.hrssplan.document.HeaderWords;
import org.hrssplan.document.Paragraph;
import org.hrssplan.document.PlanDocument;
import org.hrssplan.document.TableTitle;
import org.hrssplan.document.TextTableReader;
import org.hrssplan.document.YearRows;

/**
 * Finds a document's indicator tables among its grids, by content: a grid is an indicator table when a row of it is a
 * header with a label column (指标, 指标名称, 一级指标 …) and at least one value column (a year, 基数, 基准, 目标,
 * 完成 …), or a plan by year (a 年份 column of years, {@link YearRows}). Project boxes and glossaries stay out because they have no value columns, whatever their titles say.
 *
 * <p>A grid whose title names indicators (专栏1 …主要指标) but that has no such header is kept too, so that it is
 * reported as a table found and not read; so is an indicator title with no table at all after it, and a header word
 * (指标 with 属性 / 目标 / 基数 close by) outside any table.
 */
public final class TableLocator {
  /** How far above a table its title may stand: paragraphs, and lines. */
  private static final int TITLE_PARAGRAPHS = 2;
  private static final int TITLE_LINES = 6;
  private static final int HEADER_WORDS_NEARBY = 8;
  private static final int HEADER_CELL_LENGTH = 12;
  /** Note paragraphs (注：…) right after a grid that belong to it (an HTML page prints them as <p> under the table). */
  private static final int NOTES_AFTER = 3;
  /** A line giving the unit of a whole table: 单位：万人, （计量单位：亿元）. One unit only. */
  private static final java.util.regex.Pattern UNIT_LINE =
      java.util.regex.Pattern.compile("^[(（]?(?:计量)?单位[:：]([^\\s,，、;；()（）]+)[)）]?$");

  private TableLocator() {}

  /** The tables found, and the places where a table should have been read and none was. */
  /**
   * @param numberRunsWithoutTable lines of titles (表1 …) that a run of short lines with numbers follows, where no table
   *                               was read: a table of figures the reader did not recognise
   */
  public record Located(List<RawTable> tables, List<Integer> titlesWithoutTable, List<Integer> headerWordsWithoutTable,
                        List<Integer> numberRunsWithoutTable) {}

  public static Located locate(PlanDocument doc) {
    List<Block> blocks = doc.blocks();
    List<RawTable> tables = new ArrayList<>();
    Set<Integer> usedTitles = new HashSet<>();
    for (int b = 0; b < blocks.size(); b++) {
      if (!(blocks.get(b) instanceof Grid grid)) continue;
      int header = headerRow(grid);
      String title = grid.caption();
      int titleLine = grid.captionLineIndex();
      if (title == null && header > 0) {
        GridCell own = titleRow(grid, header);
        if (own != null) {
          title = TableTitle.clean(own.flat());
          titleLine = own.lineIndex();
        }
      }
      if (title == null) {
        Paragraph p = precedingTitle(blocks, b);
        if (p != null) {
          title = TableTitle.clean(p.text());
          titleLine = p.firstLineIndex();
        }
      }
      boolean titled = title != null && TableTitle.namesIndicators(title);
      if (header < 0 && !titled) continue; // a project box, a glossary, a layout table
      if (titleLine >= 0) usedTitles.add(titleLine);
      String ref = title == null ? null : TableTitle.reference(title);
      if (ref == null) ref = "T" + (tables.size() + 1);
      List<GridCell> notes = new ArrayList<>(grid.notes());
      int end = grid.endLineIndex();
      for (int k = b + 1; k < blocks.size() && k <= b + NOTES_AFTER && blocks.get(k) instanceof Paragraph p
          && TextTableReader.isNote(p.text()); k++) {
        notes.add(new GridCell(p.text(), p.firstLineIndex(), true));
        end = p.endLineIndex();
      }
      tables.add(new RawTable(ref, title == null ? "" : title, titleLine, grid, header, tableUnit(blocks, b, header), List.copyOf(notes), end));
    }
    List<Integer> orphanTitles = new ArrayList<>();
    List<Integer> orphanHeaders = new ArrayList<>();
    List<Integer> orphanRuns = new ArrayList<>();
    for (int b = 0; b < blocks.size(); b++) {
      if (!(blocks.get(b) instanceof Paragraph p) || usedTitles.contains(p.firstLineIndex())) continue;
      String text = p.text();
      if (TableTitle.namesIndicators(text) && (TableTitle.reference(text) != null || text.replaceAll("\\s", "").endsWith("指标表"))) {
        orphanTitles.add(p.firstLineIndex());
      } else if (HeaderWords.isLabel(text) && headerWordsFollow(blocks, b)) {
        orphanHeaders.add(p.firstLineIndex());
      } else if (TableTitle.isTitle(text) && TableTitle.reference(text) != null && figuresFollow(blocks, b)) {
        orphanRuns.add(p.firstLineIndex());
      }
    }
    return new Located(List.copyOf(tables), List.copyOf(orphanTitles), List.copyOf(orphanHeaders), List.copyOf(orphanRuns));
  }

  private static final int FIGURE_RUN_CELLS = 8;
  private static final int FIGURE_RUN_NUMBERS = 3;
  private static final int FIGURE_CELL_LENGTH = 30;

  /**
   * Right after a title, a run of at least {@value #FIGURE_RUN_CELLS} short lines (cells of a flattened table), at
   * least {@value #FIGURE_RUN_NUMBERS} of them a figure alone, before any sentence or table: figures laid out as a
   * table that was not read.
   */
  private static boolean figuresFollow(List<Block> blocks, int titleBlock) {
    int cells = 0;
    int numbers = 0;
    for (int k = titleBlock + 1; k < blocks.size() && blocks.get(k) instanceof Paragraph q; k++) {
      String t = q.text().strip();
      if (t.length() > FIGURE_CELL_LENGTH || TextTableReader.isProseLine(t) || TableTitle.reference(t) != null) break;
      cells++;
      // a figure: a number alone in its cell, not a small whole number (a 序号 of a project list)
      if (t.matches("^[<>≤≥＜＞约]?\\d+(\\.\\d+)?\\s*[%％]?$") && !t.matches("^\\d{1,2}$")) numbers++;
    }
    return cells >= FIGURE_RUN_CELLS && numbers >= FIGURE_RUN_NUMBERS;
  }

  /**
   * The first row holding a label header cell and, in it or in the rows that continue the header, a value header; else
   * the header of a plan by year ({@link YearRows}); -1 if none.
   */
  static int headerRow(Grid grid) {
    int byLabel = labelHeaderRow(grid);
    return byLabel >= 0 ? byLabel : YearRows.headerRow(grid);
  }

  private static int labelHeaderRow(Grid grid) {
    List<List<GridCell>> rows = grid.rows();
    for (int r = 0; r < rows.size(); r++) {
      boolean label = rows.get(r).stream().anyMatch(c -> HeaderWords.isLabel(c.flat()));
      if (!label) continue;
      for (int k = r; k < Math.min(rows.size(), r + 3); k++) {
        if (rows.get(k).stream().anyMatch(c -> HeaderWords.isValue(c.flat()))) return r;
      }
    }
    return -1;
  }

  /** The unit printed for the whole table: a row before its header, or one of the lines just above it, saying 单位：万人. */
  static String tableUnit(List<Block> blocks, int gridIndex, int header) {
    Grid grid = (Grid) blocks.get(gridIndex);
    for (int r = 0; r < Math.max(header, 0); r++) {
      List<GridCell> own = grid.rows().get(r).stream().filter(c -> c.origin() && !c.blank()).toList();
      if (own.size() == 1) {
        String u = unitOf(own.get(0).flat());
        if (u != null) return u;
      }
    }
    int seen = 0;
    for (int b = gridIndex - 1; b >= 0 && seen < TITLE_PARAGRAPHS; b--, seen++) {
      if (!(blocks.get(b) instanceof Paragraph p) || grid.firstLineIndex() - p.firstLineIndex() > TITLE_LINES) return null;
      String u = unitOf(p.text());
      if (u != null) return u;
    }
    return null;
  }

  private static String unitOf(String text) {
    var m = UNIT_LINE.matcher(text.replaceAll("\\s", ""));
    return m.matches() ? m.group(1) : null;
  }

  /** A row above the header whose only text names the table (an HTML title row spanning all columns). */
  private static GridCell titleRow(Grid grid, int header) {
    for (int r = header - 1; r >= 0; r--) {
      List<GridCell> own = grid.rows().get(r).stream().filter(c -> c.origin() && !c.blank()).toList();
      if (own.size() == 1 && TableTitle.isTitle(own.get(0).flat())) return own.get(0);
    }
    return null;
  }

  private static Paragraph precedingTitle(List<Block> blocks, int gridIndex) {
    int first = blocks.get(gridIndex).firstLineIndex();
    int seen = 0;
    for (int b = gridIndex - 1; b >= 0 && seen < TITLE_PARAGRAPHS; b--) {
      if (!(blocks.get(b) instanceof Paragraph p)) return null;
      if (first - p.firstLineIndex() > TITLE_LINES) return null;
      seen++;
      if (TableTitle.isTitle(p.text())) return p;
    }
    return null;
  }

  /**
   * Header cells printed as lines after a label header: at least two short lines in a row that are header words, one
   * of them naming values or the attribute (指标 / 2020年 / 2025年 / 属性). A heading such as 主要指标 followed by prose,
   * or by one heading that happens to say 目标, is not a table.
   */
  private static boolean headerWordsFollow(List<Block> blocks, int b) {
    int cells = 0;
    boolean valueOrAttribute = false;
    for (int k = b + 1; k < Math.min(blocks.size(), b + 1 + HEADER_WORDS_NEARBY); k++) {
      if (!(blocks.get(k) instanceof Paragraph p)) break;
      String t = HeaderWords.key(p.text());
      if (t.length() > HEADER_CELL_LENGTH || !HeaderWords.isHeader(t)) break;
      cells++;
      valueOrAttribute |= HeaderWords.isAttribute(t) || HeaderWords.isValue(t);
    }
    return cells >= 2 && valueOrAttribute;
  }
}
