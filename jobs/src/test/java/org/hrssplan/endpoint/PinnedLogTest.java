package org.hrssplan.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pinned copy of a Delta log the endpoint registers (made-up logs: the files' names and places are what counts
 * here; {@code SqlEndpointTest} reads real ones through Trino).
 */
class PinnedLogTest {
  @TempDir Path tmp;

  private Path table() throws IOException {
    Path t = tmp.resolve("lakehouse/dim_region");
    Files.createDirectories(t.resolve("_delta_log"));
    Files.createDirectories(t.resolve("year=2020"));
    Files.writeString(t.resolve("part-0.parquet"), "data 0");
    Files.writeString(t.resolve("year=2020/part-1.parquet"), "data 1");
    Files.writeString(t.resolve(".part-0.parquet.crc"), "hadoop");
    for (int v = 0; v <= 3; v++) commit(t, v, "commit " + v);
    return t;
  }

  private static void commit(Path table, int version, String text) throws IOException {
    Files.writeString(table.resolve("_delta_log").resolve(String.format("%020d.json", version)), text);
    Files.writeString(table.resolve("_delta_log").resolve(String.format("%020d.crc", version)), "checksum " + version);
  }

  private static List<String> log(Path copy) throws IOException {
    try (var s = Files.list(copy.resolve("_delta_log"))) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void theCopyHoldsTheLogUpToThePinnedVersionAndReachesTheDataByLinks() throws Exception {
    Path table = table();
    Path copy = tmp.resolve("lakehouse/_endpoint/pinned/dim_region/1");
    assertTrue(PinnedLog.extend(table, copy, 1));
    assertEquals(List.of("00000000000000000000.crc", "00000000000000000000.json", "00000000000000000001.crc", "00000000000000000001.json"),
        log(copy));
    assertEquals("commit 1", Files.readString(copy.resolve("_delta_log/00000000000000000001.json")));
    assertTrue(Files.isSameFile(table.resolve("_delta_log/00000000000000000001.json"), copy.resolve("_delta_log/00000000000000000001.json")),
        "a hard link");
    assertTrue(Files.isSymbolicLink(copy.resolve("part-0.parquet")));
    assertFalse(Files.readSymbolicLink(copy.resolve("part-0.parquet")).isAbsolute(), "relative: the lakehouse may move");
    assertEquals("data 1", Files.readString(copy.resolve("year=2020/part-1.parquet")));
    assertFalse(Files.exists(copy.resolve(".part-0.parquet.crc")));

    // a later complete run: the same copy grows; a checkpoint of a version not pinned yet is not pointed at
    commit(table, 4, "commit 4");
    Files.writeString(table.resolve("_delta_log/00000000000000000002.checkpoint.parquet"), "checkpoint 2");
    Files.writeString(table.resolve("_delta_log/00000000000000000004.checkpoint.parquet"), "checkpoint 4");
    Files.writeString(table.resolve("_delta_log/_last_checkpoint"), "{\"version\":4,\"size\":3}");
    Files.writeString(table.resolve("part-9.parquet"), "data 9");
    assertTrue(PinnedLog.extend(table, copy, 3));
    assertEquals(List.of("00000000000000000000.crc", "00000000000000000000.json", "00000000000000000001.crc", "00000000000000000001.json",
        "00000000000000000002.checkpoint.parquet", "00000000000000000002.crc", "00000000000000000002.json", "00000000000000000003.crc",
        "00000000000000000003.json"), log(copy));
    assertTrue(Files.isSymbolicLink(copy.resolve("part-9.parquet")), "data of later versions is linked, read only once a commit names it");
    Files.writeString(table.resolve("_delta_log/_last_checkpoint"), "{\"version\":2,\"size\":3}");
    assertTrue(PinnedLog.extend(table, copy, 3));
    assertEquals("{\"version\":2,\"size\":3}", Files.readString(copy.resolve("_delta_log/_last_checkpoint")));
    // a copy removed (a new one replaced it, or the endpoint starts again) takes its links, never the table's files
    TrinoDistribution.deleteTree(copy);
    assertEquals("data 1", Files.readString(table.resolve("year=2020/part-1.parquet")));
    assertEquals("commit 1", Files.readString(table.resolve("_delta_log/00000000000000000001.json")));
  }

  @Test
  void aTableRecreatedOrPinnedBackNeedsANewCopy() throws Exception {
    Path table = table();
    Path copy = tmp.resolve("copy");
    assertTrue(PinnedLog.extend(table, copy, 2));
    assertFalse(PinnedLog.extend(table, copy, 1), "the copy is past the pinned version");
    // hrss run --rebuild: the folder is removed and written anew, versions from 0
    TrinoDistribution.deleteTree(table);
    Files.createDirectories(table.resolve("_delta_log"));
    commit(table, 0, "new commit 0");
    commit(table, 1, "new commit 1");
    commit(table, 2, "new commit 2");
    commit(table, 3, "new commit 3");
    assertFalse(PinnedLog.extend(table, copy, 3), "its log is not the start of the table's any more");
    assertEquals("commit 2", Files.readString(copy.resolve("_delta_log/00000000000000000002.json")), "left as it was");
    Path fresh = tmp.resolve("copy2");
    assertTrue(PinnedLog.extend(table, fresh, 3));
    assertEquals("new commit 3", Files.readString(fresh.resolve("_delta_log/00000000000000000003.json")));
  }

  @Test
  void aVersionTheLogDoesNotHoldOrCannotBeReadUpToIsRefused() throws Exception {
    Path table = table();
    IOException missing = assertThrows(IOException.class, () -> PinnedLog.extend(table, tmp.resolve("copy"), 7));
    assertTrue(missing.getMessage().contains("version 7"), missing.getMessage());
    // the first commits cleaned up after a checkpoint that is newer than the pinned version
    Files.delete(table.resolve("_delta_log/00000000000000000000.json"));
    Files.writeString(table.resolve("_delta_log/00000000000000000003.checkpoint.parquet"), "checkpoint 3");
    Files.writeString(table.resolve("_delta_log/_last_checkpoint"), "{\"version\":3,\"size\":3}");
    IOException cleaned = assertThrows(IOException.class, () -> PinnedLog.extend(table, tmp.resolve("copy"), 2));
    assertTrue(cleaned.getMessage().contains("newer than version 2"), cleaned.getMessage());
    assertTrue(PinnedLog.extend(table, tmp.resolve("copy"), 3));
    assertEquals("{\"version\":3,\"size\":3}", Files.readString(tmp.resolve("copy/_delta_log/_last_checkpoint")));
  }
}
