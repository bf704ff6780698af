package org.hrssplan.extract;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A five-year plan period by its number: the 13th (十三五) runs 2016–2020 with 2015 as base year, the 14th
 * (十四五) 2021–2025 with base 2020, the 15th 2026–2030. Nothing else is special-cased: period n starts in
 * 2016 + 5·(n − 13).
 */
public record PlanPeriod(int number) {
  private static final Pattern CHINESE = Pattern.compile("十([一二三四五六七八九])五");
  private static final String DIGITS = "一二三四五六七八九";

  public int startYear() {
    return 2016 + 5 * (number - 13);
  }

  public int endYear() {
    return startYear() + 4;
  }

  public int baseYear() {
    return startYear() - 1;
  }

  /** {@code 13th}, {@code 14th}, {@code 15th}, {@code 21st}… as stored in {@code plan_period}. */
  public String code() {
    int mod100 = number % 100;
    String suffix = (mod100 >= 11 && mod100 <= 13) ? "th"
        : switch (number % 10) {
          case 1 -> "st";
          case 2 -> "nd";
          case 3 -> "rd";
          default -> "th";
        };
    return number + suffix;
  }

  /** The period named in a text as 十X五 ("十三五" → 13th), or null. */
  public static PlanPeriod fromText(String text) {
    Matcher m = CHINESE.matcher(text);
    if (!m.find()) return null;
    return new PlanPeriod(10 + DIGITS.indexOf(m.group(1).charAt(0)) + 1);
  }

  /** The period whose last year is {@code endYear}, or null when that is no period's end. */
  public static PlanPeriod endingIn(int endYear) {
    if ((endYear - 2020) % 5 != 0) return null;
    return new PlanPeriod(13 + (endYear - 2020) / 5);
  }

  /** The period a year falls in: 2024 → 14th, 2026 → 15th. */
  public static PlanPeriod containing(int year) {
    return new PlanPeriod(13 + Math.floorDiv(year - 2016, 5));
  }
}
