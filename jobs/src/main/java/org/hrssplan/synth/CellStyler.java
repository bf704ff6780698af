package org.hrssplan.synth;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.SplittableRandom;
import org.hrssplan.catalog.Indicator;
import org.hrssplan.catalog.IndicatorCatalog;
import org.hrssplan.catalog.IndicatorKind;
import org.hrssplan.catalog.Polarity;

/**
 * Decides how one table row prints its values — unit in the label or in the cell or nowhere, brackets for
 * five-year sums, 累计/每年 wording, comparators on targets — and prints each cell accordingly.
 */
final class CellStyler {
  enum Form { PLAIN, BRACKETS, FULL_BRACKETS, CUMULATIVE_WORDS, ANNUAL_WORDS, QUALITATIVE, RATIO }

  /** How a row prints: its value form, the unit in its label (or null), whether cells print the unit, and in which unit numbers are. */
  record RowStyle(Form form, String labelUnit, boolean cellsPrintUnit, String printUnit) {}

  private static final BigDecimal FULL_RATE = BigDecimal.valueOf(100);

  private final IndicatorCatalog catalog;
  private final SplittableRandom rng;
  private final boolean fullWidthSymbols;
  private final List<String> missingForms;

  CellStyler(IndicatorCatalog catalog, SplittableRandom rng, boolean fullWidthSymbols, List<String> missingForms) {
    this.catalog = catalog;
    this.rng = rng;
    this.fullWidthSymbols = fullWidthSymbols;
    this.missingForms = List.copyOf(missingForms);
  }

  RowStyle rowStyle(Indicator ind) {
    if (ind.kind() == IndicatorKind.QUALITATIVE) return new RowStyle(Form.QUALITATIVE, null, false, null);
    if (ind.kind() == IndicatorKind.RATIO) return new RowStyle(Form.RATIO, null, false, null);
    Form form = Form.PLAIN;
    double x = rng.nextDouble();
    if (ind.kind() == IndicatorKind.FIVE_YEAR_FLOW) {
      form = x < 0.55 ? Form.BRACKETS : x < 0.65 ? Form.FULL_BRACKETS : x < 0.85 ? Form.CUMULATIVE_WORDS : Form.PLAIN;
    } else if (ind.kind() == IndicatorKind.ANNUAL_FLOW && x < 0.4) {
      form = Form.ANNUAL_WORDS;
    }
    String printUnit = ind.unit();
    if (smallUnit(printUnit) != null && rng.nextDouble() < SynthVocabulary.SMALL_UNIT_SHARE) printUnit = smallUnit(printUnit);
    if (form == Form.CUMULATIVE_WORDS || form == Form.ANNUAL_WORDS) return new RowStyle(form, null, true, printUnit); // 嘉定 style
    if (rng.nextDouble() < SynthVocabulary.LABEL_WITHOUT_UNIT_SHARE && printUnit.equals(ind.unit())) {
      return new RowStyle(form, null, rng.nextBoolean(), printUnit); // unit in the cells, or nowhere (catalog unit assumed)
    }
    return new RowStyle(form, printUnit, false, printUnit);
  }

  /** 万人 → 人, 万人次 → 人次: counties often print small counts in persons. */
  static String smallUnit(String unit) {
    return switch (unit) {
      case "万人" -> "人";
      case "万人次" -> "人次";
      default -> null;
    };
  }

  PrintedCell base(Indicator ind, RowStyle style, BigDecimal canonical) {
    if (rng.nextDouble() < SynthVocabulary.MISSING_BASE_SHARE) {
      return PrintedCell.missing(missingForms.size() == 1 ? missingForms.get(0) : missingForms.get(rng.nextInt(missingForms.size())));
    }
    return switch (style.form()) {
      case QUALITATIVE -> qualitative();
      case RATIO -> ratio(false);
      case CUMULATIVE_WORDS -> number(ind, style, canonical, SynthVocabulary.CUMULATIVE_DONE);
      case ANNUAL_WORDS -> number(ind, style, canonical, SynthVocabulary.ANNUAL_DONE);
      default -> number(ind, style, canonical, null);
    };
  }

  PrintedCell target(Indicator ind, RowStyle style, BigDecimal canonical) {
    return switch (style.form()) {
      case QUALITATIVE -> qualitative();
      case RATIO -> ratio(false);
      case CUMULATIVE_WORDS -> number(ind, style, canonical, SynthVocabulary.CUMULATIVE_TARGET);
      case ANNUAL_WORDS -> number(ind, style, canonical, SynthVocabulary.ANNUAL_TARGET);
      default -> {
        List<SynthVocabulary.Form> forms = ind.polarity() == Polarity.LOWER ? SynthVocabulary.TABLE_CEILINGS : SynthVocabulary.TABLE_FLOORS;
        // a rate at 100 is printed plainly: ≥100 or 100以上 would be read right but no plan writes it
        if (canonical.compareTo(FULL_RATE) >= 0 && "%".equals(ind.unit())) yield number(ind, style, canonical, null);
        yield number(ind, style, canonical, forms.get(rng.nextInt(forms.size())));
      }
    };
  }

  PrintedCell actual(Indicator ind, RowStyle style, BigDecimal canonical) {
    return switch (style.form()) {
      case QUALITATIVE -> qualitative();
      case RATIO -> ratio(true);
      case CUMULATIVE_WORDS -> number(ind, style, canonical, SynthVocabulary.CUMULATIVE_DONE);
      case ANNUAL_WORDS -> number(ind, style, canonical, SynthVocabulary.ANNUAL_DONE);
      default -> number(ind, style, canonical, null);
    };
  }

  private PrintedCell number(Indicator ind, RowStyle style, BigDecimal canonical, SynthVocabulary.Form form) {
    String canonicalUnit = ind.unit();
    BigDecimal n = UnitMath.convert(catalog, canonical, canonicalUnit, style.printUnit());
    String digits = printed(n);
    String unit = style.cellsPrintUnit() ? style.printUnit() : null;
    String before = form == null ? "" : form.before();
    String after = form == null ? "" : form.after();
    if (fullWidthSymbols && rng.nextBoolean()) before = before.replace("<", "＜").replace(">", "＞");
    String core = before + digits + (unit == null ? "" : unit) + after;
    String text = switch (style.form()) {
      case BRACKETS -> "[" + core + "]";
      case FULL_BRACKETS -> "【" + core + "】";
      default -> core;
    };
    boolean cumulative = style.form() == Form.BRACKETS || style.form() == Form.FULL_BRACKETS || style.form() == Form.CUMULATIVE_WORDS;
    return new PrintedCell(text, PrintedCell.NUMBER, new BigDecimal(digits), unit, form == null ? null : form.comparator(), cumulative,
        style.form() == Form.ANNUAL_WORDS);
  }

  /** Plans print 95 and 95.0 alike; mostly without trailing zeros. */
  private String printed(BigDecimal n) {
    BigDecimal s = rng.nextDouble() < 0.8 ? n.stripTrailingZeros() : n;
    if (s.scale() < 0) s = s.setScale(0);
    return s.toPlainString();
  }

  private PrintedCell qualitative() {
    List<String> v = SynthVocabulary.QUALITATIVE_VALUES;
    return PrintedCell.words(v.get(rng.nextInt(v.size())), PrintedCell.QUALITATIVE);
  }

  /** 高、中、初级 structure, e.g. 10:40:50 (targets) or 16.4:46.3:37.3 (actuals). */
  private PrintedCell ratio(boolean decimals) {
    int a = 8 + rng.nextInt(12);
    int b = 35 + rng.nextInt(15);
    String text = decimals ? a + "." + rng.nextInt(10) + ":" + b + "." + rng.nextInt(10) + ":" + (100 - a - b - 1) + "." + rng.nextInt(10)
        : a + ":" + b + ":" + (100 - a - b);
    return PrintedCell.words(text, PrintedCell.RATIO);
  }

  static final class UnitMath {
    private UnitMath() {}

    /** value × factor(from) / factor(to), exact (DECIMAL128), without trailing zeros — the arithmetic plans' readers do. */
    static BigDecimal convert(IndicatorCatalog catalog, BigDecimal value, String from, String to) {
      if (from.equals(to)) return value;
      BigDecimal f = catalog.unit(from).orElseThrow().factor();
      BigDecimal t = catalog.unit(to).orElseThrow().factor();
      BigDecimal v = value.multiply(f).divide(t, MathContext.DECIMAL128).stripTrailingZeros();
      return v.scale() < 0 ? v.setScale(0) : v;
    }
  }
}
