package org.hrssplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.hrssplan.catalog.LabelSuggestions;
import org.hrssplan.catalog.LabelSuggestions.Suggestion;
import org.hrssplan.testing.TestFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hrss catalog suggest} on two hand-written plans (fixtures/suggest): 叙永 prints 城镇新增就业人口 and
 * 失业保险参保人员 (万人), 奉节 prints 城镇新增就业人口 again; the catalog knows 城镇新增就业人数 and 失业保险参保人数.
 *
 * <p>Scores by hand (bigram sets, Dice = 2·shared / (|A| + |B|), score = 0.9 · Dice + 0.1 for the same unit dimension):
 * 城镇新增就业人口 {城镇 镇新 新增 增就 就业 业人 人口} vs 城镇新增就业人数 {… 业人 人数}: 6 shared of 7 + 7 → 12/14 =
 * 0.857; its alias 城镇新增就业 (5 bigrams, all shared) gives 10/12 = 0.833 only; both 万人 (persons) → 0.9 × 12/14 + 0.1
 * = 0.871. 失业保险参保人员 vs 失业保险参保人数 likewise 0.871; vs 失业保险参保率 {失业 业保 保险 险参 参保 保率}: 5 shared
 * of 7 + 6 → 10/13, unit % → 0.9 × 10/13 = 0.692.
 */
class CatalogSuggestCommandTest {
  @TempDir Path tmp;

  @BeforeAll
  static void home() {
    System.setProperty("hrss.home", TestFixtures.repoRoot().toString());
  }

  @Test
  void listsEachUnknownLabelOnceWithTheRightIndicatorFirst() throws Exception {
    Path out = tmp.resolve("suggestions.csv");
    String printed = run(0, "catalog", "suggest", "--input", TestFixtures.resource("fixtures/suggest").toString(), "--out", out.toString());
    assertTrue(printed.contains("Nothing is mapped"), printed);
    assertTrue(printed.contains("城镇新增就业人口  4 obs  2 docs (a_xuyong.txt; b_fengjie.txt)  units 万人  → urban_new_jobs 城镇新增就业人数 0.871"), printed);
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertEquals(3, lines.size(), "header + two distinct labels: " + lines);
    assertEquals("label,observations,documents,document_names,units,suggestion_1_id,suggestion_1_name_zh,suggestion_1_score,"
        + "suggestion_2_id,suggestion_2_name_zh,suggestion_2_score,suggestion_3_id,suggestion_3_name_zh,suggestion_3_score,to_accept",
        lines.get(0));
    // sorted by observations: 城镇新增就业人口 4 (2 columns × 2 documents) before 失业保险参保人员 2
    String[] first = lines.get(1).split(",");
    assertEquals(List.of("城镇新增就业人口", "4", "2", "a_xuyong.txt; b_fengjie.txt", "万人", "urban_new_jobs", "城镇新增就业人数", "0.871"),
        List.of(first).subList(0, 8));
    String[] second = lines.get(2).split(",");
    assertEquals(List.of("失业保险参保人员", "2", "1", "a_xuyong.txt", "万人", "unemployment_insurance_insured", "失业保险参保人数", "0.871",
        "unemployment_insurance_coverage_rate", "失业保险参保率", "0.692"), List.of(second).subList(0, 11));
    assertTrue(lines.get(1).endsWith("(nothing is mapped automatically)"));
  }

  @Test
  void topChoosesHowManySuggestions() throws Exception {
    Path out = tmp.resolve("one.csv");
    run(0, "catalog", "suggest", "--input", TestFixtures.resource("fixtures/suggest/a_xuyong.txt").toString(), "--top", "1", "--out",
        out.toString());
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertTrue(lines.get(0).contains("suggestion_1_score,to_accept"), lines.get(0));
    assertEquals(3, lines.size());
    assertEquals("城镇新增就业人口,2,1,a_xuyong.txt,万人,urban_new_jobs,城镇新增就业人数,0.871", String.join(",", List.of(lines.get(1).split(",")).subList(0, 8)));
  }

  @Test
  void exitCodes() {
    run(Hrss.HANDLED_FAILURE, "catalog", "suggest", "--input", tmp.resolve("nope").toString());
    run(Hrss.HANDLED_FAILURE, "catalog", "suggest", "--input", TestFixtures.resource("fixtures/suggest").toString(), "--catalog",
        tmp.resolve("no-catalog.yaml").toString());
    run(Hrss.USAGE, "catalog", "suggest");
    run(Hrss.USAGE, "catalog", "suggest", "--input", TestFixtures.resource("fixtures/suggest").toString(), "--top", "0");
    run(Hrss.USAGE, "catalog");
    run(0, "catalog", "suggest", "--help");
  }

  @Test
  void bigramDiceAndTheUnitBonusAsCountedByHand() {
    assertEquals(12.0 / 14, LabelSuggestions.bigramDice("城镇新增就业人口", "城镇新增就业人数"), 1e-12);
    assertEquals(10.0 / 13, LabelSuggestions.bigramDice("失业保险参保人员", "失业保险参保率"), 1e-12);
    assertEquals(1.0, LabelSuggestions.bigramDice("失业保险", "失业保险"), 1e-12);
    assertEquals(0.0, LabelSuggestions.bigramDice("人才", "就业"), 1e-12);
    LabelSuggestions s = new LabelSuggestions(TestFixtures.catalog());
    // printed in 万人: the count wins (0.9 × 12/14 + 0.1 = 0.871 vs 0.9 × 10/13 = 0.692)
    Suggestion persons = s.suggest("失业保险参保人员", Set.of("万人"), 1).get(0);
    assertEquals("unemployment_insurance_insured", persons.indicator().id());
    assertEquals(0.9 * 12 / 14 + 0.1, persons.score(), 1e-12);
    // printed in %: the rate's dimension matches and it comes first (0.9 × 10/13 + 0.1 = 0.792 vs 0.9 × 12/14 = 0.771)
    Suggestion percent = s.suggest("失业保险参保人员", Set.of("%"), 1).get(0);
    assertEquals("unemployment_insurance_coverage_rate", percent.indicator().id());
    assertEquals(0.9 * 10 / 13 + 0.1, percent.score(), 1e-12);
  }

  private static String run(int expectedExit, String... args) {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = Hrss.execute(args);
    } finally {
      System.setOut(old);
    }
    String printed = buf.toString(StandardCharsets.UTF_8);
    assertEquals(expectedExit, code, () -> String.join(" ", args) + "\n" + printed);
    return printed;
  }
}
