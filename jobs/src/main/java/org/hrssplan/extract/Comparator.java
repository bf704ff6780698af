package org.hrssplan.extract;

/**
 * Comparator codes as stored in the dataset: {@code <=} (≤, 以内, 不超过), {@code <} (＜, 低于), {@code >=}
 * (≥, 不低于, 不少于, 以上), {@code >} (＞, 超过, 高于), {@code ~} (左右: approximately). Null when none is printed.
 */
public final class Comparator {
  public static final String LE = "<=";
  public static final String LT = "<";
  public static final String GE = ">=";
  public static final String GT = ">";
  public static final String APPROX = "~";

  private Comparator() {}

  /** Symbol or word printed before a number. */
  static String prefix(String s) {
    return switch (s) {
      case "≤", "<=", "⩽", "不超过", "不高于", "不大于" -> LE;
      case "≥", ">=", "⩾", "不低于", "不少于", "不小于" -> GE;
      case "<", "低于", "少于", "小于" -> LT;
      case ">", "超过", "高于", "大于", "多于" -> GT;
      default -> null;
    };
  }

  /** Word printed after a number. */
  static String suffix(String s) {
    return switch (s) {
      case "以上" -> GE;
      case "以内", "以下" -> LE;
      case "左右" -> APPROX;
      default -> null;
    };
  }
}
