package org.hrssplan.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.hrssplan.config.AppConfig;

/**
 * {@code hrss run --rebuild}: the tables to recreate from scratch, removed before the run so that it writes them anew
 * (every published table is derived from the inputs; the run log is history and is never removed).
 */
public final class TableRebuild {
  private TableRebuild() {}

  /** The configuration keys of {@code names} (table names as published, or {@code all}); an unknown name is an error listing the known ones. */
  public static List<String> keys(AppConfig config, List<String> names) {
    Set<String> keys = new LinkedHashSet<>();
    for (String raw : names) {
      String name = raw.strip();
      if (name.isEmpty()) continue;
      if (name.equals("all")) {
        for (String k : config.tables().keySet()) if (!k.equals(LakehouseHealth.RUN_LOG)) keys.add(k);
        continue;
      }
      String key = null;
      for (Map.Entry<String, String> t : config.tables().entrySet()) {
        if (t.getValue().equals(name) || config.tableName(t.getKey()).equals(name)) key = t.getKey();
      }
      if (key == null) {
        List<String> known = new ArrayList<>();
        for (Map.Entry<String, String> t : config.tables().entrySet()) if (!t.getKey().equals(LakehouseHealth.RUN_LOG)) known.add(t.getValue());
        throw new IllegalArgumentException("no table '" + name + "'; tables: " + String.join(", ", known) + ", or all");
      }
      if (key.equals(LakehouseHealth.RUN_LOG)) {
        throw new IllegalArgumentException(name + " is the run history, not derived from the inputs: it is never rebuilt"
            + " (restore it from a backup, or move its folder aside to start a new history)");
      }
      keys.add(key);
    }
    return List.copyOf(keys);
  }

  /** Removes the folders of the tables {@code keys}; returns the folders removed. */
  public static List<String> remove(AppConfig config, List<String> keys) {
    List<String> removed = new ArrayList<>();
    try {
      for (String key : keys) {
        Path p = new Path(config.tablePath(key));
        FileSystem fs = p.getFileSystem(new Configuration());
        if (fs.exists(p) && fs.delete(p, true)) removed.add(p.toString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return removed;
  }
}
