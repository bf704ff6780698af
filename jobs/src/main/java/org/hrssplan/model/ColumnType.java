package org.hrssplan.model;

import java.math.BigDecimal;

/**
 * The type of a column of the normalized dataset, as a table column ({@link #sqlName}: string, int, double, boolean)
 * and as a CSV cell ({@link #parse}, {@link #format}).
 */
public enum ColumnType {
  STRING("string", "text"),
  INT("int", "a whole number"),
  DOUBLE("double", "a number"),
  BOOLEAN("boolean", "true or false");

  private final String sqlName;
  private final String words;

  ColumnType(String sqlName, String words) {
    this.sqlName = sqlName;
    this.words = words;
  }

  /** The type's name in Spark SQL and in the schema doc: string, int, double, boolean. */
  public String sqlName() {
    return sqlName;
  }

  /** What a value of the type is, for a message: "year '20x' is not " + words. */
  public String words() {
    return words;
  }

  /**
   * The value of a CSV cell's text: {@code null} for an empty cell; a whole number, a finite plain or scientific decimal
   * (not {@code NaN}, not {@code 0x1p3}), {@code true} or {@code false} by type.
   *
   * @throws IllegalArgumentException when the text is not a value of the type ({@link #accepts} says so first)
   */
  public Object parse(String text) {
    if (text == null || text.isEmpty()) return null;
    return switch (this) {
      case STRING -> text;
      case INT -> Integer.valueOf(text);
      case DOUBLE -> {
        double d = Double.parseDouble(text);
        if (!Double.isFinite(d) || !text.matches("[-+]?[0-9.eE+-]+")) throw new IllegalArgumentException("not a plain number: " + text);
        yield d;
      }
      case BOOLEAN -> switch (text) {
        case "true" -> Boolean.TRUE;
        case "false" -> Boolean.FALSE;
        default -> throw new IllegalArgumentException("not true or false: " + text);
      };
    };
  }

  /** Whether {@link #parse} reads the text (an empty cell is read, as NULL). */
  public boolean accepts(String text) {
    try {
      parse(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** A value as a CSV cell: empty for NULL, a double as its shortest plain decimal, booleans true/false. */
  public String format(Object value) {
    if (value == null) return "";
    if (this == DOUBLE) return plain((Double) value);
    return String.valueOf(value);
  }

  /** Shortest plain decimal that reads back as the same double: 2.5667, 95, 0.0001. */
  public static String plain(double v) {
    return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
  }
}
