package org.hrssplan.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A value of a closed vocabulary: the stable code stored in the tables and files ({@code target}, {@code row_too_many_cells})
 * and a description for people. Code compares values, tests assert values, and the descriptions (and the README's lists
 * made from them) can change without breaking anything. Each vocabulary is an enum whose code is its constant's name in
 * lower case.
 */
public interface Code {
  /** The constant's name in lower case, as stored: never changes once published. */
  default String code() {
    return of((Enum<?>) this);
  }

  /** What the code means, in one line. */
  String description();

  /** The code as stored, from an enum constant's name. */
  static String of(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT);
  }

  /** The value whose code is {@code code}, if the vocabulary has one. */
  static <E extends Enum<E> & Code> Optional<E> parse(Class<E> vocabulary, String code) {
    if (code == null) return Optional.empty();
    for (E e : vocabulary.getEnumConstants()) if (e.code().equals(code)) return Optional.of(e);
    return Optional.empty();
  }

  /** Whether {@code code} is one of the vocabulary's. */
  static boolean isCode(Class<? extends Code> vocabulary, String code) {
    return codes(vocabulary).contains(code);
  }

  /** Every code of the vocabulary, in declaration order. */
  static List<String> codes(Class<? extends Code> vocabulary) {
    return Arrays.stream(vocabulary.getEnumConstants()).map(Code::code).toList();
  }

  /** The codes as words for a message: {@code base, target or actual}. */
  static String inWords(Class<? extends Code> vocabulary) {
    List<String> codes = codes(vocabulary);
    if (codes.size() == 1) return codes.get(0);
    return String.join(", ", codes.subList(0, codes.size() - 1)) + " or " + codes.get(codes.size() - 1);
  }
}
