package org.hrssplan.endpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hrssplan.config.AppConfig;
import org.hrssplan.tables.CurrentRun;
import org.hrssplan.tables.PublishedTable;

/**
 * What analysts see through the endpoint: schema {@code <database>} holds one Delta table per published table, as of
 * the version the last complete run wrote ({@code _state/current.json}, {@link CurrentRun}), so a query sees
 * yesterday's run or tonight's, never a table half-written. Each is registered at a {@link PinnedLog} of its table under
 * {@code _endpoint/pinned/<table>/<n>}: Trino reads the pinned version, and time travel is Trino's own on a Delta table
 * ({@code FOR VERSION AS OF} any version up to the pinned one, under the table's real version numbers; a later one
 * "does not exist" until a run that wrote it completes). A table no run has pinned ({@code ops_job_runs}, which records
 * failed runs too, and every table before the first complete run) is registered at its own folder: its latest commit.
 *
 * <p>Not views pinned {@code FOR VERSION AS OF} over hidden tables, as before issue #20: Trino 476 ignores a
 * {@code FOR VERSION/TIMESTAMP AS OF} on a view (its analyzer reads the clause for tables only), so time travel on a
 * view silently returned the pinned rows; and {@code information_schema.views} shows a view's definition to whoever
 * sees the view, which named the hidden schema, its tables and versions.
 */
final class PinnedTables {
  static final String DIR = "pinned";
  private final AppConfig config;
  /** What is registered in Trino since this start (the endpoint starts on an empty metastore): table → location. */
  private final Map<String, String> registered = new HashMap<>();
  /** The folder of each table's current pinned log. */
  private final Map<String, Path> copies = new HashMap<>();

  PinnedTables(AppConfig config) {
    this.config = config;
  }

  /** What a sync did: the run pinned ("" before any run) and the tables it could not serve, with the reason. */
  record Pinned(String runId, Map<String, String> problems) {}

  /**
   * Brings every table to the current run: its pinned log extended, registered where it is not yet. A table that
   * cannot be served (a run is creating it right now, or its folder is damaged) keeps what it served and is named in the
   * result.
   */
  Pinned sync(Connection admin) throws SQLException, IOException {
    Map<String, String> problems = new LinkedHashMap<>();
    CurrentRun current = CurrentRun.read(config);
    Path lakehouse = SqlEndpoint.lakehouse(config).toAbsolutePath().normalize();
    Path pinned = lakehouse.resolve(SqlEndpoint.STATE_DIR).resolve(DIR);
    String schema = config.database();
    try (Statement st = admin.createStatement()) {
      st.execute("CREATE SCHEMA IF NOT EXISTS " + TrinoFiles.CATALOG + "." + schema);
      for (PublishedTable t : PublishedTable.ALL) {
        String name = t.name();
        Path folder = lakehouse.resolve(name);
        try {
          if (!Files.isDirectory(folder.resolve(PinnedLog.LOG))) {
            unregister(st, name);
            copies.remove(name);
            TrinoDistribution.deleteTree(pinned.resolve(name));
            continue;
          }
          Long version = current == null ? null : current.versions().get(name);
          Path copy = null;
          if (version != null) {
            copy = copies.get(name) != null ? copies.get(name) : pinned.resolve(name).resolve("1");
            if (!PinnedLog.extend(folder, copy, version)) { // recreated since: a new copy beside the one Trino reads now
              copy = copy.resolveSibling(String.valueOf(Integer.parseInt(copy.getFileName().toString()) + 1));
              TrinoDistribution.deleteTree(copy);
              if (!PinnedLog.extend(folder, copy, version)) throw new IOException("cannot pin " + folder + " in " + copy);
            }
          }
          String location = "local:///" + lakehouse.relativize(copy == null ? folder : copy).toString().replace('\\', '/');
          if (!location.equals(registered.get(name))) {
            // a moment without the table: only when its first complete run is pinned, or after it was recreated
            unregister(st, name);
            st.execute("CALL " + TrinoFiles.CATALOG + ".system.register_table(schema_name => '" + schema + "', table_name => '" + name
                + "', table_location => '" + location + "')");
            registered.put(name, location);
          }
          Path before = copies.put(name, copy);
          if (before != null && !before.equals(copy)) TrinoDistribution.deleteTree(before);
        } catch (SQLException | IOException e) {
          problems.put(name, String.valueOf(e.getMessage()).replaceFirst("^Query failed \\(#[^)]*\\): ", ""));
        }
      }
    }
    return new Pinned(current == null ? "" : current.runId(), problems);
  }

  private void unregister(Statement st, String name) throws SQLException {
    if (!registered.containsKey(name)) return;
    st.execute("CALL " + TrinoFiles.CATALOG + ".system.unregister_table(schema_name => '" + config.database() + "', table_name => '"
        + name + "')");
    registered.remove(name);
  }
}
