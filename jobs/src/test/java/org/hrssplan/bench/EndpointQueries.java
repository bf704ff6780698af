package org.hrssplan.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hrssplan.notebooks.Notebook;
import org.hrssplan.notebooks.NotebookCell;
import org.hrssplan.notebooks.NotebookRunner;

/**
 * The notebooks' queries through a running SQL endpoint, as a BI tool sends them: {@code EndpointQueries JDBC_URL
 * NOTEBOOKS_DIR REPS}, the URL naming the catalog and schema the tables are read from. Prints one line per query ({@code query_ms <notebook>#<n> rows=… first=… warm=…}, warm = the
 * median of the REPS runs after the first) and a total line; one JDBC connection, opened before the clock starts.
 */
public final class EndpointQueries {
  public static void main(String[] args) throws Exception {
    String url = args[0];
    Path dir = Path.of(args[1]);
    int reps = Integer.parseInt(args[2]);
    Pattern table = Pattern.compile("delta\\.`\\$\\{lakehouse}/(\\w+)`");
    Properties p = new Properties();
    p.setProperty("user", "bench");
    List<Long> firsts = new ArrayList<>();
    List<Long> warms = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url, p)) {
      for (Path file : NotebookRunner.list(dir)) {
        Notebook nb = Notebook.parse(file.getFileName().toString(), Files.readString(file));
        Map<String, String> params = nb.parameters();
        int n = 0;
        for (NotebookCell cell : nb.cells()) {
          if (cell.kind() != NotebookCell.Kind.SQL) continue;
          n++;
          String sql = cell.text().lines().filter(l -> !l.strip().startsWith("--")).reduce("", (a, b) -> a + b + "\n").strip();
          if (sql.endsWith(";")) sql = sql.substring(0, sql.length() - 1);
          Matcher m = Pattern.compile("\\$\\{(\\w+)}").matcher(table.matcher(sql).replaceAll("$1"));
          StringBuilder sb = new StringBuilder();
          while (m.find()) m.appendReplacement(sb, Matcher.quoteReplacement(params.get(m.group(1))));
          m.appendTail(sb);
          List<Long> times = new ArrayList<>();
          int rows = 0;
          for (int i = 0; i <= reps; i++) {
            long t0 = System.nanoTime();
            rows = 0;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sb.toString())) {
              while (rs.next()) rows++;
            }
            times.add((System.nanoTime() - t0) / 1_000_000);
          }
          long first = times.get(0);
          List<Long> rest = new ArrayList<>(times.subList(1, times.size()));
          rest.sort(null);
          long warm = rest.get(rest.size() / 2);
          firsts.add(first);
          warms.add(warm);
          System.out.printf("query_ms %s#%d rows=%d first=%d warm=%d%n", file.getFileName(), n, rows, first, warm);
        }
      }
    }
    firsts.sort(null);
    warms.sort(null);
    System.out.printf("queries=%d first_max=%d first_median=%d warm_max=%d warm_median=%d%n", firsts.size(),
        firsts.get(firsts.size() - 1), firsts.get(firsts.size() / 2), warms.get(warms.size() - 1), warms.get(warms.size() / 2));
  }
}
