package org.hrssplan.catalog;

import java.math.BigDecimal;

/** A printed unit: its dimension (persons, person_times, yuan, percent, …) and factor to that dimension's base. */
public record Unit(String symbol, String dimension, BigDecimal factor) implements java.io.Serializable {}
