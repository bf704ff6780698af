package org.hrssplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hrssplan.extract.CorpusExtractor;
import org.hrssplan.testing.TestFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file or a folder the job may not read, as a bureau's shared drive has them: {@code hrss extract} in a JVM of its
 * own, started without the power to read what its permissions forbid (tests run as root here, whom file modes do not
 * stop: {@code setpriv} drops that capability for the child, as for any other user). A file it may not read is its
 * own result and the others are read; a folder it may not list is one line and exit 1, never a stack trace.
 */
class UnreadableInputsTest {
  @TempDir
  Path tmp;

  private record Outcome(int code, String out, String err) {}

  private Outcome extract(Path input) throws Exception {
    List<String> cmd = new ArrayList<>();
    if ("root".equals(System.getProperty("user.name"))) {
      cmd.addAll(List.of("setpriv", "--bounding-set", "-dac_override,-dac_read_search"));
    }
    cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
        "-Dhrss.home=" + TestFixtures.repoRoot(), Hrss.class.getName(), "extract", "--input", input.toString(), "--out",
        tmp.resolve("out.csv").toString()));
    Process p = new ProcessBuilder(cmd).redirectOutput(tmp.resolve("stdout").toFile()).redirectError(tmp.resolve("stderr").toFile()).start();
    assertTrue(p.waitFor(2, TimeUnit.MINUTES), "hrss extract did not finish");
    return new Outcome(p.exitValue(), Files.readString(tmp.resolve("stdout"), StandardCharsets.UTF_8),
        Files.readString(tmp.resolve("stderr"), StandardCharsets.UTF_8));
  }

  private Path plansWithOneLocked() throws Exception {
    Path plans = Files.createDirectories(tmp.resolve("plans"));
    List<Path> seeds = CorpusExtractor.listInputs(TestFixtures.plansDir());
    Files.copy(seeds.get(0), plans.resolve("a_plan.txt"));
    Files.copy(seeds.get(1), plans.resolve("b_locked.txt"));
    Files.copy(seeds.get(2), plans.resolve("c_plan.txt"));
    Files.setPosixFilePermissions(plans.resolve("b_locked.txt"), PosixFilePermissions.fromString("---------"));
    return plans;
  }

  @Test
  void aFileTheJobMayNotReadIsReportedAndTheOthersAreRead() throws Exception {
    Outcome o = extract(plansWithOneLocked());
    assertEquals(1, o.code(), o.err());
    assertTrue(o.out().contains("quarantined  unreadable_file  b_locked.txt: the file cannot be read (permission denied)"), o.out());
    assertEquals(2, o.out().lines().filter(l -> l.matches("[ac]_plan\\.txt .*extracted$")).count(), o.out());
    assertTrue(o.err().lines().noneMatch(l -> l.startsWith("\tat ")), "no stack trace:\n" + o.err());
  }

  @Test
  void aFolderTheJobMayNotListIsOneLineAndExit1() throws Exception {
    Path plans = plansWithOneLocked();
    Files.setPosixFilePermissions(plans, PosixFilePermissions.fromString("---------"));
    try {
      Outcome o = extract(plans);
      assertEquals(1, o.code(), o.err());
      assertTrue(o.err().contains("hrss extract: the folder " + plans + " cannot be listed (permission denied)"), o.err());
      assertTrue(o.err().lines().noneMatch(l -> l.startsWith("\tat ")), "no stack trace:\n" + o.err());
    } finally {
      Files.setPosixFilePermissions(plans, PosixFilePermissions.fromString("rwx------"));
    }
  }
}
