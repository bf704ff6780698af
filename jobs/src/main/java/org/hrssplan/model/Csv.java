package org.hrssplan.model;

import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;

/** The one CSV dialect the project writes: RFC 4180, quotes only where a value needs them (Jackson CSV). */
public final class Csv {
  private Csv() {}

  public static CsvMapper mapper() {
    return CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
  }
}
