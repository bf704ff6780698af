package org.hrssplan.notebooks;

import java.util.List;
import java.util.Map;

/**
 * One cell of a notebook: markdown, the parameters cell (Databricks widgets), or SQL with optional rendering
 * directives in comments ({@code -- chart: …}, {@code -- highlight: col=value}, {@code -- limit: N}) that
 * Databricks ignores and {@code hrss notebooks} uses.
 */
public record NotebookCell(Kind kind, String text, Map<String, String> parameters, List<String> charts, List<String> highlights,
    int limit) {
  public enum Kind { MARKDOWN, PARAMETERS, SQL }
}
