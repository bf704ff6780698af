package org.hrssplan.extract;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hrssplan.document.PlanDocument;
import org.hrssplan.document.TextFolding;

/**
 * The year a document was issued, from what it prints near its top: its 文号 (嘉府办发〔2024〕23号) or a date line of
 * its own (2024年10月10日, the date under the issuing office). Null when neither is printed there.
 */
final class IssueDate {
  private static final int TOP_LINES = 60;
  private static final Pattern DOCUMENT_NUMBER = Pattern.compile("[〔\\[［【(](20\\d\\d)[〕\\]］】)]\\s*\\d+\\s*号");
  private static final Pattern DATE_LINE = Pattern.compile("^(20\\d\\d)\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日$");

  private IssueDate() {}

  static Integer year(PlanDocument doc) {
    for (int i = 0; i < Math.min(TOP_LINES, doc.size()); i++) {
      String line = TextFolding.fold(doc.line(i)).strip();
      Matcher m = DOCUMENT_NUMBER.matcher(line);
      if (m.find()) return Integer.valueOf(m.group(1));
      m = DATE_LINE.matcher(line);
      if (m.matches()) return Integer.valueOf(m.group(1));
    }
    return null;
  }
}
