package org.hrssplan.notebooks;

import java.util.List;
import java.util.Map;

/** A notebook after execution: its parameters, one result per cell (null for markdown), the rendered HTML page. */
public record NotebookRun(Notebook notebook, Map<String, String> parameters, List<CellResult> results, String html) {

  public boolean failed() {
    return results.stream().anyMatch(r -> r != null && r.error() != null);
  }
}
