package org.hrssplan.model;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.function.Function;

/**
 * One row of the normalized indicator dataset: a region × plan period × indicator × role (base / target /
 * actual) × year, with the value in the indicator's canonical unit, the cell as printed, and where it came
 * from (file, line, locator, table, column). The components are the columns of {@link ObservationColumn}, in its
 * order; names, types and meanings are declared there. {@code qualityFlags} is "" when there are none (NULL in the
 * tables).
 */
public record Observation(
    String observationId,
    String regionCode,
    String regionName,
    String planPeriod,
    String indicatorId,
    String indicatorNameRaw,
    String role,
    int year,
    String valueKind,
    Double value,
    Double valueLow,
    Double valueHigh,
    String unit,
    String valueRaw,
    String unitRaw,
    String comparator,
    boolean cumulative,
    boolean annual,
    String attribute,
    String note,
    String sourceKind,
    String sourceFile,
    int sourceLine,
    String sourceLocator,
    String sourceTable,
    String sourceColumn,
    String qualityFlags) implements java.io.Serializable {

  /** The canonical constructor, taking the components as an array in {@link ObservationColumn} order. */
  private static final MethodHandle FROM_COLUMNS;

  static {
    Class<?>[] types = Arrays.stream(Observation.class.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new);
    try {
      FROM_COLUMNS = MethodHandles.lookup().findConstructor(Observation.class, MethodType.methodType(void.class, types))
          .asSpreader(Object[].class, types.length).asType(MethodType.methodType(Observation.class, Object[].class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /**
   * The observation whose columns have these values ({@code valueOf} is asked once per column, in order): a Spark row,
   * a CSV row. A NULL quality_flags is the record's "". A NULL in a column the record holds as a primitive (year,
   * is_cumulative, is_annual, source_line) is a {@link NullPointerException}.
   */
  public static Observation of(Function<ObservationColumn, Object> valueOf) {
    Object[] values = new Object[ObservationColumn.ALL.size()];
    for (ObservationColumn c : ObservationColumn.ALL) values[c.ordinal()] = valueOf.apply(c);
    if (values[ObservationColumn.QUALITY_FLAGS.ordinal()] == null) values[ObservationColumn.QUALITY_FLAGS.ordinal()] = "";
    try {
      return (Observation) FROM_COLUMNS.invokeExact(values);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  public boolean hasFlag(String flag) {
    if (qualityFlags == null || qualityFlags.isEmpty()) return false;
    for (String f : qualityFlags.split(";")) if (f.equals(flag)) return true;
    return false;
  }
}
