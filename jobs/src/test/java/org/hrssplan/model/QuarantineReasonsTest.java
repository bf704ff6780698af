package org.hrssplan.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.hrssplan.extract.CorpusExtractor;
import org.hrssplan.extract.ExtractionResult;
import org.hrssplan.extract.QuarantinedCell;
import org.hrssplan.testing.TestFixtures;
import org.junit.jupiter.api.Test;

/** The docs' table of quarantine reasons is the enum, and every reason the extractor gives is one of the enum's. */
class QuarantineReasonsTest {
  @Test
  void theDocsListEveryReasonWithItsDescription() throws Exception {
    List<String> lines = Files.readAllLines(TestFixtures.repoRoot().resolve("docs/reading-inputs.md"));
    int header = lines.indexOf("| `reason_code` | what was not read |");
    assertTrue(header >= 0, "docs/reading-inputs.md: the table of quarantine reasons");
    List<String> table = new ArrayList<>();
    for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) table.add(lines.get(i));
    List<String> expected = Arrays.stream(QuarantineReason.values()).map(r -> "| `" + r.code() + "` | " + r.description() + " |").toList();
    assertEquals(expected, table, "regenerate the table in docs/reading-inputs.md from model/QuarantineReason");
  }

  @Test
  void everyReasonTheBadInputCorpusGetsIsACode() throws Exception {
    Set<String> given = new TreeSet<>();
    for (ExtractionResult r : new CorpusExtractor(TestFixtures.extractor())
        .extractAll(CorpusExtractor.listInputs(TestFixtures.resource("fixtures/bad-input")))) {
      r.quarantined().stream().map(QuarantinedCell::reasonCode).forEach(given::add);
    }
    Set<String> unknown = given.stream().filter(c -> !Code.isCode(QuarantineReason.class, c)).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(Set.of(), unknown, "reason codes given that QuarantineReason does not have");
    assertTrue(given.size() >= 15, given.toString());
  }
}
