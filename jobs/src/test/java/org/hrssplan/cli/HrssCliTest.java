package org.hrssplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hrssplan.testing.TestFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user runs it: exit codes and what lands in the output file. */
class HrssCliTest {
  @TempDir Path tmp;

  @BeforeAll
  static void home() {
    System.setProperty("hrss.home", TestFixtures.repoRoot().toString());
  }

  @Test
  void extractWritesTheNormalizedCsvForTheSeeds() throws Exception {
    Path out = tmp.resolve("out.csv");
    int code = Hrss.execute("extract", "--input", TestFixtures.plansDir().toString(), "--out", out.toString());
    assertEquals(0, code);
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertEquals(579, lines.size(), "header + 578 observations: 373 golden rows (tables, 主要目标) + 205 figures of the rest of the prose");
    assertTrue(lines.get(0).startsWith("observation_id,region_code,region_name,plan_period,indicator_id"));
  }

  @Test
  void extractOfASingleNewDocumentWorks() throws Exception {
    Path out = tmp.resolve("one.csv");
    assertEquals(0, Hrss.execute("extract", "--input", TestFixtures.resource("fixtures/layouts/plan_page.html").toString(), "--out",
        out.toString()));
    assertEquals(7, Files.readAllLines(out).size());
  }

  @Test
  void extractExitsOneWhenADocumentCannotBeReadButStillWritesTheRest() throws Exception {
    Path out = tmp.resolve("bad.csv");
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = Hrss.execute("extract", "--input", TestFixtures.resource("fixtures/bad-input").toString(), "--out", out.toString());
    } finally {
      System.setOut(old);
    }
    assertEquals(1, code);
    String printed = buf.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("d_undecodable.txt: ") && printed.contains("line 3"), printed);
    assertTrue(Files.readAllLines(out).size() > 10);
  }

  @Test
  void usageErrorsNeverExitZero() {
    assertEquals(Hrss.USAGE, Hrss.execute("no-such-command"));
    assertEquals(Hrss.USAGE, Hrss.execute("extract", "--input", "x"));
    assertEquals(0, Hrss.execute("--help"));
  }

  private static String printed(Runnable r) {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      r.run();
    } finally {
      System.setOut(old);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }

  @Test
  void extractTakesAnotherRegionsFileAndNamesFileAndLineOfEveryFinding() throws Exception {
    Path out = tmp.resolve("shapes.csv");
    int[] code = new int[1];
    String printed = printed(() -> code[0] = Hrss.execute("extract", "--input",
        TestFixtures.resource("fixtures/shapes/two_level_labels.txt").toString(),
        "--regions", TestFixtures.resource("fixtures/shapes/regions.csv").toString(), "--out", out.toString()));
    assertEquals(0, code[0], printed);
    assertTrue(printed.contains("two_level_labels.txt") && printed.contains("extracted"), printed);
    // its label 高技能人才培养人数 is not in the catalog: each finding says where it is
    List<String> unknown = printed.lines().filter(l -> l.startsWith("finding      unknown_indicator")).toList();
    assertEquals(2, unknown.size(), printed);
    assertTrue(unknown.stream().allMatch(l -> l.contains("two_level_labels.txt line 22: ")), printed);
  }

  @Test
  void aMissingConfigFileIsSaidInOneLineWithExitOne() {
    java.io.PrintStream old = System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = Hrss.execute("extract", "--config", tmp.resolve("nope.yaml").toString(), "--input", "x", "--out", "y");
    } finally {
      System.setErr(old);
    }
    String err = buf.toString(StandardCharsets.UTF_8);
    assertEquals(Hrss.HANDLED_FAILURE, code);
    assertTrue(err.contains("nope.yaml does not exist") && !err.contains("\tat "), err);
  }

  @Test
  void relativePathsOnTheCommandLineAreTheCallersNotTheProjectHomes() throws Exception {
    // jobs/bin/hrss runs the JVM in the project home; a user in another folder means their own "plans" and "out.csv"
    var paths = Hrss.paths(tmp);
    assertEquals(tmp.resolve("plans"), paths.convert("plans"));
    assertEquals(tmp.resolve("out/o.csv"), paths.convert("./out/o.csv"));
    assertEquals(Path.of("/srv/regions.csv"), paths.convert("/srv/regions.csv"));
  }

  @Test
  void aMissingInputIsAHandledFailure() {
    assertEquals(Hrss.HANDLED_FAILURE, Hrss.execute("extract", "--input", tmp.resolve("nope").toString(), "--out", tmp.resolve("o.csv").toString()));
  }
}
