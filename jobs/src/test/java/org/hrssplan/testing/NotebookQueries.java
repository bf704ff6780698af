package org.hrssplan.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hrssplan.notebooks.Notebook;
import org.hrssplan.notebooks.NotebookCell;
import org.hrssplan.notebooks.NotebookRunner;

/**
 * The notebooks' queries as the notebook runner runs them on Spark (tables read as {@code delta.`<lakehouse>/t`}) and
 * as the SQL endpoint serves the same tables ({@code <schema>.t}): for the endpoint's test and its benchmark.
 */
public final class NotebookQueries {
  /** One query: {@code name} is {@code <notebook file>#<n>}. */
  public record Query(String name, String spark, String trino) {}

  private NotebookQueries() {}

  public static List<Query> of(Path notebooks, String lakehouse, String schema) throws Exception {
    Pattern table = Pattern.compile("delta\\.`" + Pattern.quote(lakehouse) + "/(\\w+)`");
    List<Query> out = new ArrayList<>();
    for (Path file : NotebookRunner.list(notebooks)) {
      Notebook nb = Notebook.parse(file.getFileName().toString(), Files.readString(file));
      Map<String, String> params = new LinkedHashMap<>(nb.parameters());
      params.put("lakehouse", lakehouse);
      int n = 0;
      for (NotebookCell cell : nb.cells()) {
        if (cell.kind() != NotebookCell.Kind.SQL) continue;
        String spark = NotebookRunner.statement(cell, params);
        out.add(new Query(file.getFileName() + "#" + ++n, spark,
            table.matcher(spark).replaceAll(Matcher.quoteReplacement(schema) + ".$1")));
      }
    }
    return out;
  }
}
