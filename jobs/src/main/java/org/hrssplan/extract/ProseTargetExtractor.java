package org.hrssplan.extract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hrssplan.catalog.Indicator;
import org.hrssplan.catalog.IndicatorCatalog;
import org.hrssplan.catalog.Unit;
import org.hrssplan.document.PlanDocument;
import org.hrssplan.document.Region;
import org.hrssplan.model.Observation;
import org.hrssplan.model.QuarantineReason;
import org.hrssplan.model.Role;
import org.hrssplan.model.SourceKind;
import org.hrssplan.model.ValueKind;
import org.hrssplan.model.QualityFlags;

/**
 * Quantitative targets stated in a plan's 主要目标 / 发展目标 section (from that heading to the next heading,
 * table or 2035 远景目标 line), as observations with {@code source_kind = prose}, role target, at the end year
 * of the plan's period.
 *
 * <p>A paragraph is cut into clauses at {@code , ; 。 : ( )}. In a clause every "number + unit" (units from
 * the catalog's unit table, so 2035年 or 5年内 never count) is a target; its subject is the text since the
 * previous target, mapped to the catalog by the longest name it contains whose unit is of the same
 * dimension. {@code A和B…分别达到x、y}: the subjects before 分别 are split at 和/、/及/与 and each is completed
 * with the shortest tail of the last subject that makes a catalog name ({@code 失业保险} + {@code 参保人数}).
 * Comparators come from the words around the number (控制在…以内 → ≤, 不低于/不少于/以上 → ≥, 超过 → >,
 * 左右 → ~); a comparator word after the last value of a 分别 list applies to all of them.
 */
final class ProseTargetExtractor {
  private static final Pattern GOAL_HEADING = Pattern.compile("^.{0,12}(主要目标|发展目标).{0,3}$");
  private static final Pattern HEADING = Pattern.compile(
      "^(第[一二三四五六七八九十\\d]+[章节].*|[一二三四五六七八九十]+、.*|\\([一二三四五六七八九十]+\\).*|(专栏|附表|表)\\s*\\d+.*)$");
  private static final Pattern CLAUSE_SPLIT = Pattern.compile("[,;。:()]");
  private static final Pattern CUMULATIVE_WORDS = Pattern.compile("累计|[5五]年内");
  private static final Pattern ANNUAL_WORDS = Pattern.compile("每年|年均");

  private final IndicatorCatalog catalog;
  private final Pattern numberUnit;

  ProseTargetExtractor(IndicatorCatalog catalog) {
    this.catalog = catalog;
    StringBuilder alt = new StringBuilder();
    for (String u : catalog.unitSymbolsLongestFirst()) {
      if (alt.length() > 0) alt.append('|');
      alt.append(Pattern.quote(u));
    }
    this.numberUnit = Pattern.compile("(?<![\\d.])(\\d+(?:\\.\\d+)?)(" + alt + ")");
  }

  /** [start, end, heading) line indexes of each goal section's body; lines inside indicator tables never count. */
  static List<int[]> goalSections(PlanDocument doc, boolean[] inTable) {
    List<int[]> out = new ArrayList<>();
    int i = 0;
    while (i < doc.size()) {
      String s = doc.line(i).strip();
      if (!inTable[i] && GOAL_HEADING.matcher(s).matches() && !s.contains("。")) {
        int start = i + 1;
        int end = start;
        while (end < doc.size() && !inTable[end] && !endsSection(doc.line(end).strip())) end++;
        if (end > start) out.add(new int[] {start, end, i});
        i = Math.max(end, i + 1);
      } else {
        i++;
      }
    }
    return out;
  }

  private static boolean endsSection(String s) {
    if (s.isEmpty()) return false;
    if (s.contains("远景目标") && s.length() <= 20) return true;
    return s.length() <= 40 && HEADING.matcher(s).matches();
  }

  void extract(PlanDocument doc, Region region, PlanPeriod period, List<RawTable> tables, ExtractionSink sink) {
    boolean[] inTable = new boolean[doc.size()];
    for (RawTable t : tables) {
      for (int k = t.startLineIndex(); k < Math.min(t.endLineIndex(), doc.size()); k++) inTable[k] = true;
    }
    for (int[] sec : goalSections(doc, inTable)) {
      String heading = doc.line(sec[2]).strip();
      for (int i = sec[0]; i < sec[1]; i++) {
        String paragraph = doc.line(i);
        int ordinal = 0;
        for (String clause : CLAUSE_SPLIT.split(paragraph)) {
          for (Target t : targetsIn(clause)) {
            ordinal++;
            sink.proseTargets++;
            emit(doc, region, period, heading, i, ordinal, clause, t, sink);
          }
        }
      }
    }
  }

  /** One target found in a clause: the subject text, the number and unit as printed, the comparator. */
  record Target(String subject, BigDecimal number, String unit, String printed, String comparator, Indicator indicator,
      boolean dimensionMismatch) {}

  List<Target> targetsIn(String clause) {
    List<Target> out = new ArrayList<>();
    Matcher m = numberUnit.matcher(clause);
    List<int[]> spans = new ArrayList<>();
    while (m.find()) spans.add(new int[] {m.start(), m.end()});
    if (spans.isEmpty()) return out;
    int fenbie = clause.indexOf("分别");
    if (fenbie >= 0 && fenbie < spans.get(0)[0] && spans.size() > 1) {
      String subjectText = clause.substring(0, fenbie);
      String[] parts = subjectText.split("和|、|及|与");
      String after = clause.substring(spans.get(spans.size() - 1)[1]);
      String comparator = suffixComparator(after);
      if (comparator == null) comparator = prefixComparator(clause.substring(fenbie, spans.get(0)[0]));
      for (int k = 0; k < spans.size(); k++) {
        String printed = clause.substring(spans.get(k)[0], spans.get(k)[1]);
        Matcher nm = numberUnit.matcher(printed);
        nm.matches();
        String unit = nm.group(2);
        Indicator ind = null;
        boolean mismatch = false;
        String subject = parts.length == spans.size() ? parts[k].strip() : subjectText;
        if (parts.length == spans.size()) {
          String last = parts[parts.length - 1].strip();
          Match match = k == parts.length - 1 ? bestContained(last, unit) : completedWithTail(parts[k].strip(), last, unit);
          if (match != null) {
            ind = match.indicator;
            mismatch = match.mismatch;
          }
        }
        out.add(new Target(subject, new BigDecimal(nm.group(1)), unit, printed, comparator, ind, mismatch));
      }
      return out;
    }
    int prevEnd = 0;
    for (int k = 0; k < spans.size(); k++) {
      int s = spans.get(k)[0];
      int e = spans.get(k)[1];
      int nextStart = k + 1 < spans.size() ? spans.get(k + 1)[0] : clause.length();
      String subject = clause.substring(prevEnd, s);
      String after = clause.substring(e, nextStart);
      String printed = clause.substring(s, e);
      Matcher nm = numberUnit.matcher(printed);
      nm.matches();
      String comparator = suffixComparator(after);
      if (comparator == null) comparator = prefixComparator(subject);
      Match match = bestContained(subject, nm.group(2));
      out.add(new Target(subject.replaceFirst("^[、\\s]+", "").strip(), new BigDecimal(nm.group(1)), nm.group(2), printed, comparator,
          match == null ? null : match.indicator, match != null && match.mismatch));
      prevEnd = e + suffixLength(after);
    }
    return out;
  }

  private record Match(Indicator indicator, boolean mismatch) {}

  private Match bestContained(String subject, String unit) {
    List<IndicatorCatalog.NamedIndicator> hits = catalog.namesContainedIn(subject);
    return choose(hits, unit);
  }

  private Match completedWithTail(String part, String last, String unit) {
    for (int k = last.length(); k >= 0; k--) {
      String candidate = part + last.substring(k);
      Match m = choose(catalog.namesEndingIn(candidate), unit);
      if (m != null && !m.mismatch) return m;
    }
    return choose(catalog.namesContainedIn(part), unit);
  }

  private Match choose(List<IndicatorCatalog.NamedIndicator> hits, String unit) {
    if (hits.isEmpty()) return null;
    String dim = catalog.unit(unit).map(Unit::dimension).orElse("");
    for (IndicatorCatalog.NamedIndicator h : hits) {
      String indUnit = h.indicator().unit();
      if (!indUnit.isEmpty() && catalog.unit(indUnit).map(Unit::dimension).orElse("").equals(dim)) {
        return new Match(h.indicator(), false);
      }
    }
    return new Match(hits.get(0).indicator(), true);
  }

  private static String suffixComparator(String after) {
    String a = after.strip();
    for (String w : List.of("以上", "以内", "以下", "左右")) if (a.startsWith(w)) return Comparator.suffix(w);
    return null;
  }

  private static int suffixLength(String after) {
    for (String w : List.of("以上", "以内", "以下", "左右")) if (after.startsWith(w)) return w.length();
    return 0;
  }

  private static String prefixComparator(String subject) {
    String s = subject.strip();
    for (String w : List.of("不超过", "不高于", "不低于", "不少于", "低于", "少于", "超过", "高于", "多于")) {
      if (s.endsWith(w)) return Comparator.prefix(w);
    }
    return null;
  }

  private void emit(PlanDocument doc, Region region, PlanPeriod period, String heading, int lineIndex, int ordinal,
      String clause, Target t, ExtractionSink sink) {
    int line = doc.sourceLine(lineIndex);
    String cellId = doc.fileName() + ":L" + line + ":prose:" + ordinal;
    sink.rawCells.add(new RawCell(cellId, doc.fileName(), doc.sha256(), null, heading, "prose", -1, ordinal, heading,
        "prose_target", clause.strip(), line, doc.locatorAt(line)));
    if (region == null) {
      sink.quarantine(new QuarantinedCell(cellId, doc.fileName(), line, doc.locatorAt(line), "prose", QuarantineReason.REGION_NOT_IDENTIFIED.code(),
          doc.displayName() + ": the document's region could not be identified; prose target at line " + line + " kept here",
          t.printed(), null, null, heading, t.subject()));
      return;
    }
    TreeSet<String> flags = new TreeSet<>();
    Indicator ind = t.indicator();
    if (ind == null) flags.add(QualityFlags.UNKNOWN_INDICATOR);
    BigDecimal value = t.number();
    String unit = t.unit();
    if (ind != null && !ind.unit().isEmpty()) {
      UnitConversion.Result conv = UnitConversion.convert(catalog, ind, t.number(), t.unit(), null, flags);
      value = conv.value();
      unit = conv.unit();
    }
    boolean cumulative = CUMULATIVE_WORDS.matcher(clause).find() || (ind != null && ind.isFiveYearFlow());
    boolean annual = ANNUAL_WORDS.matcher(clause).find();
    sink.observe(new Observation(cellId, region.code(), region.name(), period.code(),
        ind == null ? null : ind.id(), ind == null ? t.subject() : ind.nameZh(), Role.TARGET.code(), period.endYear(),
        ValueKind.NUMBER.code(), value.doubleValue(), null, null, unit, t.printed(), t.unit(), t.comparator(), cumulative, annual, null,
        clause.strip(), SourceKind.PROSE.code(), doc.fileName(), line, doc.locatorAt(line), null, heading,
        String.join(";", flags)));
  }
}
