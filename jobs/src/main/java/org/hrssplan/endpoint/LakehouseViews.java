package org.hrssplan.endpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.hrssplan.config.AppConfig;
import org.hrssplan.ops.CurrentRun;
import org.hrssplan.pipeline.PublishedTable;

/**
 * What analysts see through the endpoint: schema {@code <database>} holds one view per published table, pinned to
 * the Delta version the last complete run wrote ({@code _state/current.json}, {@link CurrentRun}), so a query sees
 * yesterday's run or tonight's, never tables of both while a run is writing. The views read the Delta tables
 * registered (by location, once) in {@code <database>_live}. A table no run has pinned ({@code ops_job_runs}, which
 * records failed runs too) is read at its latest commit.
 */
final class LakehouseViews {
  private final AppConfig config;
  private final String live;

  LakehouseViews(AppConfig config) {
    this.config = config;
    this.live = config.database() + "_live";
  }

  /** What a sync did: the run pinned ("" before any run) and the tables it could not serve, with Trino's reason. */
  record Pinned(String runId, Map<String, String> problems) {}

  /**
   * Registers new tables and re-pins every view to the current run. A table that cannot be served (a run is creating
   * it right now, or its folder is damaged) keeps its previous view and is named in the result.
   */
  Pinned sync(Connection admin) throws SQLException, IOException {
    Map<String, String> problems = new LinkedHashMap<>();
    CurrentRun current = CurrentRun.read(config);
    String c = TrinoFiles.CATALOG;
    try (Statement st = admin.createStatement()) {
      st.execute("CREATE SCHEMA IF NOT EXISTS " + c + "." + live);
      st.execute("CREATE SCHEMA IF NOT EXISTS " + c + "." + config.database());
      Set<String> registered = names(st, "SELECT table_name FROM " + c + ".information_schema.tables WHERE table_schema = '" + live + "'");
      for (PublishedTable t : PublishedTable.ALL) {
        Path folder = SqlEndpoint.lakehouse(config).resolve(t.name());
        String view = c + "." + config.database() + "." + t.name();
        if (!Files.isDirectory(folder.resolve("_delta_log"))) {
          st.execute("DROP VIEW IF EXISTS " + view);
          continue;
        }
        Long version = current == null ? null : current.versions().get(t.name());
        try {
          if (!registered.contains(t.name())) {
            st.execute("CALL " + c + ".system.register_table(schema_name => '" + live + "', table_name => '" + t.name()
                + "', table_location => 'local:///" + t.name() + "')");
          }
          String comment = t.comment() + (version == null ? " (latest commit)" : " (run " + current.runId() + ", Delta version " + version + ")");
          st.execute("CREATE OR REPLACE VIEW " + view + " COMMENT '" + comment.replace("'", "''") + "' SECURITY DEFINER AS SELECT * FROM "
              + c + "." + live + "." + t.name() + (version == null ? "" : " FOR VERSION AS OF " + version));
        } catch (SQLException e) {
          problems.put(t.name(), String.valueOf(e.getMessage()).replaceFirst("^Query failed \\(#[^)]*\\): ", ""));
        }
      }
    }
    return new Pinned(current == null ? "" : current.runId(), problems);
  }

  private static Set<String> names(Statement st, String sql) throws SQLException {
    Set<String> out = new HashSet<>();
    try (ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) out.add(rs.getString(1));
    }
    return out;
  }
}
