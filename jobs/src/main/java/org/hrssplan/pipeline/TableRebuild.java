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
import org.hrssplan.tables.PublishedTable;

/**
 * {@code hrss run --rebuild}: the tables to recreate from scratch, removed before the run so that it writes them anew
 * (every published table is derived from the inputs; the run log is history and is never removed).
 */
public final class TableRebuild {
  private TableRebuild() {}

  /**
   * The tables {@code names} name (as published, with or without the database, or {@code all}); an unknown name is an
   * error listing the known ones.
   */
  public static List<PublishedTable> tables(List<String> names) {
    Set<PublishedTable> tables = new LinkedHashSet<>();
    List<PublishedTable> derived = PublishedTable.ALL.stream().filter(t -> t != PublishedTable.RUNS).toList();
    for (String raw : names) {
      String name = raw.strip();
      if (name.isEmpty()) continue;
      if (name.equals("all")) {
        tables.addAll(derived);
        continue;
      }
      PublishedTable table = PublishedTable.named(name).orElseThrow(() -> new IllegalArgumentException("no table '" + name
          + "'; tables: " + String.join(", ", derived.stream().map(PublishedTable::name).toList()) + ", or all"));
      if (table == PublishedTable.RUNS) {
        throw new IllegalArgumentException(name + " is the run history, not derived from the inputs: it is never rebuilt"
            + " (restore it from a backup, or move its folder aside to start a new history)");
      }
      tables.add(table);
    }
    return List.copyOf(tables);
  }

  /** Removes the folders of {@code tables}; returns the folders removed. */
  public static List<String> remove(AppConfig config, List<PublishedTable> tables) {
    List<String> removed = new ArrayList<>();
    try {
      for (PublishedTable t : tables) {
        Path p = new Path(config.tablePath(t.name()));
        FileSystem fs = p.getFileSystem(new Configuration());
        if (fs.exists(p) && fs.delete(p, true)) removed.add(p.toString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return removed;
  }
}
