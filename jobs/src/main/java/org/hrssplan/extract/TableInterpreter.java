package org.hrssplan.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.hrssplan.catalog.Indicator;
import org.hrssplan.catalog.IndicatorCatalog;
import org.hrssplan.document.Grid;
import org.hrssplan.document.GridCell;
import org.hrssplan.document.HeaderWords;
import org.hrssplan.document.PlanDocument;
import org.hrssplan.document.Region;
import org.hrssplan.document.TextFolding;
import org.hrssplan.document.TextTableReader;
import org.hrssplan.document.YearRows;
import org.hrssplan.model.Observation;
import org.hrssplan.model.QuarantineReason;
import org.hrssplan.model.SourceKind;
import org.hrssplan.model.ValueKind;
import org.hrssplan.model.QualityFlags;

/**
 * Turns an indicator table's grid into observations: reads its header rows (one or several; a cell spanning
 * columns gives its text to each column under it), gives each column its role from its header path
 * ({@link ColumnRoles}), and reads every body row: its label (the most specific label column; 一级指标 is the
 * group), unit (单位 column, else the label's parentheses), attribute, note, and each value cell, which lands
 * either in the observations or in quarantine with a reason. Every cell read lands in the bronze cells too.
 *
 * <p>Nothing is lost in silence: a table without a readable header or period, a table of which no row could be read,
 * and a row whose cells could not be placed are findings ({@link #TABLE_NOT_READ}, {@link #ROW_NOT_READ}), and
 * {@link #interpret} says how far the table was read.
 */
final class TableInterpreter {
  static final String TABLE_NOT_READ = "table_not_read";
  static final String ROW_NOT_READ = "row_not_read";
  static final String UNKNOWN_COLUMN = "unknown_column";
  /** A 单位 cell that prints no unit: a dash or a slash (a dimensionless index). */
  private static final java.util.Set<String> NO_UNIT = java.util.Set.of("—", "-", "－", "/", "／", "——");
  private static final int MAX_HEADER_ROWS = 3;
  private static final Pattern HAS_DIGIT = Pattern.compile("\\d");
  /** A value with a remark in parentheses after it on its line: 力争达到20左右（2030年较2025年下降）. */
  private static final Pattern TRAILING_REMARK = Pattern.compile("^(.*\\d.*?)([（(][^（）()]*\\p{IsHan}[^（）()]*[）)])$");
  private static final Pattern ATTRIBUTE_WORD = Pattern.compile("^(约束|预期)性?");
  private static final Pattern PERIOD_NAME = Pattern.compile("十[一二三四五六七八九]五");
  private static final Pattern YEAR = Pattern.compile("(20\\d\\d)");
  /** Under an indicator of a plan by year: the year's own figure (当年), its target, its result. */
  private static final Pattern THIS_YEAR = Pattern.compile("^(当年|本年|当期|年度|数值)$");
  private static final Pattern YEAR_TARGET = Pattern.compile("^(目标|目标值|计划|计划值|任务|任务数)$");
  private static final Pattern YEAR_ACTUAL = Pattern.compile("^(完成|完成值|完成数|实际|实际值|实绩)$");
  /** A cell that is a figure: a number first, after a comparator or a word of approximation. */
  private static final Pattern FIGURE = Pattern.compile("^[<>≤≥约〔\\[【]?\\s*\\d");

  /** How far a table was read. */
  enum Outcome { READ, PARTIALLY_READ, NOT_READ }

  private final IndicatorCatalog catalog;
  private final ValueParser parser;

  TableInterpreter(IndicatorCatalog catalog) {
    this.catalog = catalog;
    this.parser = new ValueParser(catalog);
  }

  Outcome interpret(PlanDocument doc, Region region, RawTable table, PlanPeriod documentPeriod, ExtractionSink sink) {
    sink.tables++;
    List<List<GridCell>> rows = table.rows();
    int headerRow = table.headerRow();
    int yearColumn = headerRow < 0 || rows.get(headerRow).stream().anyMatch(c -> HeaderWords.isLabel(c.flat())) ? -1
        : YearRows.yearColumn(rows.get(headerRow));
    boolean byYear = yearColumn >= 0;
    int bodyRow = headerRow < 0 ? -1 : byYear ? YearRows.bodyRow(rows, headerRow, yearColumn) : headerEnd(rows, headerRow);
    bronze(doc, table, headerRow, bodyRow, sink);
    String where = "table " + table.tableRef() + " (" + doc.where(line(doc, table.anchorLineIndex())) + ")";
    if (headerRow < 0) {
      return notRead(doc, region, table, 0, sink, QuarantineReason.TABLE_HEADER_NOT_FOUND,
          "no header row with 指标 and a value column in " + where);
    }
    if (byYear) return interpretYearRows(doc, region, table, headerRow, bodyRow, yearColumn, documentPeriod, sink, where);
    List<List<String>> paths = headerPaths(rows, headerRow, bodyRow);
    PlanPeriod period = PlanPeriod.fromText(table.title());
    if (period == null) period = periodFromHeaders(paths);
    // a year after the plan's own period (a 2035 远景 column in a 十四五 plan) is a later target of the same plan
    if (period != null && documentPeriod != null && period.number() > documentPeriod.number() && PlanPeriod.fromText(table.title()) == null) {
      period = documentPeriod;
    }
    if (period == null) period = documentPeriod;
    if (period == null) {
      return notRead(doc, region, table, bodyRow, sink, QuarantineReason.PLAN_PERIOD_UNKNOWN,
          where + " names no plan period (十X五) and no period years, nor does the document");
    }
    List<ColumnRoles.Column> columns = new ArrayList<>(ColumnRoles.assign(paths, period, table.title().contains("完成")));
    attributesByContent(columns, rows, bodyRow);
    if (indexOf(columns, ColumnRole.LABEL) < 0 || columns.stream().noneMatch(c -> c.role().holdsValues())) {
      return notRead(doc, region, table, bodyRow, sink, QuarantineReason.TABLE_HEADER_NOT_UNDERSTOOD,
          "header " + columns.stream().map(ColumnRoles.Column::header).toList() + " of " + where + " has no 指标 or no value column");
    }
    reportUnknownColumns(doc, region, table, columns, rows, bodyRow, period, sink);
    BodyReader body = new BodyReader(doc, region, table, period, columns, sink);
    for (int r = bodyRow; r < rows.size(); r++) {
      if (table.grid().unalignedRows().contains(r)) body.unaligned(rows.get(r));
      else body.row(rows.get(r));
    }
    if (body.rowsRead == 0) {
      sink.findings.add(finding(doc, region, TABLE_NOT_READ, period, line(doc, table.anchorLineIndex()),
          where + " was found (header " + columns.stream().map(ColumnRoles.Column::header).toList() + ") but none of its "
              + Math.max(0, rows.size() - bodyRow) + " body rows could be read"));
      return Outcome.NOT_READ;
    }
    if (body.rowsNotRead > 0) {
      sink.findings.add(finding(doc, region, ROW_NOT_READ, period, line(doc, table.anchorLineIndex()),
          body.rowsNotRead + " row(s) of " + where + " could not be read as rows of its header; their cells are quarantined"));
      return Outcome.PARTIALLY_READ;
    }
    return Outcome.READ;
  }

  /**
   * A plan by year ({@link YearRows}). Each row's years give the role and year of its figures: a year before the
   * document was issued (its 文号 or date line, {@link IssueDate}; without one, a year up to the period's base year) is
   * a base at the range's last year (2020年-2023年 → base 2023), a later one a target; a totals row (合计) is a five-year
   * total targeted for the table's last year. Each column after the years is an indicator named by its header path
   * (达标区域面积（平方公里） + 片区; a last segment 当年 adds nothing, 目标 / 完成 under it make its cells targets / results
   * of the row's year), except text columns before the first column of figures: they say what the row's
   * figures are for (达标区域: 远香湖南) and go to each figure's note. A cell merged over the rows of one year is read
   * once, on its first row, and is for what all those rows name. 序号 columns may stand before the years; a 备注 column
   * is a note on the row's figures, not an indicator. The period: the title's, else the document's, else the one the last year falls in.
   */
  private Outcome interpretYearRows(PlanDocument doc, Region region, RawTable table, int headerRow, int bodyRow, int yc,
      PlanPeriod documentPeriod, ExtractionSink sink, String where) {
    List<List<GridCell>> rows = table.rows();
    List<List<String>> paths = headerPaths(rows, headerRow, bodyRow);
    int width = paths.size();
    int lastYear = -1;
    int[] filled = new int[width];
    int[] figureCells = new int[width];
    for (int r = bodyRow; r < rows.size(); r++) {
      List<GridCell> row = rows.get(r);
      YearRows.Span span = row.size() <= yc ? null : YearRows.yearOf(row.get(yc).flat());
      if (span != null) lastYear = Math.max(lastYear, span.last());
      for (int c = yc + 1; c < Math.min(width, row.size()); c++) {
        if (!row.get(c).origin() || row.get(c).blank()) continue;
        filled[c]++;
        if (FIGURE.matcher(TextFolding.fold(row.get(c).flat())).find() && YearRows.yearOf(row.get(c).flat()) == null) figureCells[c]++;
      }
    }
    // a column of figures: most of its cells begin with a number (嘉定工业区1 names a place)
    boolean[] figures = new boolean[width];
    // a 备注 column is a note on the row, never an indicator
    boolean[] notes = new boolean[width];
    for (int c = yc + 1; c < width; c++) {
      notes[c] = paths.get(c).stream().anyMatch(HeaderWords::isNote);
      figures[c] = !notes[c] && figureCells[c] * 2 > filled[c];
    }
    PlanPeriod period = PlanPeriod.fromText(table.title());
    if (period == null) period = documentPeriod;
    if (period == null && lastYear > 0) period = PlanPeriod.containing(lastYear);
    int firstFigures = yc + 1;
    while (firstFigures < width && !figures[firstFigures]) firstFigures++;
    if (period == null || firstFigures == width) {
      return notRead(doc, region, table, bodyRow, sink, QuarantineReason.TABLE_HEADER_NOT_UNDERSTOOD,
          "the years of " + where + " head no column of figures");
    }
    Integer issued = IssueDate.year(doc);
    BodyReader body = new BodyReader(doc, region, table, period, List.of(), sink);
    for (int r = bodyRow; r < rows.size(); r++) {
      List<GridCell> row = rows.get(r);
      if (row.stream().allMatch(GridCell::blank)) continue;
      String key = row.size() > yc ? row.get(yc).flat() : "";
      YearRows.Span span = YearRows.yearOf(key);
      boolean total = span == null && YearRows.isTotal(key);
      int rowLine = line(doc, Grid.rowLineIndex(row));
      if (row.size() != width || span == null && !total || table.grid().unalignedRows().contains(r)) {
        body.rowsNotRead++;
        String msg = "row at line " + rowLine + " of " + where + " is not a year (or 合计) of its " + width + " columns: quarantined whole";
        for (int c = 0; c < row.size(); c++) {
          if (row.get(c).blank() || !row.get(c).origin()) continue;
          sink.valueCells++;
          sink.quarantine(quarantined(doc, region, table, row.get(c), rowLine, c, null, key, QuarantineReason.ROW_NOT_ALIGNED, msg));
        }
        continue;
      }
      int year = total ? lastYear : span.last();
      boolean past = !total && (issued != null ? year < issued : year <= period.baseYear());
      ColumnRole role = past ? ColumnRole.BASE : ColumnRole.TARGET;
      body.rowsRead++;
      sink.indicatorRows++;
      for (int c = firstFigures; c < width; c++) {
        GridCell cell = row.get(c);
        if (!cell.origin() || notes[c]) continue;
        List<String> path = paths.get(c);
        String under = path.size() > 1 ? HeaderWords.key(path.get(path.size() - 1)) : "";
        ColumnRole cellRole = role;
        if (THIS_YEAR.matcher(under).matches()) path = path.subList(0, path.size() - 1);
        if (YEAR_TARGET.matcher(under).matches() && !total) {
          cellRole = ColumnRole.TARGET;
          path = path.subList(0, path.size() - 1);
        }
        if (YEAR_ACTUAL.matcher(under).matches() && !total) {
          cellRole = ColumnRole.ACTUAL;
          path = path.subList(0, path.size() - 1);
        }
        String labelRaw = String.join("", path);
        LabelParts label = LabelParts.parse(labelRaw);
        String unit = label.unitRaw();
        for (String segment : path) if (unit == null) unit = LabelParts.parse(segment).unitRaw();
        if (unit == null) unit = table.tableUnit();
        Optional<Indicator> indicator = catalog.byLabel(label.name());
        // the rows this cell covers: its own, and those below whose cell it is merged over (a total for both 片区 of a year)
        int last = r;
        while (last + 1 < rows.size() && c < rows.get(last + 1).size() && !rows.get(last + 1).get(c).origin()) last++;
        IndicatorRow ir = new IndicatorRow(row, rowLine, labelRaw, label, unit, unit != null && catalog.unit(unit).isEmpty(), indicator,
            "", null, about(rows.subList(r, last + 1), paths, yc, firstFigures, notes), null, total);
        body.valueCell(ir, new ColumnRoles.Column(c, String.join(" / ", paths.get(c)) + " @ " + key, cellRole, year), cell);
      }
    }
    if (body.rowsRead == 0) {
      sink.findings.add(finding(doc, region, TABLE_NOT_READ, period, line(doc, table.anchorLineIndex()),
          where + " was found (a plan by year) but none of its " + Math.max(0, rows.size() - bodyRow) + " rows could be read"));
      return Outcome.NOT_READ;
    }
    if (body.rowsNotRead > 0) {
      sink.findings.add(finding(doc, region, ROW_NOT_READ, period, line(doc, table.anchorLineIndex()),
          body.rowsNotRead + " row(s) of " + where + " could not be read as years of its header; their cells are quarantined"));
      return Outcome.PARTIALLY_READ;
    }
    return Outcome.READ;
  }

  /**
   * What the figures of some rows of a plan by year are for: each text column before the figures, its cells in these
   * rows joined (达标区域: 远香湖南、嘉北公园二期); a dash says nothing. Null when nothing is said.
   */
  private static String about(List<List<GridCell>> rows, List<List<String>> paths, int yearColumn, int firstFigures, boolean[] notes) {
    List<String> parts = new ArrayList<>();
    for (int c = yearColumn + 1; c < paths.size(); c++) {
      if (c >= firstFigures && !notes[c]) continue;
      List<String> texts = new ArrayList<>();
      for (List<GridCell> row : rows) {
        GridCell cell = row.get(c);
        if (cell.origin() && !cell.blank() && !NO_UNIT.contains(cell.flat())) texts.add(cell.flat());
      }
      if (!texts.isEmpty()) parts.add(String.join(" / ", paths.get(c)) + ": " + String.join("、", texts));
    }
    return parts.isEmpty() ? null : String.join(" | ", parts);
  }

  /** Why a value cell is quarantined instead of observed. */
  private record Problem(QuarantineReason reason, String message) {}

  /**
   * One indicator row as read: its label, unit, indicator, attribute and note, shared by its value cells; {@code totals}:
   * its cells are totals over the years (a 合计 row of a plan by year).
   */
  private record IndicatorRow(List<GridCell> cells, int line, String labelRaw, LabelParts label, String unit, boolean unitUnknown,
      Optional<Indicator> indicator, String attributeText, String attribute, String note, Integer firstSeenAt, boolean totals) {
    IndicatorRow withNote(String text) {
      return new IndicatorRow(cells, line, labelRaw, label, unit, unitUnknown, indicator, attributeText, attribute, text, firstSeenAt, totals);
    }

    IndicatorRow withUnit(String printed, boolean notInTable) {
      return new IndicatorRow(cells, line, labelRaw, label, printed, notInTable, indicator, attributeText, attribute, note, firstSeenAt, totals);
    }
  }

  /**
   * The body rows of one table whose header was understood, read one by one: a row that does not fit the header, a
   * row without a label, or an indicator row whose value cells each become an observation or a quarantined cell.
   */
  private final class BodyReader {
    final PlanDocument doc;
    final Region region;
    final RawTable table;
    final PlanPeriod period;
    final List<ColumnRoles.Column> columns;
    final ExtractionSink sink;
    final int labelCol;
    final int groupCol;
    final int unitCol;
    final int attrCol;
    final int width;
    /** The grouping columns (类别, 一级指标), whose merged cells a short row may leave out. */
    final List<Integer> grouping;
    final TableNotes notes;
    final Map<String, Integer> seenIndicators = new HashMap<>();
    List<GridCell> previous;
    /** The label of the last row that is not a 其中 row: the parent of the 其中 rows under it. */
    String parentLabel;
    int rowsRead;
    int rowsNotRead;

    BodyReader(PlanDocument doc, Region region, RawTable table, PlanPeriod period, List<ColumnRoles.Column> columns, ExtractionSink sink) {
      this.doc = doc;
      this.region = region;
      this.table = table;
      this.period = period;
      this.columns = columns;
      this.sink = sink;
      this.labelCol = indexOf(columns, ColumnRole.LABEL);
      this.groupCol = indexOf(columns, ColumnRole.GROUP);
      this.unitCol = indexOf(columns, ColumnRole.UNIT);
      this.attrCol = indexOf(columns, ColumnRole.ATTRIBUTE);
      this.width = columns.size();
      this.grouping = columns.stream().filter(c -> c.role() == ColumnRole.CATEGORY || c.role() == ColumnRole.GROUP)
          .map(ColumnRoles.Column::index).toList();
      this.notes = new TableNotes(table.notes());
    }

    void row(List<GridCell> row) {
      if (row.stream().allMatch(GridCell::blank)) return;
      if (row.size() < width && previous != null && width - row.size() <= grouping.size()) {
        row = withGroupsFrom(previous, row, grouping.subList(0, width - row.size()));
      }
      int rowLine = line(doc, Grid.rowLineIndex(row));
      if (isSectionRow(row, columns)) return;
      if (row.size() != width) {
        misfit(row, rowLine);
        return;
      }
      previous = row;
      String labelRaw = row.get(labelCol).flat();
      if (labelRaw.isEmpty() && groupCol >= 0) labelRaw = row.get(groupCol).flat();
      if (labelRaw.isEmpty()) {
        unlabelled(row, rowLine);
        return;
      }
      rowsRead++;
      sink.indicatorRows++;
      IndicatorRow ir = indicatorRow(row, rowLine, labelRaw);
      // a 其中 row is an indicator of its own, part of the last row above it that is not one: that row is kept in its note
      if (ir.label().subIndicator() && parentLabel != null) {
        ir = ir.withNote(join("上级指标: " + parentLabel, ir.note()));
      } else if (!ir.label().subIndicator()) {
        parentLabel = ir.label().name();
      }
      for (ColumnRoles.Column col : columns) {
        if (!col.role().holdsValues() && col.role() != ColumnRole.UNKNOWN) continue;
        GridCell cell = row.get(col.index());
        if (col.role() == ColumnRole.UNKNOWN && (cell.blank() || !HAS_DIGIT.matcher(cell.flat()).find())) continue;
        valueCell(ir, col, cell);
      }
    }

    /** A row whose printed cells fit the header's columns in no order the table allows: every cell quarantined, none read. */
    void unaligned(List<GridCell> row) {
      int rowLine = line(doc, Grid.rowLineIndex(row));
      if (row.size() != width) {
        misfit(row, rowLine);
        return;
      }
      rowsNotRead++;
      String cells = String.join(" / ", row.stream().filter(c -> !c.blank()).map(GridCell::flat).toList());
      String msg = "row at line " + rowLine + " of table " + table.tableRef() + " (" + cells + ") cannot be aligned to the header's "
          + width + " columns: quarantined whole, not read shifted";
      for (GridCell c : row) {
        if (c.blank()) continue;
        sink.valueCells++;
        sink.quarantine(quarantined(doc, region, table, c, c.lineIndex() >= 0 ? doc.sourceLine(c.lineIndex()) : rowLine, -1, null, null,
            QuarantineReason.ROW_NOT_ALIGNED, msg));
      }
    }

    /** A row with more or fewer cells than the header: its cells quarantined, or a finding when it has none. */
    private void misfit(List<GridCell> row, int rowLine) {
      rowsNotRead++;
      QuarantineReason reason = row.size() < width ? QuarantineReason.ROW_TOO_FEW_CELLS : QuarantineReason.ROW_TOO_MANY_CELLS;
      String msg = "row at line " + rowLine + " of table " + table.tableRef() + " has " + row.size() + " cells, the header has " + width;
      int quarantined = 0;
      for (int c = 0; c < row.size(); c++) {
        if (c == labelCol && row.size() > 1) continue;
        if (row.get(c).blank() || !row.get(c).origin()) continue;
        sink.valueCells++;
        quarantined++;
        sink.quarantine(quarantined(doc, region, table, row.get(c), rowLine, c, null, text(row, labelCol), reason, msg));
      }
      if (quarantined == 0) {
        sink.findings.add(finding(doc, region, ROW_NOT_READ, period, rowLine,
            msg + ": its label '" + text(row, labelCol) + "' was read without any value"));
      }
    }

    /** A row with values and no label: its values quarantined. */
    private void unlabelled(List<GridCell> row, int rowLine) {
      rowsNotRead++;
      for (ColumnRoles.Column col : columns) {
        GridCell cell = row.get(col.index());
        if (!col.role().holdsValues() || cell.blank()) continue;
        sink.valueCells++;
        sink.quarantine(quarantined(doc, region, table, cell, rowLine, col.index(), col.header(), null, QuarantineReason.LABEL_MISSING,
            "row at line " + rowLine + " of table " + table.tableRef() + " has values but no 指标 label"));
      }
    }

    private IndicatorRow indicatorRow(List<GridCell> row, int rowLine, String labelRaw) {
      LabelParts label = LabelParts.parse(labelRaw);
      String unitText = unitCol >= 0 ? row.get(unitCol).flat() : "";
      // the row's unit: its 单位 cell, else the unit in its label, else the unit printed for the whole table
      String unit = unitText.isEmpty() || NO_UNIT.contains(unitText) ? label.unitRaw() : unitText.replaceAll("^\\((.*)\\)$", "$1");
      if (unit != null && NO_UNIT.contains(unit)) unit = null;
      if (unit == null) unit = table.tableUnit();
      Optional<Indicator> indicator = catalog.byLabel(label.name());
      String attrText = attrCol >= 0 ? row.get(attrCol).flat() : "";
      String dupKey = indicator.map(Indicator::id).orElse("label:" + IndicatorCatalog.nameKey(label.name()));
      Integer firstSeen = seenIndicators.putIfAbsent(dupKey, rowLine);
      return new IndicatorRow(row, rowLine, labelRaw, label, unit, unit != null && catalog.unit(unit).isEmpty(), indicator, attrText,
          attribute(attrText), rowNote(row, columns), firstSeen, false);
    }

    /** One value cell of an indicator row: an observation, or quarantined with the first problem found. */
    private void valueCell(IndicatorRow row, ColumnRoles.Column col, GridCell cell) {
      sink.valueCells++;
      // a row that prints no unit takes the one its column's header prints (2025年目标值（%）), when the unit table knows
      // it: a header's parenthesis may say other things (（累计）, （预期性）)
      IndicatorRow ir = row.unit() == null && col.unit() != null && catalog.unit(col.unit()).isPresent() ? row.withUnit(col.unit(), false) : row;
      int cellLine = cell.lineIndex() >= 0 ? doc.sourceLine(cell.lineIndex()) : ir.line();
      // a line of the cell wholly in parentheses under its value is a remark on it ((2021年-2025年)), not a value
      List<String> printed = cell.printedLines();
      List<String> remarks = printed.stream().filter(l -> l.matches("^[（(].*[）)]$")).toList();
      GridCell value = cell;
      if (!remarks.isEmpty() && remarks.size() < printed.size()) {
        value = new GridCell(String.join("\n", printed.stream().filter(l -> !remarks.contains(l)).toList()), cell.lineIndex(), cell.origin());
      }
      String remark = value == cell ? null : String.join(" ", remarks);
      java.util.regex.Matcher trailing = TRAILING_REMARK.matcher(value.flat());
      if (printed.size() - remarks.size() == 1 && trailing.matches()) {
        remark = remark == null ? trailing.group(2) : trailing.group(2) + " " + remark;
        value = new GridCell(trailing.group(1), cell.lineIndex(), cell.origin());
      }
      Problem problem = problemBeforeParsing(ir, col, value, cellLine);
      ParsedValue v = problem == null ? parser.parse(value.flat()) : null;
      if (problem == null && !v.ok()) problem = new Problem(v.errorCode(), doc.displayName() + " " + doc.where(cellLine) + ": " + v.errorMessage());
      if (problem == null && v.unitPrinted() != null && catalog.unit(v.unitPrinted()).isEmpty() && ir.indicator().isPresent()
          && !(magnitude(v.unitPrinted()) != null && ir.unit() != null)) {
        problem = new Problem(QuarantineReason.UNKNOWN_UNIT, doc.displayName() + " " + doc.where(cellLine) + ": unit '" + v.unitPrinted()
            + "' in '" + cell.flat() + "' is not in the unit table, so it cannot be converted to " + ir.indicator().get().unit());
      }
      if (problem == null && region == null) {
        problem = new Problem(QuarantineReason.REGION_NOT_IDENTIFIED,
            "the document's region could not be identified; value at line " + cellLine + " kept here");
      }
      if (problem != null) {
        sink.quarantine(quarantined(doc, region, table, cell, cellLine, col.index(), col.header(), ir.labelRaw(), problem.reason(),
            problem.message()));
        return;
      }
      sink.observe(observation(ir, col, cell, cellLine, v, remark));
    }

    /** What keeps a cell from being read at all: its column, a repeated indicator, several numbers, an unknown unit. */
    private Problem problemBeforeParsing(IndicatorRow ir, ColumnRoles.Column col, GridCell cell, int cellLine) {
      if (col.role() == ColumnRole.UNKNOWN) {
        return new Problem(QuarantineReason.UNKNOWN_COLUMN, "column '" + col.header() + "' of table " + table.tableRef()
            + " is neither base, target nor actual (" + doc.where(cellLine) + ")");
      }
      if (ir.firstSeenAt() != null) {
        return new Problem(QuarantineReason.DUPLICATE_ROW, "indicator '" + ir.label().name() + "' appears again at line " + ir.line()
            + " of table " + table.tableRef() + "; first at line " + ir.firstSeenAt());
      }
      if (isMultiValue(cell)) {
        return new Problem(QuarantineReason.MULTI_VALUE_CELL, "cell at line " + cellLine + " of table " + table.tableRef()
            + " holds several numbers on separate lines (" + String.join(" / ", cell.printedLines()) + "); which one is meant is not guessed");
      }
      if (ir.unitUnknown() && ir.indicator().isPresent()) {
        return new Problem(QuarantineReason.UNKNOWN_UNIT, "unit '" + ir.unit() + "' of row '" + ir.labelRaw() + "' (" + doc.where(ir.line())
            + ") is not in the unit table");
      }
      return null;
    }

    private Observation observation(IndicatorRow ir, ColumnRoles.Column col, GridCell cell, int cellLine, ParsedValue v, String remark) {
      TreeSet<String> flags = new TreeSet<>();
      if (ir.label().marked()) flags.add(QualityFlags.INDICATOR_MARKED);
      if (ir.indicator().isEmpty()) flags.add(QualityFlags.UNKNOWN_INDICATOR);
      if (!ir.attributeText().isEmpty() && ir.attribute() == null) flags.add(QualityFlags.ATTRIBUTE_UNRECOGNIZED);
      TableNotes.Attached attached = notes.attach(ir.label().name(), col.year(), v, ir.label().marked());
      if (attached.revised()) flags.add(QualityFlags.REVISED);
      if (attached.scope()) flags.add(QualityFlags.SCOPE_NOTE);
      if (v.footnoteMarker() && !attached.markerExplained()) flags.add(QualityFlags.FOOTNOTE_UNEXPLAINED);
      if (v.inStatement()) flags.add(QualityFlags.VALUE_IN_STATEMENT);
      // a magnitude alone after the number (1.2万 in a row whose unit is 亿元): the number times it, in the row's unit
      java.math.BigDecimal number = v.number();
      String cellUnit = v.unitPrinted();
      if (number != null && magnitude(cellUnit) != null && ir.unit() != null) {
        number = number.multiply(magnitude(cellUnit));
        cellUnit = ir.unit();
      }
      if (ir.unitUnknown() || cellUnit != null && catalog.unit(cellUnit).isEmpty()) flags.add(QualityFlags.UNIT_NOT_IN_TABLE);
      Double value = null;
      String unit = ir.indicator().map(i -> i.unit().isEmpty() ? null : i.unit()).orElse(ir.unit());
      String unitRaw = v.unitPrinted() != null ? v.unitPrinted() : ir.unit();
      if (v.kind() == ValueKind.NUMBER) {
        UnitConversion.Result conv = UnitConversion.convert(catalog, ir.indicator().orElse(null), number, cellUnit, ir.unit(), flags);
        value = conv.value().doubleValue();
        unit = conv.unit();
      } else if (v.kind() == ValueKind.RATIO) {
        unit = null;
      }
      // a range is kept as its two bounds, each converted like a number; never as one value
      Double low = null;
      Double high = null;
      if (v.kind() == ValueKind.RANGE && v.number() != null && v.upper() != null) {
        UnitConversion.Result lo = UnitConversion.convert(catalog, ir.indicator().orElse(null), v.number(), v.unitPrinted(), ir.unit(), flags);
        UnitConversion.Result hi = UnitConversion.convert(catalog, ir.indicator().orElse(null), v.upper(), v.unitPrinted(), ir.unit(), flags);
        low = lo.value().doubleValue();
        high = hi.value().doubleValue();
        unit = lo.unit();
      }
      String file = doc.fileName();
      // a five-year total: bracketed or 累计 in the cell, or a totals row (合计) of a plan by year; for an indicator outside
      // the catalog also 累计 in its label
      // (累计新增公共停车泊位, 五年累计…) — a catalog indicator's aliases say what its plain cells are
      boolean cumulative = v.cumulative() || ir.totals() || v.kind() == ValueKind.NUMBER && ir.indicator().isEmpty() && ir.label().name().contains("累计");
      return new Observation(
          cellId(file, cellLine, table.tableRef(), col.index()),
          region.code(), region.name(), col.periodOr(period).code(),
          ir.indicator().map(Indicator::id).orElse(null), ir.label().name(),
          col.role().observationRole().code(), col.year(), v.kind().code(), value, low, high, unit,
          cell.flat(), unitRaw, v.comparator(), cumulative, v.annual() || col.perYear() && !cumulative, ir.attribute(),
          join(join(remark, attached.text()), ir.note()), SourceKind.TABLE.code(), file, cellLine, doc.locatorAt(cellLine),
          table.tableRef(), col.header(),
          String.join(";", flags));
    }
  }

  /**
   * A 类型 / 类别 column whose cells are 约束性 / 预期性 (松江: 序号 / 类别 / 指标项 / … / 类型) is the table's 属性 column, by
   * what it holds: when the table has no 属性 header and most of the column's cells are attribute words.
   */
  private static void attributesByContent(List<ColumnRoles.Column> columns, List<List<GridCell>> rows, int bodyRow) {
    if (columns.stream().anyMatch(c -> c.role() == ColumnRole.ATTRIBUTE)) return;
    for (int i = 0; i < columns.size(); i++) {
      ColumnRoles.Column c = columns.get(i);
      if (c.role() != ColumnRole.CATEGORY) continue;
      int filled = 0;
      int attributes = 0;
      for (int r = Math.max(bodyRow, 0); r < rows.size(); r++) {
        if (c.index() >= rows.get(r).size() || !rows.get(r).get(c.index()).origin() || rows.get(r).get(c.index()).blank()) continue;
        filled++;
        if (ATTRIBUTE_WORD.matcher(rows.get(r).get(c.index()).flat()).find()) attributes++;
      }
      if (filled > 0 && attributes * 2 > filled) {
        columns.set(i, new ColumnRoles.Column(c.index(), c.header(), ColumnRole.ATTRIBUTE, null));
        return;
      }
    }
  }

  static String cellId(String file, int line, String tableRef, int col) {
    return file + ":L" + line + ":" + tableRef + ":c" + col;
  }

  /** The rows after the header: further header rows continue it while their label cell is covered by the header's or blank and none of their own cells is a plain value. */
  private static int headerEnd(List<List<GridCell>> rows, int headerRow) {
    List<GridCell> header = rows.get(headerRow);
    int labelCol = -1;
    for (int c = 0; c < header.size(); c++) if (HeaderWords.isLabel(header.get(c).flat())) labelCol = c;
    int r = headerRow + 1;
    while (r < rows.size() && r < headerRow + MAX_HEADER_ROWS) {
      List<GridCell> row = rows.get(r);
      boolean labelCovered = labelCol >= 0 && labelCol < row.size() && (!row.get(labelCol).origin() || row.get(labelCol).blank());
      boolean allHeaderWords = row.stream().filter(c -> c.origin() && !c.blank()).allMatch(c -> HeaderWords.isHeader(c.flat()))
          && row.stream().anyMatch(c -> c.origin() && !c.blank());
      if (!labelCovered || !allHeaderWords) break;
      r++;
    }
    return r;
  }

  /** Each column's header path: the texts above it in the header rows, top down, a text repeated by a span kept once. */
  private static List<List<String>> headerPaths(List<List<GridCell>> rows, int from, int to) {
    int width = 0;
    for (int r = from; r < to; r++) width = Math.max(width, rows.get(r).size());
    List<List<String>> paths = new ArrayList<>(width);
    for (int c = 0; c < width; c++) {
      List<String> path = new ArrayList<>();
      for (int r = from; r < to; r++) {
        if (c >= rows.get(r).size()) continue;
        String t = rows.get(r).get(c).flat();
        if (!t.isEmpty() && (path.isEmpty() || !path.get(path.size() - 1).equals(t))) path.add(t);
      }
      paths.add(List.copyOf(path));
    }
    return paths;
  }

  /** The latest period the headers name (“十五五”目标值) or end in (2025年). */
  private static PlanPeriod periodFromHeaders(List<List<String>> paths) {
    PlanPeriod best = null;
    for (List<String> path : paths) {
      String h = String.join("", path);
      var named = PERIOD_NAME.matcher(h);
      while (named.find()) {
        PlanPeriod p = PlanPeriod.fromText(named.group());
        if (best == null || p.number() > best.number()) best = p;
      }
      var years = YEAR.matcher(h);
      while (years.find()) {
        PlanPeriod p = PlanPeriod.endingIn(Integer.parseInt(years.group(1)));
        if (p != null && (best == null || p.number() > best.number())) best = p;
      }
    }
    return best;
  }

  /** A row printed short because a merged grouping cell (类别, 一级指标) stands only in the first row of its group. */
  private static List<GridCell> withGroupsFrom(List<GridCell> previous, List<GridCell> row, List<Integer> missing) {
    List<GridCell> out = new ArrayList<>(row.size() + missing.size());
    int k = 0;
    for (int c = 0; c < row.size() + missing.size(); c++) {
      if (missing.contains(c)) out.add(c < previous.size() ? previous.get(c).covered() : GridCell.BLANK);
      else out.add(row.get(k++));
    }
    return out;
  }

  /** A row that only names a section (一、就业, or a category/group standing alone) and holds no value. */
  private boolean isSectionRow(List<GridCell> row, List<ColumnRoles.Column> columns) {
    List<GridCell> own = row.stream().filter(c -> c.origin() && !c.blank()).toList();
    if (own.size() != 1) return false;
    String text = own.get(0).flat();
    if (TextTableReader.isSection(text)) return true;
    for (ColumnRoles.Column c : columns) {
      if (c.role().holdsValues() && c.index() < row.size() && !row.get(c.index()).blank()) return false;
    }
    return catalog.byLabel(LabelParts.parse(text).name()).isEmpty();
  }

  private static boolean isMultiValue(GridCell cell) {
    return cell.printedLines().stream().filter(l -> HAS_DIGIT.matcher(l).find()).count() >= 2;
  }

  private void reportUnknownColumns(PlanDocument doc, Region region, RawTable table, List<ColumnRoles.Column> columns,
      List<List<GridCell>> rows, int bodyRow, PlanPeriod period, ExtractionSink sink) {
    Set<String> unknown = new LinkedHashSet<>();
    for (ColumnRoles.Column c : columns) if (c.role() == ColumnRole.UNKNOWN) unknown.add("'" + c.header() + "'");
    if (unknown.isEmpty()) return;
    sink.findings.add(finding(doc, region, UNKNOWN_COLUMN, period, line(doc, table.anchorLineIndex()),
        "column(s) " + String.join(", ", unknown) + " of table " + table.tableRef() + " (" + doc.where(line(doc, table.anchorLineIndex()))
            + ") are neither label, unit, attribute, note nor base/target/actual: numbers in them are quarantined as unknown_column, text is kept in the bronze cells"));
  }

  private static String rowNote(List<GridCell> row, List<ColumnRoles.Column> columns) {
    List<String> parts = new ArrayList<>();
    for (ColumnRoles.Column c : columns) {
      boolean noteLike = c.role() == ColumnRole.NOTE
          || c.role() == ColumnRole.UNKNOWN && c.index() < row.size() && !HAS_DIGIT.matcher(row.get(c.index()).flat()).find();
      if (noteLike && c.index() < row.size() && !row.get(c.index()).blank()) parts.add(c.header() + ": " + row.get(c.index()).flat());
    }
    return parts.isEmpty() ? null : String.join(" | ", parts);
  }

  private static String join(String a, String b) {
    if (a == null) return b;
    if (b == null) return a;
    return a + " | " + b;
  }

  private static int indexOf(List<ColumnRoles.Column> columns, ColumnRole role) {
    return columns.stream().filter(c -> c.role() == role).mapToInt(ColumnRoles.Column::index).findFirst().orElse(-1);
  }

  /** 万, 亿, 千, 百 printed alone as a value's unit: the factor it multiplies by; null for anything else. */
  private static java.math.BigDecimal magnitude(String unit) {
    if (unit == null) return null;
    return switch (unit) {
      case "万" -> java.math.BigDecimal.valueOf(10_000);
      case "亿" -> java.math.BigDecimal.valueOf(100_000_000);
      case "千" -> java.math.BigDecimal.valueOf(1_000);
      case "百" -> java.math.BigDecimal.valueOf(100);
      default -> null;
    };
  }

  private static String attribute(String text) {
    String t = text.replaceAll("\\s", "");
    if (t.contains("约束")) return "binding";
    if (t.contains("预期")) return "anticipatory";
    return null;
  }

  private Outcome notRead(PlanDocument doc, Region region, RawTable table, int fromRow, ExtractionSink sink, QuarantineReason code,
      String message) {
    int cells = 0;
    for (int r = Math.max(fromRow, 0); r < table.rows().size(); r++) {
      List<GridCell> row = table.rows().get(r);
      List<GridCell> own = row.stream().filter(c -> c.origin() && !c.blank()).toList();
      if (own.size() <= 1 && (own.isEmpty() || TextTableReader.isSection(own.get(0).flat()))) continue;
      for (int c = 1; c < row.size(); c++) {
        GridCell cell = row.get(c);
        if (cell.blank() || !cell.origin()) continue;
        sink.valueCells++;
        cells++;
        sink.quarantine(quarantined(doc, region, table, cell, line(doc, Grid.rowLineIndex(row)), c, null, row.get(0).flat(), code,
            doc.displayName() + ": " + message));
      }
    }
    sink.findings.add(finding(doc, region, TABLE_NOT_READ, null, line(doc, table.anchorLineIndex()),
        message + "; " + cells + " cell(s) quarantined as " + code.code()));
    return Outcome.NOT_READ;
  }

  static Finding finding(PlanDocument doc, Region region, String type, PlanPeriod period, int line, String detail) {
    return new Finding(PlanDocument.sha256(type + "|" + doc.fileName() + "|" + line + "|" + detail).substring(0, 16), type,
        Finding.ERROR, region == null ? null : region.code(), null, period == null ? null : period.code(), null,
        doc.displayName() + " " + doc.where(line) + ": " + detail, doc.fileName(), line < 0 ? "" : String.valueOf(line));
  }

  private static String text(List<GridCell> row, int col) {
    return col >= 0 && col < row.size() ? row.get(col).flat() : null;
  }

  private static int line(PlanDocument doc, int index) {
    return index >= 0 && index < doc.size() ? doc.sourceLine(index) : -1;
  }

  private static QuarantinedCell quarantined(PlanDocument doc, Region region, RawTable table, GridCell cell, int rowLine, int col,
      String header, String rowLabel, QuarantineReason code, String message) {
    int line = cell.lineIndex() >= 0 ? doc.sourceLine(cell.lineIndex()) : rowLine;
    return new QuarantinedCell(cellId(doc.fileName(), line, table.tableRef(), col), doc.fileName(), line, doc.locatorAt(line),
        "table_cell", code.code(),
        message.startsWith(doc.displayName()) ? message : doc.displayName() + ": " + message, cell.flat(),
        region == null ? null : region.code(), table.tableRef(), header, rowLabel);
  }

  private static void bronze(PlanDocument doc, RawTable table, int headerRow, int bodyRow, ExtractionSink sink) {
    List<List<GridCell>> rows = table.rows();
    for (int r = 0; r < rows.size(); r++) {
      List<GridCell> row = rows.get(r);
      String type = headerRow < 0 ? "body" : r < headerRow ? "preamble" : r < bodyRow ? "header" : "body";
      for (int c = 0; c < row.size(); c++) {
        if (!row.get(c).origin()) continue;
        sink.rawCells.add(raw(doc, table, r, c, type, row.get(c)));
      }
    }
    for (int n = 0; n < table.notes().size(); n++) sink.rawCells.add(raw(doc, table, -1, n, "note", table.notes().get(n)));
  }

  private static RawCell raw(PlanDocument doc, RawTable table, int r, int c, String type, GridCell cell) {
    int line = cell.lineIndex() >= 0 ? doc.sourceLine(cell.lineIndex()) : -1;
    return new RawCell(doc.fileName() + ":" + table.tableRef() + ":r" + r + ":c" + c, doc.fileName(), doc.sha256(),
        table.tableRef(), table.title(), table.layout(), r, c, null, type, cell.flat(), line, line > 0 ? doc.locatorAt(line) : null);
  }
}
