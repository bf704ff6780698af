package org.hrssplan.notebooks;

import java.util.List;
import org.apache.spark.sql.Row;

/** What one executed SQL cell produced: its columns, the rows shown, the total row count, charts (PNG) or an error. */
public record CellResult(String sql, String[] columns, List<Row> rows, long totalRows, List<byte[]> charts, String error) {}
