package org.hrssplan.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.hrssplan.testing.NotebookQueries;

/**
 * The notebooks' queries through a running SQL endpoint, as a BI tool sends them: {@code EndpointQueries JDBC_URL
 * NOTEBOOKS_DIR SCHEMA REPS}, the tables read from SCHEMA of the URL's catalog. Prints one line per query
 * ({@code query_ms <notebook>#<n> rows=… first=… warm=…}, warm = the median of the REPS runs after the first) and a
 * total line; one JDBC connection, opened before the clock starts.
 */
public final class EndpointQueries {
  public static void main(String[] args) throws Exception {
    String url = args[0];
    Path dir = Path.of(args[1]);
    String schema = args[2];
    int reps = Integer.parseInt(args[3]);
    Properties p = new Properties();
    p.setProperty("user", "bench");
    List<Long> firsts = new ArrayList<>();
    List<Long> warms = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url, p)) {
      // the lakehouse path only links each Spark table to its name in the schema: any path will do
      for (NotebookQueries.Query q : NotebookQueries.of(dir, "/lakehouse", schema)) {
        List<Long> times = new ArrayList<>();
        int rows = 0;
        for (int i = 0; i <= reps; i++) {
          long t0 = System.nanoTime();
          rows = 0;
          try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(q.trino())) {
            while (rs.next()) rows++;
          }
          times.add((System.nanoTime() - t0) / 1_000_000);
        }
        List<Long> rest = new ArrayList<>(times.subList(1, times.size()));
        rest.sort(null);
        firsts.add(times.get(0));
        warms.add(rest.get(rest.size() / 2));
        System.out.printf("query_ms %s rows=%d first=%d warm=%d%n", q.name(), rows, times.get(0), rest.get(rest.size() / 2));
      }
    }
    firsts.sort(null);
    warms.sort(null);
    System.out.printf("queries=%d first_max=%d first_median=%d warm_max=%d warm_median=%d%n", firsts.size(),
        firsts.get(firsts.size() - 1), firsts.get(firsts.size() / 2), warms.get(warms.size() - 1), warms.get(warms.size() / 2));
  }
}
