package org.hrssplan.document;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a line that names a table looks like: a label (专栏2, 表1, 附表, 附表3, 附件1) and/or words that end like a
 * table's name (…主要指标, …主要指标表, …指标完成情况). Used to give a table its title and reference; never to decide
 * whether a grid is an indicator table (that is its header's job).
 */
public final class TableTitle {
  private static final Pattern PREFIX = Pattern.compile("^(专栏\\d+|附表\\d*|附件\\d+|表\\d+)");
  private static final Pattern NAMED = Pattern.compile(".*指标(表|体系|一览表|完成情况|完成情况表)?$");
  private static final int MAX_LENGTH = 60;

  private TableTitle() {}

  private static String key(String line) {
    return TextFolding.fold(line).replaceAll("[\\s|]", "");
  }

  /** The table's reference printed at the start of its title (专栏2, 表1, 附表, 附件1), or null. */
  public static String reference(String line) {
    Matcher m = PREFIX.matcher(key(line));
    return m.find() ? m.group(1) : null;
  }

  /** The line names a table: it starts with a table reference, or it is short and ends like an indicator table's name. */
  public static boolean isTitle(String line) {
    String k = key(line);
    if (k.isEmpty() || k.length() > MAX_LENGTH || k.endsWith("。")) return false;
    return PREFIX.matcher(k).find() || NAMED.matcher(k).matches();
  }

  /** A title that speaks of indicators (专栏1 “十三五”时期主要指标完成情况), not of projects or of definitions (指标解释). */
  public static boolean namesIndicators(String line) {
    String k = key(line);
    return isTitle(line) && k.contains("指标") && !k.contains("指标解释") && !k.contains("指标说明");
  }

  /** The title as one line: pipes and runs of whitespace folded to one space. */
  public static String clean(String line) {
    return TextFolding.fold(line).replace("|", " ").replaceAll("\\s+", " ").strip();
  }
}
