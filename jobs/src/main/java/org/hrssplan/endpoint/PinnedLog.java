package org.hrssplan.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Delta table as of one version, for Trino: a folder whose {@code _delta_log} holds the table's own log files up to
 * that version (hard links, or copies where the file system has none) and whose other entries are symbolic links to the
 * table's data files and partition folders. For a Delta reader it is the table with its later commits not written yet:
 * it reads the pinned version by default, and time travel reaches any earlier version under its real number. A later
 * pin extends the same folder (a Delta log only grows); a table recreated from scratch ({@code hrss run --rebuild}) no
 * longer shares the folder's log, and {@link #extend} says so.
 */
final class PinnedLog {
  static final String LOG = "_delta_log";
  private static final String LAST_CHECKPOINT = "_last_checkpoint";
  /** Log files of one version: a commit, its checksum, a checkpoint in one part or several. */
  private static final Pattern ENTRY = Pattern.compile("(\\d{20})\\.(json|crc|checkpoint\\.parquet|checkpoint\\.\\d{10}\\.\\d{10}\\.parquet)");
  private static final ObjectMapper JSON = new ObjectMapper();

  private PinnedLog() {}

  /**
   * Brings {@code copy} to {@code version} of the Delta table in {@code table}; false (and nothing changed) when the
   * copy's log is not the start of the table's any more, so a new copy is needed. New commits appear to a reader all at
   * once: Trino reads the commits after the one it knows until one is missing, so the lowest new commit is linked last.
   */
  static boolean extend(Path table, Path copy, long version) throws IOException {
    table = table.toAbsolutePath().normalize();
    copy = copy.toAbsolutePath().normalize();
    Path log = table.resolve(LOG);
    Path copyLog = copy.resolve(LOG);
    if (!Files.isRegularFile(log.resolve(commit(version)))) {
      throw new IOException("version " + version + " (the last complete run's) is not in its transaction log " + log);
    }
    Files.createDirectories(copyLog);
    Set<String> have = new HashSet<>(names(copyLog));
    long top = -1;
    for (String n : have) {
      Matcher m = ENTRY.matcher(n);
      if (m.matches() && m.group(2).equals("json")) top = Math.max(top, Long.parseLong(m.group(1)));
    }
    if (top > version) return false;
    if (top >= 0) {
      Path theirs = log.resolve(commit(top));
      if (!Files.isRegularFile(theirs) || Files.mismatch(theirs, copyLog.resolve(commit(top))) != -1) return false;
    }
    // the data first: files and partition folders of later versions are linked too, and only read once a commit names them
    for (String n : names(table)) {
      if (n.equals(LOG) || n.startsWith(".")) continue; // Hadoop's .crc files
      Path link = copy.resolve(n);
      if (!Files.exists(link, LinkOption.NOFOLLOW_LINKS)) Files.createSymbolicLink(link, copy.relativize(table.resolve(n)));
    }
    List<String> add = new ArrayList<>();
    for (String n : names(log)) {
      Matcher m = ENTRY.matcher(n);
      if (m.matches() && Long.parseLong(m.group(1)) <= version && !have.contains(n)) add.add(n);
    }
    // checkpoints and checksums first (read only through _last_checkpoint, written below), then the commits from the highest
    add.sort(Comparator.comparing((String n) -> n.endsWith(".json")).thenComparing(Comparator.reverseOrder()));
    for (String n : add) place(log.resolve(n), copyLog.resolve(n));
    have.addAll(add);
    Path last = log.resolve(LAST_CHECKPOINT);
    if (Files.isRegularFile(last)) {
      byte[] bytes = Files.readAllBytes(last);
      JsonNode n = JSON.readTree(bytes);
      long at = n.path("version").asLong(-1);
      String prefix = String.format("%020d.checkpoint.", at);
      // a checkpoint of a later version (a run still writing) is left out: the copy keeps the one it has
      if (at >= 0 && at <= version && !n.has("v2Checkpoint") && have.stream().anyMatch(h -> h.startsWith(prefix))) {
        Path mine = copyLog.resolve(LAST_CHECKPOINT);
        if (!Files.isRegularFile(mine) || !Arrays.equals(bytes, Files.readAllBytes(mine))) {
          Path tmp = copyLog.resolve("." + LAST_CHECKPOINT + ".tmp");
          Files.write(tmp, bytes);
          Files.move(tmp, mine, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    if (!have.contains(commit(0)) && !Files.isRegularFile(copyLog.resolve(LAST_CHECKPOINT))) {
      throw new IOException("its first commits are cleaned up and its latest checkpoint is newer than version " + version
          + " (the last complete run's): served again once a run completes");
    }
    return true;
  }

  private static String commit(long version) {
    return String.format("%020d.json", version);
  }

  private static List<String> names(Path dir) throws IOException {
    try (var s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).toList();
    }
  }

  /** A log file into the copy, whole at once: a hard link, else a copy renamed into place. */
  private static void place(Path from, Path to) throws IOException {
    try {
      Files.createLink(to, from);
      return;
    } catch (FileAlreadyExistsException e) {
      throw e;
    } catch (UnsupportedOperationException | IOException e) {
      // another file system, or one without hard links
    }
    Path tmp = to.resolveSibling("." + to.getFileName() + ".tmp");
    Files.copy(from, tmp, StandardCopyOption.REPLACE_EXISTING);
    Files.move(tmp, to, StandardCopyOption.ATOMIC_MOVE);
  }
}
