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
  private static final Pattern CUMULATIVE_WORDS = Pattern.compile("累计|[5五]年内|期间|共计");
  private static final Pattern ANNUAL_WORDS = Pattern.compile("每年|年均");

  private final IndicatorCatalog catalog;
  private final Pattern numberUnit;
  /** Outside 主要目标: the unit table's units and the measure words plans count things in (名, 件, 套, 户, ㎡ …). */
  private final Pattern numberMeasure;
  private static final List<String> MEASURE_WORDS = List.of("万名", "名", "万件", "件", "万套", "套", "万户", "户", "床", "万张", "张",
      "万平方米", "平方米", "㎡", "座", "所", "处", "条", "辆", "台", "公里", "公顷", "万亩", "亩", "份", "起");

  ProseTargetExtractor(IndicatorCatalog catalog) {
    this.catalog = catalog;
    StringBuilder alt = new StringBuilder();
    for (String u : catalog.unitSymbolsLongestFirst()) {
      if (alt.length() > 0) alt.append('|');
      alt.append(Pattern.quote(u));
    }
    this.numberUnit = Pattern.compile("(?<![\\d.])(\\d+(?:\\.\\d+)?)(" + alt + ")");
    List<String> words = new ArrayList<>(catalog.unitSymbolsLongestFirst());
    for (String w : MEASURE_WORDS) if (!words.contains(w)) words.add(w);
    words.sort((a, b) -> b.length() - a.length());
    StringBuilder all = new StringBuilder();
    for (String u : words) all.append(all.length() > 0 ? "|" : "").append(Pattern.quote(u));
    this.numberMeasure = Pattern.compile("(?<![\\d.])(\\d+(?:\\.\\d+)?) ?(" + all + ")");
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
    boolean[] goal = new boolean[doc.size()];
    boolean[] boxed = boxed(doc);
    for (int[] sec : goalSections(doc, inTable)) {
      String heading = doc.line(sec[2]).strip();
      for (int i = sec[0]; i < sec[1]; i++) {
        goal[i] = true;
        if (boxed[i]) continue;
        String paragraph = doc.line(i);
        int ordinal = 0;
        for (String clause : CLAUSE_SPLIT.split(paragraph)) {
          for (Target t : targetsIn(clause, numberMeasure)) {
            ordinal++;
            sink.proseTargets++;
            emit(doc, region, period, heading, i, ordinal, clause, t, Role.TARGET, period, period.endYear(), sink);
          }
        }
      }
    }
    figuresElsewhere(doc, region, period, inTable, goal, boxed, sink);
  }

  /**
   * Lines of boxes, not prose: a grid with columns (a project box, a list table; one whose rows are single cells is text
   * a TAB led), and a 专栏 box of a text export — its title or a TAB-led line, then its items (numbered, indented, short)
   * up to a heading or a plain paragraph.
   */
  private static boolean[] boxed(PlanDocument doc) {
    boolean[] boxed = new boolean[doc.size()];
    for (org.hrssplan.document.Block b : doc.blocks()) {
      if (b instanceof org.hrssplan.document.Grid g && g.rows().stream().anyMatch(r -> r.stream().filter(c -> c.origin() && !c.blank()).count() >= 2)) {
        for (int k = b.firstLineIndex(); k < Math.min(b.endLineIndex(), doc.size()); k++) boxed[k] = true;
      }
    }
    boolean inBox = false;
    for (int i = 0; i < doc.size(); i++) {
      String raw = doc.line(i);
      String s = raw.strip();
      if (s.isEmpty() || boxed[i]) continue;
      boolean heading = isHeading(s) && !BOX_TITLE.matcher(s).find();
      if (!heading && (raw.startsWith("\t") || BOX_TITLE.matcher(s).find())) {
        inBox = true;
        boxed[i] = true;
        continue;
      }
      if (inBox && !heading && (raw.startsWith(" ") || BOX_ITEM.matcher(s).find() || s.length() <= 30 && !s.contains("。"))) {
        boxed[i] = true;
        continue;
      }
      inBox = false;
    }
    return boxed;
  }

  private static boolean isHeading(String s) {
    return s.length() <= 40 && !s.contains("。") && (HEADING.matcher(s).matches() || GOAL_HEADING.matcher(s).matches());
  }

  // ------------------------------------------------------------------ figures in the rest of the plan
  /** What a part of a plan states: the previous period's results, the plan's own aims, or neither (形势, 指导思想). */
  enum Stance { RESULTS, AIMS, CONTEXT }

  private static final Pattern RESULTS_HEADING = Pattern.compile("成就|回顾|成效|成绩|发展基础|工作基础|现实基础|发展现状|进展|总结|完成情况");
  private static final Pattern CONTEXT_HEADING = Pattern.compile("形势|机遇|挑战|环境|问题|不足|指导思想|基本原则|原则|理念|思路|愿景|远景|必要性|编制依据");
  private static final Pattern CHAPTER = Pattern.compile("^(第[一二三四五六七八九十\\d]+章.*|[一二三四五六七八九十]+、.*)$");
  private static final Pattern SENTENCE_SPLIT = Pattern.compile("[。;!?！？]");
  private static final Pattern CHANGE_BEFORE = Pattern.compile("(增长|提高|下降|减少|增加|上升|降低|提升|增幅|降幅|扩大|缩小|翻)了?$");
  /** Money paid to people or firms as a service (a figure), and money a government budgets or raises (not one). */
  private static final Pattern MONEY_FOR_PEOPLE = Pattern.compile("发放|贷款|补贴|补助|待遇|返还|救助|追回|追讨|减费|奖补|奖励|养老金|生活费|工资");
  private static final Pattern BUDGET = Pattern.compile("投资|投入|安排|拨付|筹集|征收|预算|经费");
  /** A change from a reference: 较“十二五”末…, 比2015年…. */
  private static final Pattern CHANGE_FROM = Pattern.compile("^[、\\s]*(分别)?(较|比)");
  /** A count of slogans: 三个100%, 两个“100%”. */
  private static final Pattern BOX_TITLE = Pattern.compile("^专栏\\s*\\d|\\s专栏\\s*\\d+\\s");
  private static final Pattern BOX_ITEM = Pattern.compile("^(\\d+[.、．]|0\\d\\s)");
  private static final Pattern SLOGAN = Pattern.compile("[一二三四五六七八九十两][个项大][“\"]?$");
  private static final Pattern COUNT_OF_ACTS = Pattern.compile("政策|文件|制度|办法|意见|会议|活动|行动|检查|宣传|讲座");
  /** A figure whose phrase opens with a wider region (全市城镇新增就业…): not the plan's region (市级首席技师 is its own). */
  private static final Pattern OTHER_REGION = Pattern.compile("^[、\\s]*(其中)?(全国|全省|全市)");
  private static final Pattern YEAR_WORD = Pattern.compile("(?<![\\d\\-—])(20\\d\\d)年(?!以来)");
  private static final Pattern YEAR_RANGE = Pattern.compile("20\\d\\d年?\\s*[-—–~～至到]\\s*20\\d\\d年");
  /** A range's upper bound (1—2个): the range is no one figure. */
  private static final Pattern RANGE_BEFORE = Pattern.compile("\\d\\s*[-—–~～至到]\\s*$");
  /** Participants, prizes and scores of contests and agreements: counts of an event, not a measure of the plan. */
  private static final Pattern EVENT = Pattern.compile("参赛|团体奖|得分|评分|协议|优胜");
  private static final String DIGITS = "一二三四五六七八九";

  /** Words that make a sentence an aim of the plan wherever it stands: 力争, 到2025年, “十四五”期间 / 末. */
  private static Pattern aimWords(PlanPeriod period) {
    return Pattern.compile("力争|预计到|到" + period.endYear() + "年|" + periodName(period) + "[“”\"]?(期间|末|时期)");
  }

  /** Words that make a sentence a result of the previous period: “十三五”末 / 期间 / 以来, 截至. */
  private static Pattern resultWords(PlanPeriod period) {
    return Pattern.compile(periodName(new PlanPeriod(period.number() - 1)) + "[“”\"]?(末|期间|时期|以来)|截至|截止");
  }

  private static String periodName(PlanPeriod p) {
    return p.number() >= 11 && p.number() <= 19 ? "十" + DIGITS.charAt(p.number() - 11) + "五" : Pattern.quote(p.code());
  }

  /**
   * Figures stated outside the 主要目标 list and outside tables: in a review chapter or section (发展基础, “十三五”时期
   * 主要成就, 主要成效 …) results of the previous period — role actual, its end year, stored with that period; in the
   * rest of the plan (the task chapters) targets for the plan's end year. A sentence says otherwise by its words: 到2025年,
   * 力争, 目标 make it an aim wherever it stands, “十三五”末 / 期间 / 截至 a result. 形势 and 指导思想 sections state
   * neither. What is not taken as a figure is counted by reason in the bronze cells ({@code prose_refused}): a change
   * (比…增长32%), a money amount that is not paid to people (投资, 资金), a count of policies or meetings, another
   * region's figure (全国, 全省), a figure of another year (2019年, 2035年).
   */
  private void figuresElsewhere(PlanDocument doc, Region region, PlanPeriod period, boolean[] inTable, boolean[] goal, boolean[] boxed,
      ExtractionSink sink) {
    Stance chapter = Stance.AIMS;
    Stance section = null;
    String heading = "";
    PlanPeriod previous = new PlanPeriod(period.number() - 1);
    Pattern aimWords = aimWords(period);
    Pattern resultWords = resultWords(period);
    for (int i = 0; i < doc.size(); i++) {
      if (inTable[i] || goal[i] || boxed[i]) continue;
      String s = doc.line(i).strip();
      if (s.isEmpty()) continue;
      boolean isHeading = isHeading(s);
      if (isHeading) {
        Stance said = RESULTS_HEADING.matcher(s).find() ? Stance.RESULTS : CONTEXT_HEADING.matcher(s).find() ? Stance.CONTEXT : null;
        if (CHAPTER.matcher(s).matches()) {
          chapter = said == null ? Stance.AIMS : said;
          section = null;
        } else {
          section = said;
        }
        heading = s;
        continue;
      }
      Stance stance = section != null ? section : chapter;
      if (stance == Stance.CONTEXT) continue;
      int ordinal = 0;
      for (String sentence : SENTENCE_SPLIT.split(s)) {
        boolean aims = aimWords.matcher(sentence).find() || stance == Stance.AIMS && !resultWords.matcher(sentence).find();
        Role role = aims ? Role.TARGET : Role.ACTUAL;
        int year = aims ? period.endYear() : period.baseYear();
        int done = 0;
        for (String clause : CLAUSE_SPLIT.split(sentence)) {
          String before = sentence.substring(0, Math.min(sentence.length(), done + clause.length()));
          done += clause.length() + 1;
          for (Target t : targetsIn(clause, numberMeasure)) {
            ordinal++;
            String refused = refusal(clause, before, t, year, role);
            int line = doc.sourceLine(i);
            String cellId = doc.fileName() + ":L" + line + ":prose:" + (1000 + ordinal);
            if (refused != null) {
              sink.rawCells.add(new RawCell(cellId, doc.fileName(), doc.sha256(), null, heading, "prose", -1, ordinal, refused,
                  "prose_refused", clause.strip(), line, doc.locatorAt(line)));
              continue;
            }
            sink.proseTargets++;
            // a phrase the catalog knows only in another dimension (职业培训机构19家 vs 职业培训 in 万人次) is not that indicator
            Target read = t.dimensionMismatch() ? new Target(t.subject(), t.number(), t.unit(), t.printed(), t.comparator(), null, false) : t;
            if (read.indicator() == null) read = withObjectAfter(read, clause, numberMeasure);
            emit(doc, region, period, heading, i, 1000 + ordinal, clause, read, role, aims ? period : previous, year, sink);
          }
        }
      }
    }
  }

  private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

  /**
   * The phrase of a figure the catalog does not know, when the words before it only say what was done (帮助, 落实, 新增,
   * or nothing): Chinese names what was counted after the number (帮助673户贫困家庭自主创业), so the phrase runs on to the
   * next figure or the clause's end (帮助 贫困家庭自主创业).
   */
  private static Target withObjectAfter(Target t, String clause, Pattern numberMeasure) {
    String subject = t.subject().replaceFirst("^[、,\\s]+", "").strip();
    long han = HAN.matcher(subject).results().count();
    if (han >= 3) return t;
    int at = clause.indexOf(t.printed());
    if (at < 0) return t;
    String after = clause.substring(at + t.printed().length());
    Matcher next = numberMeasure.matcher(after);
    if (next.find()) after = after.substring(0, next.start());
    after = after.replaceFirst("[、,\\s]+$", "").strip();
    if (HAN.matcher(after).results().count() < 2) return t;
    String phrase = (subject + " " + after).strip();
    if (phrase.length() > 30) phrase = phrase.substring(0, 30);
    return new Target(phrase, t.number(), t.unit(), t.printed(), t.comparator(), null, false);
  }

  /** Why a figure found in prose is not one of the plan's figures, or null when it is. */
  private static String refusal(String clause, String sentenceSoFar, Target t, int year, Role role) {
    String subject = t.subject();
    int at = clause.indexOf(t.printed());
    String after = at < 0 ? "" : clause.substring(at + t.printed().length());
    String object = after.substring(0, Math.min(after.length(), 8));
    if (subject.endsWith("第")) return "ordinal";
    if (RANGE_BEFORE.matcher(subject).find()) return "range";
    if (after.startsWith("/")) return "per_unit";
    if (EVENT.matcher(subject.substring(Math.max(0, subject.length() - 6))).find() || EVENT.matcher(object).find()) return "event_count";
    if (CHANGE_BEFORE.matcher(subject).find() || CHANGE_FROM.matcher(subject).find()) return "change";
    if (SLOGAN.matcher(subject).find()) return "slogan";
    if (role == Role.ACTUAL && subject.contains("年均")) return "annual_average";
    if (t.unit().endsWith("元") && BUDGET.matcher(subject).find() && !MONEY_FOR_PEOPLE.matcher(subject).find()) return "money";
    if (!t.unit().equals("%") && !t.unit().contains("人") && COUNT_OF_ACTS.matcher(subject).find()) return "count_of_acts";
    if (OTHER_REGION.matcher(subject).find()) return "other_region";
    // a figure printed in parentheses after another is its reference (比“十二五”期末(1645元)): not a figure of its own
    if (sentenceSoFar.endsWith(t.printed()) && sentenceSoFar.length() > t.printed().length()
        && sentenceSoFar.charAt(sentenceSoFar.length() - t.printed().length() - 1) == '(') return "reference";
    Matcher y = YEAR_WORD.matcher(YEAR_RANGE.matcher(sentenceSoFar).replaceAll(""));
    while (y.find()) {
      if (Integer.parseInt(y.group(1)) != year) return "other_year";
    }
    return null;
  }

  /** One target found in a clause: the subject text, the number and unit as printed, the comparator. */
  record Target(String subject, BigDecimal number, String unit, String printed, String comparator, Indicator indicator,
      boolean dimensionMismatch) {}

  List<Target> targetsIn(String clause) {
    return targetsIn(clause, numberUnit);
  }

  private List<Target> targetsIn(String clause, Pattern numberUnit) {
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
    if (s.endsWith("超")) return Comparator.GT;
    if (s.endsWith("约") || s.endsWith("共计约")) return Comparator.APPROX;
    return null;
  }

  private void emit(PlanDocument doc, Region region, PlanPeriod docPeriod, String heading, int lineIndex, int ordinal,
      String clause, Target t, Role role, PlanPeriod period, int year, ExtractionSink sink) {
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
    // a table cell of the same region, indicator, role and year: the prose confirms it or conflicts (FindingRules)
    for (Observation o : sink.observations) {
      if (SourceKind.TABLE.code().equals(o.sourceKind()) && ind != null && ind.id().equals(o.indicatorId()) && role.code().equals(o.role())
          && o.year() == year && o.value() != null && Math.abs(o.value() - value.doubleValue()) < 1e-9) {
        flags.add(QualityFlags.CONFIRMS_TABLE);
      }
    }
    boolean annual = ANNUAL_WORDS.matcher(clause).find();
    sink.observe(new Observation(cellId, region.code(), region.name(), period.code(),
        ind == null ? null : ind.id(), ind == null ? t.subject() : ind.nameZh(), role.code(), year,
        ValueKind.NUMBER.code(), value.doubleValue(), null, null, unit, t.printed(), t.unit(), t.comparator(), cumulative, annual, null,
        clause.strip(), SourceKind.PROSE.code(), doc.fileName(), line, doc.locatorAt(line), null, heading,
        String.join(";", flags)));
  }
}
