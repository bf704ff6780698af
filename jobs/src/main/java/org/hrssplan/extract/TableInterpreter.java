package org.hrssplan.extract;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.hrssplan.catalog.Indicator;
import org.hrssplan.catalog.IndicatorCatalog;
import org.hrssplan.document.PlanDocument;
import org.hrssplan.document.Region;

/**
 * Turns a {@link RawTable} into observations: finds the header row, gives each column its role and year
 * ({@link ColumnRoles}), skips section rows (一、就业), reads each indicator row's label, attribute and value
 * cells, attaches the table's notes, and sends every value cell either to the observations or to quarantine
 * with a reason. Every cell read lands in the bronze cells too.
 */
final class TableInterpreter {
  private static final Pattern SECTION = Pattern.compile("^\\*?[一二三四五六七八九十]+[、.].*");

  private final IndicatorCatalog catalog;
  private final ValueParser parser;

  TableInterpreter(IndicatorCatalog catalog) {
    this.catalog = catalog;
    this.parser = new ValueParser(catalog);
  }

  void interpret(PlanDocument doc, Region region, RawTable table, ExtractionSink sink) {
    sink.tables++;
    String file = doc.fileName();
    int headerRow = findHeaderRow(table);
    // bronze: all cells as read
    for (int r = 0; r < table.rows().size(); r++) {
      List<TextCell> row = table.rows().get(r);
      for (int c = 0; c < row.size(); c++) {
        TextCell cell = row.get(c);
        String type = r < headerRow ? "preamble" : r == headerRow ? "header" : "body";
        sink.rawCells.add(raw(doc, table, r, c, null, type, cell));
      }
    }
    for (int n = 0; n < table.notes().size(); n++) {
      sink.rawCells.add(raw(doc, table, -1, n, null, "note", table.notes().get(n)));
    }
    if (headerRow < 0) {
      quarantineWholeTable(doc, region, table, 0, sink, "table_header_not_found",
          "no header row with 指标 in table " + table.tableRef() + " (line " + line(doc, table.titleLineIndex()) + ")");
      return;
    }
    List<String> headers = table.rows().get(headerRow).stream().map(TextCell::trimmed).toList();
    PlanPeriod period = PlanPeriod.fromText(table.title());
    if (period == null) period = periodFromHeaders(headers);
    if (period == null) {
      quarantineWholeTable(doc, region, table, headerRow + 1, sink, "plan_period_unknown",
          "table " + table.tableRef() + " (line " + line(doc, table.titleLineIndex()) + ") names no plan period (十X五) and no period years");
      return;
    }
    boolean completion = table.title().contains("完成");
    List<ColumnRoles.Column> columns = ColumnRoles.assign(headers, period, completion);
    int labelCol = columns.stream().filter(c -> c.role() == ColumnRole.LABEL).mapToInt(ColumnRoles.Column::index).findFirst().orElse(-1);
    int attrCol = columns.stream().filter(c -> c.role() == ColumnRole.ATTRIBUTE).mapToInt(ColumnRoles.Column::index).findFirst().orElse(-1);
    if (labelCol < 0 || columns.stream().noneMatch(c -> c.role().holdsValues())) {
      quarantineWholeTable(doc, region, table, headerRow + 1, sink, "table_header_not_understood",
          "header " + headers + " of table " + table.tableRef() + " (line " + line(doc, table.titleLineIndex()) + ") has no 指标 or no value column");
      return;
    }
    TableNotes notes = new TableNotes(table.notes());
    Map<String, Integer> seenIndicators = new HashMap<>();
    for (int r = headerRow + 1; r < table.rows().size(); r++) {
      List<TextCell> row = table.rows().get(r);
      if (isSectionRow(row)) continue;
      int rowLine = firstLine(doc, row);
      if (row.size() != columns.size()) {
        String reason = row.size() < columns.size() ? "row_too_few_cells" : "row_too_many_cells";
        String msg = "row at line " + rowLine + " of table " + table.tableRef() + " has " + row.size()
            + " cells, the header has " + columns.size();
        for (int c = 0; c < row.size(); c++) {
          if (c == labelCol && row.size() > 1) continue;
          if (row.get(c).blank()) continue;
          sink.valueCells++;
          sink.quarantine(quarantined(doc, region, table, row.get(c), rowLine, c, null, labelText(row, labelCol), reason, msg));
        }
        continue;
      }
      sink.indicatorRows++;
      String labelRaw = row.get(labelCol).trimmed();
      LabelParts label = LabelParts.parse(labelRaw);
      Optional<Indicator> indicator = catalog.byLabel(label.name());
      String attrText = attrCol >= 0 ? row.get(attrCol).trimmed() : "";
      String attribute = attribute(attrText);
      String dupKey = indicator.map(Indicator::id).orElse("label:" + IndicatorCatalog.nameKey(label.name()));
      Integer firstSeen = seenIndicators.putIfAbsent(dupKey, rowLine);
      boolean labelUnitUnknown = label.unitRaw() != null && catalog.unit(label.unitRaw()).isEmpty();
      for (ColumnRoles.Column col : columns) {
        if (!col.role().holdsValues() && col.role() != ColumnRole.UNKNOWN) continue;
        TextCell cell = row.get(col.index());
        sink.valueCells++;
        int cellLine = cell.lineIndex() >= 0 ? doc.sourceLine(cell.lineIndex()) : rowLine;
        if (col.role() == ColumnRole.UNKNOWN) {
          sink.quarantine(quarantined(doc, region, table, cell, cellLine, col.index(), col.header(), labelRaw, "unknown_column",
              "column '" + col.header() + "' of table " + table.tableRef() + " is neither base, target nor actual (line " + cellLine + ")"));
          continue;
        }
        if (firstSeen != null) {
          sink.quarantine(quarantined(doc, region, table, cell, cellLine, col.index(), col.header(), labelRaw, "duplicate_row",
              "indicator '" + label.name() + "' appears again at line " + rowLine + " of table " + table.tableRef()
                  + "; first at line " + firstSeen));
          continue;
        }
        if (labelUnitUnknown) {
          sink.quarantine(quarantined(doc, region, table, cell, cellLine, col.index(), col.header(), labelRaw, "unknown_unit",
              "unit '" + label.unitRaw() + "' of label '" + labelRaw + "' (line " + rowLine + ") is not in the unit table"));
          continue;
        }
        ParsedValue v = parser.parse(cell.text());
        if (!v.ok()) {
          sink.quarantine(quarantined(doc, region, table, cell, cellLine, col.index(), col.header(), labelRaw, v.errorCode(),
              file + " line " + cellLine + ": " + v.errorMessage()));
          continue;
        }
        if (region == null) {
          sink.quarantine(quarantined(doc, null, table, cell, cellLine, col.index(), col.header(), labelRaw, "region_not_identified",
              "the document's region could not be identified; value at line " + cellLine + " kept here"));
          continue;
        }
        TreeSet<String> flags = new TreeSet<>();
        if (label.marked()) flags.add(QualityFlags.INDICATOR_MARKED);
        if (indicator.isEmpty()) flags.add(QualityFlags.UNKNOWN_INDICATOR);
        if (!attrText.isEmpty() && attribute == null) flags.add(QualityFlags.ATTRIBUTE_UNRECOGNIZED);
        TableNotes.Attached attached = notes.attach(label.name(), col.year(), v, label.marked());
        if (attached.revised()) flags.add(QualityFlags.REVISED);
        if (attached.scope()) flags.add(QualityFlags.SCOPE_NOTE);
        if (v.footnoteMarker() && !attached.markerExplained()) flags.add(QualityFlags.FOOTNOTE_UNEXPLAINED);
        Double value = null;
        String unit = indicator.map(i -> i.unit().isEmpty() ? null : i.unit()).orElse(label.unitRaw());
        String unitRaw = v.unitPrinted() != null ? v.unitPrinted() : label.unitRaw();
        if (v.kind() == ValueKind.NUMBER) {
          UnitConversion.Result conv = UnitConversion.convert(catalog, indicator.orElse(null), v.number(), v.unitPrinted(),
              label.unitRaw(), flags);
          value = conv.value().doubleValue();
          unit = conv.unit();
        } else if (v.kind() == ValueKind.RATIO) {
          unit = null;
        }
        sink.observe(new Observation(
            cellId(file, cellLine, table.tableRef(), col.index()),
            region.code(), region.name(), period.code(),
            indicator.map(Indicator::id).orElse(null), label.name(),
            col.role().code(), col.year(), v.kind().code(), value, unit,
            cell.trimmed(), unitRaw, v.comparator(), v.cumulative(), v.annual(), attribute,
            attached.text(), Observation.SOURCE_TABLE, file, cellLine, table.tableRef(), col.header(),
            String.join(";", flags)));
      }
    }
  }

  static String cellId(String file, int line, String tableRef, int col) {
    return file + ":L" + line + ":" + tableRef + ":c" + col;
  }

  private static String attribute(String text) {
    String t = text.replaceAll("\\s", "");
    if (t.contains("约束")) return "binding";
    if (t.contains("预期")) return "anticipatory";
    return null;
  }

  private static boolean isSectionRow(List<TextCell> row) {
    List<TextCell> nonBlank = row.stream().filter(c -> !c.blank()).toList();
    return nonBlank.size() == 1 && SECTION.matcher(nonBlank.get(0).trimmed()).matches();
  }

  private static int findHeaderRow(RawTable table) {
    for (int r = 0; r < table.rows().size(); r++) {
      for (TextCell c : table.rows().get(r)) {
        String h = c.trimmed().replaceAll("\\s", "");
        if (h.equals("指标") || h.equals("指标名称")) return r;
      }
    }
    return -1;
  }

  private static PlanPeriod periodFromHeaders(List<String> headers) {
    int max = -1;
    for (String h : headers) {
      var m = Pattern.compile("(20\\d\\d)").matcher(h);
      while (m.find()) max = Math.max(max, Integer.parseInt(m.group(1)));
    }
    return max < 0 ? null : PlanPeriod.endingIn(max);
  }

  private void quarantineWholeTable(PlanDocument doc, Region region, RawTable table, int fromRow, ExtractionSink sink,
      String code, String message) {
    for (int r = Math.max(fromRow, 0); r < table.rows().size(); r++) {
      List<TextCell> row = table.rows().get(r);
      if (isSectionRow(row)) continue;
      for (int c = 1; c < row.size(); c++) {
        TextCell cell = row.get(c);
        if (cell.blank()) continue;
        sink.valueCells++;
        sink.quarantine(quarantined(doc, region, table, cell, firstLine(doc, row), c, null, row.get(0).trimmed(), code,
            doc.fileName() + ": " + message));
      }
    }
  }

  private static String labelText(List<TextCell> row, int labelCol) {
    return labelCol >= 0 && labelCol < row.size() ? row.get(labelCol).trimmed() : null;
  }

  private static int firstLine(PlanDocument doc, List<TextCell> row) {
    for (TextCell c : row) if (c.lineIndex() >= 0) return doc.sourceLine(c.lineIndex());
    return -1;
  }

  private static int line(PlanDocument doc, int index) {
    return index >= 0 && index < doc.size() ? doc.sourceLine(index) : -1;
  }

  private static QuarantinedCell quarantined(PlanDocument doc, Region region, RawTable table, TextCell cell, int rowLine, int col,
      String header, String rowLabel, String code, String message) {
    int line = cell.lineIndex() >= 0 ? doc.sourceLine(cell.lineIndex()) : rowLine;
    return new QuarantinedCell(cellId(doc.fileName(), line, table.tableRef(), col), doc.fileName(), line, "table_cell", code,
        message.startsWith(doc.fileName()) ? message : doc.fileName() + ": " + message, cell.trimmed(),
        region == null ? null : region.code(), table.tableRef(), header, rowLabel);
  }

  private static RawCell raw(PlanDocument doc, RawTable table, int r, int c, String header, String type, TextCell cell) {
    int line = cell.lineIndex() >= 0 ? doc.sourceLine(cell.lineIndex()) : -1;
    return new RawCell(doc.fileName() + ":" + table.tableRef() + ":r" + r + ":c" + c, doc.fileName(), doc.sha256(),
        table.tableRef(), table.title(), table.layout().code(), r, c, header, type, cell.trimmed(), line);
  }
}
