package org.hrssplan.notebooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * What one executed SQL cell produced: its columns, the rows shown, the total row count, its charts (ECharts options,
 * {@link ChartOption}) or an error.
 */
public record CellResult(String sql, String[] columns, List<Row> rows, long totalRows, List<JsonNode> charts, String error) {}
