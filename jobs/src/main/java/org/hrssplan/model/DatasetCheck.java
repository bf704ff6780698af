package org.hrssplan.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What both dataset readers check — {@code extract.DatasetReader} (a .csv read next to the plans) and
 * {@code pipeline.DatasetInput} (Parquet, in Spark) — derived from {@link ObservationColumn}, so that the same defect
 * gets the same reason code and the same words in both. A file's columns are checked first ({@link #columns}); then
 * every row against {@link #ROWS}, in order: the first check the row fails is why it is quarantined.
 *
 * @param kind what is checked
 * @param column the column checked
 * @param reason the row's {@code reason_code} when the check fails
 * @param predicate what is wrong, after the column and its value: {@code is not a whole number}
 */
public record DatasetCheck(Kind kind, ObservationColumn column, QuarantineReason reason, String predicate) {
  /** What a row check looks at. */
  public enum Kind {
    /** a non-empty value that is not of the column's type (a CSV cell that does not parse, a Parquet value that does not cast) */
    TYPE,
    /** an empty value (NULL, or blank text) in a NOT NULL column */
    NOT_EMPTY,
    /** a value that is not a code of the column's vocabulary */
    CODE,
    /** a region_code that is not in regions.csv */
    KNOWN_REGION,
    /** an indicator_id (when given) that is not in the catalog */
    KNOWN_INDICATOR,
    /** an observation_id that an earlier row has (earlier: by file, then row) */
    FIRST_OF_ITS_ID
  }

  /** The row checks, in the order they are applied. */
  public static final List<DatasetCheck> ROWS = rows();

  private static List<DatasetCheck> rows() {
    List<DatasetCheck> checks = new ArrayList<>();
    for (ObservationColumn c : ObservationColumn.ALL) {
      if (c.type() != ColumnType.STRING) checks.add(new DatasetCheck(Kind.TYPE, c, QuarantineReason.DATASET_INVALID_VALUE, "is not " + c.type().words()));
    }
    for (ObservationColumn c : ObservationColumn.ALL) {
      if (!c.nullable()) checks.add(new DatasetCheck(Kind.NOT_EMPTY, c, QuarantineReason.DATASET_INVALID_VALUE, "is empty"));
    }
    for (ObservationColumn c : ObservationColumn.ALL) {
      c.codes().ifPresent(v -> checks.add(new DatasetCheck(Kind.CODE, c, QuarantineReason.DATASET_INVALID_VALUE, "is not " + Code.inWords(v))));
    }
    checks.add(new DatasetCheck(Kind.KNOWN_REGION, ObservationColumn.REGION_CODE, QuarantineReason.DATASET_INVALID_VALUE, "is not in regions.csv"));
    checks.add(new DatasetCheck(Kind.KNOWN_INDICATOR, ObservationColumn.INDICATOR_ID, QuarantineReason.DATASET_INVALID_VALUE, "is not in the catalog"));
    checks.add(new DatasetCheck(Kind.FIRST_OF_ITS_ID, ObservationColumn.OBSERVATION_ID, QuarantineReason.DUPLICATE_ROW, "repeats an earlier row"));
    return List.copyOf(checks);
  }

  /**
   * The words of a failed check, for the row's {@code reason}: {@code year '20x' is not a whole number}, {@code plan_period
   * is empty}; {@link #before} + the value + {@link #after}, without the value for {@link Kind#NOT_EMPTY}.
   */
  public String words(String value) {
    return kind == Kind.NOT_EMPTY ? column.columnName() + " " + predicate : before() + (value == null ? "" : value) + after();
  }

  /** The words before the value: {@code year '}. */
  public String before() {
    return column.columnName() + " '";
  }

  /** The words after the value: {@code ' is not a whole number}. */
  public String after() {
    return "' " + predicate;
  }

  /** A file-level problem: the reason and its words. */
  public record Problem(QuarantineReason reason, String words) {}

  /**
   * What is wrong with a dataset file's columns, if anything: one of the format's columns missing
   * ({@link QuarantineReason#DATASET_MISSING_COLUMNS}; a column {@link ObservationColumn#optionalOnInput} may be) or a column
   * the format does not know ({@link QuarantineReason#DATASET_UNEXPECTED_COLUMNS}). Either way the file is not read: its
   * data would otherwise be lost or misread.
   */
  public static Optional<Problem> columns(Collection<String> given) {
    Set<String> missing = new LinkedHashSet<>();
    for (ObservationColumn c : ObservationColumn.ALL) if (!c.optionalOnInput() && !given.contains(c.columnName())) missing.add(c.columnName());
    Set<String> extra = new LinkedHashSet<>(given);
    extra.removeAll(ObservationColumn.names());
    if (missing.isEmpty() && extra.isEmpty()) return Optional.empty();
    return Optional.of(new Problem(missing.isEmpty() ? QuarantineReason.DATASET_UNEXPECTED_COLUMNS : QuarantineReason.DATASET_MISSING_COLUMNS,
        (missing.isEmpty() ? "" : "lacks " + missing) + (missing.isEmpty() || extra.isEmpty() ? "" : " and ")
            + (extra.isEmpty() ? "" : "has columns the format does not know " + extra) + "; the file is not read"));
  }
}
