package org.hrssplan.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hrssplan.config.AppConfig;
import org.hrssplan.testing.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lakehouse: file:/…} (which conf/hrss.yaml allows) is the local folder it names, for every part of a run: the
 * run lock, the run log and the state files are in it, not in a folder called {@code file:} of the working directory.
 */
class FileUriLakehouseTest {
  @TempDir
  Path tmp;

  @Test
  void aFileUriLakehouseIsLockedLikeALocalPath() throws Exception {
    Path lakehouse = tmp.resolve("lake house");
    AppConfig config = TestConfig.base().with("lakehouse", "file:" + lakehouse).load(tmp.resolve("hrss.yaml"));
    assertEquals(lakehouse.toString(), config.resolve(config.lakehouse()));

    List<String> err = new ArrayList<>();
    try (RunLock held = RunLock.acquire(lakehouse.resolve("_state"), "someone-else")) {
      int code = NightlyRun.run(config, "file-uri-1", true, () -> {
        throw new AssertionError("Spark must not be started while another run holds the lock");
      }, s -> {}, s -> {}, err::add);
      assertEquals(1, code);
    }
    assertTrue(err.get(0).contains("another run holds") && err.get(0).contains("someone-else"), err.toString());
    assertTrue(Files.readString(lakehouse.resolve("_state/runs.log")).contains("\"outcome\":\"busy\""));
    assertTrue(Files.notExists(Path.of("file:")), "no folder named file: where the tests run");
  }
}
