package org.hrssplan.notebooks;

import java.util.Locale;
import java.util.Set;

/**
 * Analysts' statements are read-only: the first keyword must be one that only reads (SELECT, WITH, SHOW, DESCRIBE,
 * EXPLAIN, VALUES, TABLE, FROM); DDL and DML on the published tables are refused with a message saying so.
 */
public final class ReadOnlySql {
  private static final Set<String> READING = Set.of("SELECT", "WITH", "SHOW", "DESCRIBE", "DESC", "EXPLAIN", "VALUES", "TABLE", "FROM", "(");

  private ReadOnlySql() {}

  public static void check(String sql) {
    String s = sql.strip().replaceFirst("^(--[^\n]*\n\\s*)+", "");
    String first = s.isEmpty() ? "" : s.split("[\\s(]", 2)[0].toUpperCase(Locale.ROOT);
    if (s.startsWith("(")) first = "(";
    if (!READING.contains(first)) {
      throw new ReadOnlyViolation("refused: '" + first + "' would change data or the catalog; the published tables are read-only here "
          + "(only SELECT, WITH, SHOW, DESCRIBE, EXPLAIN, VALUES, TABLE). The nightly run is the only writer.");
    }
  }

  public static final class ReadOnlyViolation extends RuntimeException {
    public ReadOnlyViolation(String message) {
      super(message);
    }
  }
}
