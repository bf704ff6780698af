package org.hrssplan.extract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hrssplan.catalog.IndicatorCatalog;
import org.hrssplan.document.GridCell;
import org.hrssplan.model.ValueKind;

/**
 * The notes under a table (注：…, 备注：…), attached to the cells they explain. A note is split into clauses
 * (at ①②③, ';', ',', '。'); a clause explaining brackets attaches to five-year-sum cells, one mentioning '*' to
 * cells or labels carrying '*', one explaining '—' to missing cells, one saying a year's figures include
 * (含/包括) more than the region to that year's column (flag scope_note). A whole note that names an
 * indicator attaches to that indicator's cells (铜梁 备注).
 */
final class TableNotes {
  private static final Pattern CLAUSE_SPLIT = Pattern.compile("[①②③④⑤⑥⑦⑧⑨⑩;,。]");
  private static final Pattern SCOPE = Pattern.compile("(20\\d\\d)年[^,;。]*?(含|包括)");
  private static final Pattern ADJUSTED = Pattern.compile("调整|修订|修正|调减|调增");

  private final List<String> notes;
  private final List<String> clauses = new ArrayList<>();

  TableNotes(List<GridCell> noteCells) {
    this.notes = new ArrayList<>();
    for (GridCell c : noteCells) {
      String n = c.flat();
      notes.add(n);
      for (String clause : CLAUSE_SPLIT.split(n.replaceFirst("^(注|备注)\\s*:?", ""))) {
        String cl = clause.strip();
        if (!cl.isEmpty()) clauses.add(cl);
      }
    }
  }

  /** Notes attached to one value cell, and the flags they imply. */
  record Attached(String text, boolean revised, boolean scope, boolean markerExplained) {}

  Attached attach(String indicatorName, Integer columnYear, ParsedValue v, boolean labelMarked) {
    Set<String> texts = new LinkedHashSet<>();
    boolean revised = false;
    boolean scope = false;
    boolean markerExplained = false;
    for (String cl : clauses) {
      if ((cl.contains("[") || cl.contains("【")) && v.cumulative()) texts.add(cl);
      if (cl.contains("*") && (labelMarked || v.footnoteMarker())) {
        texts.add(cl);
        if (v.footnoteMarker()) {
          markerExplained = true;
          if (ADJUSTED.matcher(cl).find()) revised = true;
        }
      }
      if (cl.contains("—") && v.kind() == ValueKind.MISSING) texts.add(cl);
      Matcher sm = SCOPE.matcher(cl);
      if (sm.find() && columnYear != null && Integer.parseInt(sm.group(1)) == columnYear) {
        texts.add(cl.replaceAll("^[()]+|[()]+$", ""));
        scope = true;
      }
    }
    if (indicatorName != null && !indicatorName.isEmpty()) {
      String key = IndicatorCatalog.nameKey(indicatorName);
      for (String n : notes) {
        if (IndicatorCatalog.nameKey(n).contains(key)) {
          texts.add(n);
          if (v.footnoteMarker()) {
            markerExplained = true;
            if (ADJUSTED.matcher(n).find()) revised = true;
          }
        }
      }
    }
    return new Attached(texts.isEmpty() ? null : String.join(" | ", texts), revised, scope, markerExplained);
  }

  List<String> scopeClauses() {
    return clauses.stream().filter(c -> SCOPE.matcher(c).find()).toList();
  }
}
