package org.hrssplan.synth;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.hrssplan.catalog.Indicator;
import org.hrssplan.catalog.IndicatorCatalog;
import org.hrssplan.catalog.IndicatorKind;
import org.hrssplan.catalog.Polarity;
import org.hrssplan.document.TextFolding;

/**
 * One synthetic 十四五 plan of one region, and the observations the extractor must read from it.
 *
 * <p>The document mirrors the seeds: title naming the region, an introduction, a 十三五 review with the
 * completion table (2015 base, 2020 target, 2020 actual), the 十四五 goal section whose sentences state
 * targets, the 十四五 indicator table (2020 base, 2025 target), later chapters with a project box. Every
 * expected row is computed while writing, from the line number and the printed form of each value.
 */
final class SyntheticPlan {
  private static final Pattern CUMULATIVE_WORDS = Pattern.compile("累计|[5五]年内");
  private static final Pattern ANNUAL_WORDS = Pattern.compile("每年|年均");
  private static final String UNIT_ASSUMED = "unit_assumed";
  private static final String INDICATOR_MARKED = "indicator_marked";

  /** What was written: the file's name and bytes, its layout, and the expected rows in document order. */
  record Written(String fileName, byte[] bytes, SynthLayout layout, List<ExpectedObservation> expected) {}

  private final IndicatorCatalog catalog;
  private final SyntheticRegion region;
  private final SynthLayout layout;
  private final SynthFormat format;
  private final SplittableRandom rng;
  private final CellStyler styler;
  private final List<ExpectedObservation> expected = new ArrayList<>();

  private SyntheticPlan(IndicatorCatalog catalog, SyntheticRegion region, SynthLayout layout, SynthFormat format, SplittableRandom rng) {
    this.catalog = catalog;
    this.region = region;
    this.layout = layout;
    this.format = format;
    this.rng = rng;
    this.styler = new CellStyler(catalog, rng, layout.fullWidthSymbols(), layout.missingForms());
  }

  static Written write(IndicatorCatalog catalog, SyntheticRegion region, int ordinal, SplittableRandom rng, CorpusShapes shapes,
      PlanPrinter printer) {
    return new SyntheticPlan(catalog, region, shapes.layout(ordinal), shapes.format(ordinal), rng).write(printer);
  }

  private Written write(PlanPrinter printer) {
    // ---- what the plan is about: a subset of the catalog, in catalog order (tables group it by category)
    List<Indicator> all = new ArrayList<>(catalog.indicators());
    RegionRoster.shuffle(all, rng);
    int n = SynthVocabulary.MIN_INDICATORS + rng.nextInt(SynthVocabulary.MAX_INDICATORS - SynthVocabulary.MIN_INDICATORS + 1);
    List<Indicator> chosen = new ArrayList<>(catalog.indicators());
    chosen.retainAll(all.subList(0, n));
    // a 单位 cell that is never blank has nothing to print for an indicator without a unit (动态清零, 高:中:初)
    if (layout.unitCellAlways()) chosen.removeIf(ind -> ind.unit().isEmpty());
    Map<Indicator, IndicatorSeries> series = new LinkedHashMap<>();
    List<Indicator> in13 = new ArrayList<>();
    List<Indicator> in14 = new ArrayList<>();
    List<Indicator> inProse = new ArrayList<>();
    for (Indicator ind : chosen) {
      series.put(ind, IndicatorSeries.draw(ind, rng));
      boolean a = rng.nextDouble() < 0.6;
      boolean b = rng.nextDouble() < 0.75;
      boolean p = proseable(ind) && rng.nextDouble() < SynthVocabulary.PROSE_SHARE;
      if (!a && !b && !p) b = true;
      if (a) in13.add(ind);
      if (b) in14.add(ind);
      if (p) inProse.add(ind);
    }
    topUp(in13, chosen, 3, false);
    topUp(in14, chosen, 3, false);
    topUp(inProse, chosen, SynthVocabulary.MIN_PROSE_TARGETS, true);
    while (inProse.size() > SynthVocabulary.MAX_PROSE_TARGETS) inProse.remove(inProse.size() - 1);

    // ---- the document
    String full = region.name();
    String level = region.levelChar();
    String documentTitle = String.format(pick(SynthVocabulary.TITLE_FORMS), full);
    DocumentLines doc = layout == SynthLayout.HTML ? DocumentLines.html(documentTitle)
        : layout == SynthLayout.RULED ? DocumentLines.laidOut() : new DocumentLines();
    TableWriter tables = new TableWriter(rng);
    doc.add(documentTitle);
    doc.blank();
    doc.add(String.format(SynthVocabulary.INTRO, full, region.shortName()));
    doc.blank();
    doc.add(SynthVocabulary.CHAPTER_REVIEW);
    doc.add(SynthVocabulary.SECTION_ACHIEVEMENTS);
    List<String> review = SynthVocabulary.REVIEW_PARAGRAPHS;
    doc.add(String.format(review.get(0), full, level));
    for (int i = 1; i < review.size(); i++) if (rng.nextBoolean()) doc.add(review.get(i));
    doc.blank();
    tables.write(layout, table13(in13, series), doc, this::tableCell);
    doc.add(SynthVocabulary.SECTION_SITUATION);
    SynthVocabulary.SITUATION_PARAGRAPHS.forEach(doc::add);
    doc.add(SynthVocabulary.CHAPTER_REQUIREMENTS);
    doc.add(SynthVocabulary.SECTION_GUIDANCE);
    doc.add(SynthVocabulary.GUIDANCE);
    doc.add(pick(SynthVocabulary.GOAL_HEADINGS));
    doc.add(String.format(SynthVocabulary.GOAL_INTRO, level));
    PlanTable t14 = table14(in14, series);
    writeGoals(doc, inProse, series, in14);
    doc.add(SynthVocabulary.VISION_HEADING);
    doc.add(SynthVocabulary.VISION);
    doc.blank();
    tables.write(layout, t14, doc, this::tableCell);
    int chapters = 2 + rng.nextInt(SynthVocabulary.LATER_CHAPTERS.size() - 1);
    for (int c = 0; c < chapters; c++) {
      doc.add(SynthVocabulary.LATER_CHAPTERS.get(c));
      List<String> paragraphs = SynthVocabulary.LATER_PARAGRAPHS.get(c);
      doc.add(paragraphs.get(0));
      if (c == 0 && rng.nextBoolean()) {
        doc.add(String.format(SynthVocabulary.PROJECT_BOX_TITLE, 3));
        SynthVocabulary.PROJECT_BOX_LINES.forEach(doc::add);
      }
      for (int k = 1; k < paragraphs.size(); k++) if (rng.nextBoolean()) doc.add(paragraphs.get(k));
    }
    confirmTables();
    if (!doc.isLaidOut()) {
      return new Written(region.sourceFile(), doc.text().getBytes(java.nio.charset.StandardCharsets.UTF_8), layout,
          expected.stream().map(e -> e.at(e.sourceLine(), "L" + e.sourceLine())).toList());
    }
    PlanPrinter.Printed printed = printer.print(format, documentTitle, doc.printed());
    return new Written(region.sourceFile(), printed.bytes(), layout,
        expected.stream().map(e -> e.at(0, printed.locators().get(e.sourceLine()))).toList());
  }

  private static boolean proseable(Indicator ind) {
    return !SynthVocabulary.NOT_IN_PROSE.contains(ind.id()) && ind.kind() != IndicatorKind.QUALITATIVE
        && ind.kind() != IndicatorKind.RATIO;
  }

  /** Adds indicators from {@code pool} until {@code list} has {@code min} (a table of fewer rows would be odd). */
  private static void topUp(List<Indicator> list, List<Indicator> pool, int min, boolean proseOnly) {
    for (Indicator ind : pool) {
      if (list.size() >= min) return;
      if (!list.contains(ind) && (!proseOnly || proseable(ind))) list.add(ind);
    }
  }

  private <T> T pick(List<T> options) {
    return options.get(rng.nextInt(options.size()));
  }

  // ------------------------------------------------------------------ tables
  private PlanTable table13(List<Indicator> rows, Map<Indicator, IndicatorSeries> series) {
    String title = switch (layout) {
      case BARE_LINES -> String.format(SynthVocabulary.TITLE_13_BARE, region.shortName());
      case BLANK_CELLS -> untitledOr(SynthVocabulary.BLANK_TITLES_13);
      case HTML -> pick(SynthVocabulary.HTML_TITLES_13);
      default -> SynthVocabulary.TITLE_13;
    };
    List<String> valueHeaders = switch (layout) {
      // the headers alone name the period: a table without title or with 主要指标表 is still read as 十三五
      case BLANK_CELLS -> List.of(pick(SynthVocabulary.BASE_15_HEADERS), pick(SynthVocabulary.BLANK_TARGET_20_HEADERS),
          pick(SynthVocabulary.BLANK_ACTUAL_20_HEADERS));
      // base beside, target and actual under “十三五”时期
      case HTML, RULED -> List.of(pick(SynthVocabulary.BASE_15_HEADERS), pick(SynthVocabulary.SPANNED_TARGET_20_HEADERS),
          pick(SynthVocabulary.SPANNED_ACTUAL_20_HEADERS));
      default -> List.of(pick(SynthVocabulary.BASE_15_HEADERS), pick(SynthVocabulary.TARGET_20_HEADERS),
          pick(SynthVocabulary.ACTUAL_20_HEADERS));
    };
    List<PlanTable.Column> columns = List.of(new PlanTable.Column("base", 2015), new PlanTable.Column("target", 2020),
        new PlanTable.Column("actual", 2020));
    return table(layout.ref(1), title, 13, valueHeaders, columns, SynthVocabulary.SPAN_13, 1, rows, ind -> {
      IndicatorSeries s = series.get(ind);
      return new BigDecimal[] {s.base2015(), s.target2020(), s.actual2020()};
    });
  }

  private PlanTable table14(List<Indicator> rows, Map<Indicator, IndicatorSeries> series) {
    String title = layout == SynthLayout.BLANK_CELLS ? untitledOr(SynthVocabulary.BLANK_TITLES_14) : SynthVocabulary.TITLE_14;
    List<String> valueHeaders = switch (layout) {
      case BLANK_CELLS -> List.of(pick(SynthVocabulary.BLANK_BASE_20_HEADERS), pick(SynthVocabulary.BLANK_TARGET_25_HEADERS));
      case HTML, RULED -> List.of(pick(SynthVocabulary.BASE_20_HEADERS), pick(SynthVocabulary.SPANNED_TARGET_25_HEADERS));
      default -> List.of(pick(SynthVocabulary.BASE_20_HEADERS), pick(SynthVocabulary.TARGET_25_HEADERS));
    };
    List<PlanTable.Column> columns = List.of(new PlanTable.Column("base", 2020), new PlanTable.Column("target", 2025));
    return table(layout.ref(2), title, 14, valueHeaders, columns, SynthVocabulary.SPAN_14, 0, rows, ind -> {
      IndicatorSeries s = series.get(ind);
      return new BigDecimal[] {s.base2020(), s.target2025()};
    });
  }

  /** A title drawn from {@code titles}, or now and then none at all (the table is found by its header). */
  private String untitledOr(List<String> titles) {
    return rng.nextDouble() < SynthVocabulary.UNTITLED_TABLE_SHARE ? null : pick(titles);
  }

  private PlanTable table(String ref, String title, int period, List<String> valueHeaders, List<PlanTable.Column> columns,
      String spanHeader, int spanFrom, List<Indicator> indicators, java.util.function.Function<Indicator, BigDecimal[]> values) {
    boolean attributes = layout == SynthLayout.BLANK_CELLS || layout == SynthLayout.TWO_LEVEL
        || rng.nextDouble() < SynthVocabulary.ATTRIBUTE_COLUMN_SHARE;
    List<String> headers = new ArrayList<>();
    switch (layout) {
      case BARE_LINES -> headers.add("指标"); // 指标名称 is no header word for bare lines
      case BLANK_CELLS -> headers.addAll(List.of(pick(SynthVocabulary.LABEL_HEADERS), SynthVocabulary.UNIT_HEADER,
          pick(SynthVocabulary.ATTRIBUTE_HEADERS)));
      case TWO_LEVEL -> headers.addAll(SynthVocabulary.TWO_LEVEL_HEADERS);
      case HTML -> headers.addAll(List.of(SynthVocabulary.CATEGORY_HEADER, pick(SynthVocabulary.LABEL_HEADERS)));
      case RULED -> headers.addAll(List.of(SynthVocabulary.CATEGORY_HEADER, pick(SynthVocabulary.LABEL_HEADERS), SynthVocabulary.UNIT_HEADER));
      default -> headers.add(pick(SynthVocabulary.LABEL_HEADERS));
    }
    headers.addAll(valueHeaders);
    if (attributes && layout != SynthLayout.BLANK_CELLS) headers.add(pick(SynthVocabulary.ATTRIBUTE_HEADERS));
    List<PlanTable.Entry> entries = new ArrayList<>();
    int number = 0;
    int section = 0;
    boolean anyMarked = false;
    boolean anyBracket = false;
    for (String category : SynthVocabulary.CATEGORY_ORDER) {
      List<Indicator> inCategory = indicators.stream().filter(i -> i.category().equals(category)).toList();
      if (inCategory.isEmpty()) continue;
      String group = SynthVocabulary.SECTION_ROWS.get(category);
      entries.add(new PlanTable.Section(SynthVocabulary.CHINESE_ORDINALS.charAt(section++) + "、" + group, group));
      for (Indicator ind : inCategory) {
        CellStyler.RowStyle style = styler.rowStyle(ind);
        if (layout.unitCellAlways() && style.labelUnit() == null) {
          // the 单位 cell prints the unit the row's numbers are in, also where a label would print none
          style = new CellStyler.RowStyle(style.form(), style.printUnit(), style.cellsPrintUnit(), style.printUnit());
        }
        BigDecimal[] v = values.apply(ind);
        List<PrintedCell> cells = new ArrayList<>();
        for (int k = 0; k < columns.size(); k++) {
          cells.add(switch (columns.get(k).role()) {
            case "base" -> styler.base(ind, style, v[k]);
            case "target" -> styler.target(ind, style, v[k]);
            default -> styler.actual(ind, style, v[k]);
          });
        }
        boolean marked = rng.nextDouble() < SynthVocabulary.MARKED_LABEL_SHARE;
        boolean sub = SynthVocabulary.SUB_INDICATORS.contains(ind.id()) && rng.nextBoolean();
        String attribute = rng.nextDouble() < 0.35 ? SynthVocabulary.BINDING : SynthVocabulary.ANTICIPATORY;
        entries.add(new PlanTable.Row(ind, tableLabel(ind), ++number, marked, sub, style.labelUnit(), cells, attribute));
        anyMarked |= marked;
        anyBracket |= style.form() == CellStyler.Form.BRACKETS || style.form() == CellStyler.Form.FULL_BRACKETS;
      }
    }
    String note = anyMarked ? SynthVocabulary.NOTE_MARKED : anyBracket && rng.nextBoolean() ? SynthVocabulary.NOTE_BRACKETS : null;
    return new PlanTable(ref, title, period, headers, columns, attributes, entries, note, spanHeader, spanFrom);
  }

  /** name_zh, or now and then an alias the catalog knows, or the label preferred for that indicator. */
  private String tableLabel(Indicator ind) {
    String preferred = SynthVocabulary.PREFERRED_LABELS.get(ind.id());
    if (preferred != null) return preferred;
    if (!ind.aliases().isEmpty() && rng.nextDouble() < SynthVocabulary.ALIAS_SHARE) return pick(ind.aliases());
    return ind.nameZh();
  }

  /** The expected observation of one value cell just written at {@code line}. */
  private void tableCell(PlanTable t, PlanTable.Row row, int col, int line) {
    PrintedCell c = row.cells().get(col);
    Indicator ind = row.indicator();
    PlanTable.Column column = t.valueColumns().get(col);
    TreeSet<String> flags = new TreeSet<>();
    if (row.marked()) flags.add(INDICATOR_MARKED);
    String canonical = ind.unit().isEmpty() ? null : ind.unit();
    String value = null;
    String unit;
    switch (c.kind()) {
      case PrintedCell.NUMBER -> {
        String printedUnit = c.cellUnit() != null ? c.cellUnit() : row.labelUnit();
        BigDecimal v = c.number();
        if (printedUnit == null) flags.add(UNIT_ASSUMED);
        else v = CellStyler.UnitMath.convert(catalog, v, printedUnit, canonical);
        value = v.toPlainString();
        unit = canonical;
      }
      case PrintedCell.RATIO -> unit = null;
      default -> unit = canonical != null ? canonical : row.labelUnit();
    }
    String attribute = !t.attributeColumn() ? null : row.attribute().equals(SynthVocabulary.BINDING) ? "binding" : "anticipatory";
    expected.add(new ExpectedObservation(region.sourceFile(), line, null, "table", region.code(), t.planPeriodCode(), t.ref(), row.name(),
        ind.id(), column.role(), column.year(), c.kind(), TextFolding.fold(c.text()).strip(), value, unit, c.comparator(),
        c.cumulative(), c.annual(), attribute, String.join(";", flags)));
  }

  // ------------------------------------------------------------------ prose targets
  private void writeGoals(DocumentLines doc, List<Indicator> targets, Map<Indicator, IndicatorSeries> series, List<Indicator> in14) {
    Map<String, List<String>> clausesByCategory = new LinkedHashMap<>();
    Map<String, List<Runnable>> rowsByCategory = new LinkedHashMap<>();
    int[] lineHolder = new int[1];
    List<Indicator> remaining = new ArrayList<>(targets);
    java.util.Set<String> ledCategories = new java.util.HashSet<>();
    for (SynthVocabulary.Pair pair : SynthVocabulary.PAIRS) {
      Indicator a = byId(remaining, pair.firstId());
      Indicator b = byId(remaining, pair.secondId());
      if (a == null || b == null || rng.nextBoolean()) continue;
      remaining.remove(a);
      remaining.remove(b);
      SynthVocabulary.Form form = pick(SynthVocabulary.PAIR_FORMS);
      String lead = rng.nextBoolean() ? "" : "全" + region.levelChar();
      String[] va = proseNumber(a, series.get(a).target2025(), false);
      String[] vb = proseNumber(b, series.get(b).target2025(), false);
      String clause = lead + pair.subject() + "分别" + form.before() + va[0] + va[1] + "、" + vb[0] + vb[1] + form.after();
      clausesByCategory.computeIfAbsent(a.category(), k -> new ArrayList<>()).add(clause);
      rowsByCategory.computeIfAbsent(a.category(), k -> new ArrayList<>()).add(() -> {
        proseRow(lineHolder[0], a, va, form.comparator(), clause);
        proseRow(lineHolder[0], b, vb, form.comparator(), clause);
      });
    }
    for (Indicator ind : remaining) {
      List<SynthVocabulary.Form> forms = ind.polarity() == Polarity.LOWER ? SynthVocabulary.PROSE_CEILINGS : SynthVocabulary.PROSE_FLOORS;
      SynthVocabulary.Form form = pick(forms);
      String lead;
      if (ind.kind() == IndicatorKind.FIVE_YEAR_FLOW) lead = pick(SynthVocabulary.CUMULATIVE_LEADS);
      else if (ind.kind() == IndicatorKind.ANNUAL_FLOW && rng.nextBoolean()) lead = SynthVocabulary.ANNUAL_LEAD;
      else lead = String.format(pick(SynthVocabulary.PROSE_LEADS), region.levelChar());
      // the time phrase (“十四五”期末,…) opens a paragraph at most once
      if (lead.contains(",") && !ledCategories.add(ind.category())) lead = lead.substring(lead.indexOf(',') + 1);
      String name = SynthVocabulary.PREFERRED_LABELS.getOrDefault(ind.id(), ind.nameZh());
      // a target the table also states is the same figure, as in the real plans
      BigDecimal target = series.get(ind).target2025();
      String[] v = proseNumber(ind, target, true);
      String clause = lead + name + form.before() + v[0] + v[1] + form.after();
      // the extractor reads each comma-separated clause on its own; the last one carries the target
      String targetClause = clause.substring(clause.lastIndexOf(',') + 1);
      clausesByCategory.computeIfAbsent(ind.category(), k -> new ArrayList<>()).add(clause);
      rowsByCategory.computeIfAbsent(ind.category(), k -> new ArrayList<>())
          .add(() -> proseRow(lineHolder[0], ind, v, form.comparator(), targetClause));
    }
    for (String category : SynthVocabulary.CATEGORY_ORDER) {
      List<String> clauses = clausesByCategory.get(category);
      if (clauses == null) continue;
      lineHolder[0] = doc.add(SynthVocabulary.GOAL_THEMES.get(category) + "," + String.join(",", clauses) + "。");
      rowsByCategory.get(category).forEach(Runnable::run);
    }
  }

  /** A prose target with a table cell of the same value behind it confirms it (flag confirms_table), as the extractor reads it. */
  private void confirmTables() {
    for (int k = 0; k < expected.size(); k++) {
      ExpectedObservation p = expected.get(k);
      if (!"prose".equals(p.sourceKind())) continue;
      boolean confirms = expected.stream().anyMatch(e -> "table".equals(e.sourceKind()) && p.indicatorId().equals(e.indicatorId())
          && p.role().equals(e.role()) && e.year() == p.year() && PrintedCell.NUMBER.equals(e.valueKind())
          && new BigDecimal(e.value()).compareTo(new BigDecimal(p.value())) == 0);
      if (confirms) {
        expected.set(k, new ExpectedObservation(p.sourceFile(), p.sourceLine(), p.sourceLocator(), p.sourceKind(), p.regionCode(),
            p.planPeriod(), p.tableRef(), p.indicatorNameRaw(), p.indicatorId(), p.role(), p.year(), p.valueKind(), p.valueRaw(), p.value(),
            p.unit(), p.comparator(), p.cumulative(), p.annual(), p.attribute(), "confirms_table"));
      }
    }
  }

  private static Indicator byId(List<Indicator> list, String id) {
    for (Indicator i : list) if (i.id().equals(id)) return i;
    return null;
  }

  /** {digits, unit} of a prose figure: the canonical unit, or persons for a small 万人 figure now and then. */
  private String[] proseNumber(Indicator ind, BigDecimal canonical, boolean smallUnitAllowed) {
    String unit = ind.unit();
    BigDecimal n = canonical;
    String small = CellStyler.smallUnit(unit);
    if (smallUnitAllowed && small != null && rng.nextDouble() < SynthVocabulary.SMALL_UNIT_SHARE) {
      n = CellStyler.UnitMath.convert(catalog, canonical, unit, small);
      unit = small;
    }
    BigDecimal s = n.stripTrailingZeros();
    if (s.scale() < 0) s = s.setScale(0);
    return new String[] {s.toPlainString(), unit};
  }

  private void proseRow(int line, Indicator ind, String[] printed, String comparator, String clause) {
    BigDecimal value = CellStyler.UnitMath.convert(catalog, new BigDecimal(printed[0]), printed[1], ind.unit());
    boolean cumulative = CUMULATIVE_WORDS.matcher(clause).find() || ind.isFiveYearFlow();
    boolean annual = ANNUAL_WORDS.matcher(clause).find();
    expected.add(new ExpectedObservation(region.sourceFile(), line, null, "prose", region.code(), "14th", null, ind.nameZh(), ind.id(),
        "target", 2025, PrintedCell.NUMBER, printed[0] + printed[1], value.toPlainString(), ind.unit(), comparator, cumulative,
        annual, null, ""));
  }
}
