package org.hrssplan.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hrssplan.config.AppConfig;
import org.hrssplan.extract.CorpusExtractor;
import org.hrssplan.testing.TestConfig;
import org.hrssplan.testing.TestFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The no-op check sees the plans folder as the run lists it, and a file it cannot read never stops the run before it starts. */
class InputFingerprintTest {
  @TempDir
  Path tmp;

  @Test
  void aBrokenLinkAmongThePlansIsPartOfTheFingerprintNotAnError() throws Exception {
    Path plans = Files.createDirectories(tmp.resolve("plans"));
    Files.copy(CorpusExtractor.listInputs(TestFixtures.plansDir()).get(0), plans.resolve("a.txt"));
    Files.createSymbolicLink(plans.resolve("b.txt"), tmp.resolve("nowhere.txt"));
    Files.writeString(plans.resolve(".hidden"), "not listed");
    AppConfig config = TestConfig.base().with("input.plans", plans.toString()).with("lakehouse", tmp.resolve("lakehouse").toString())
        .load(tmp.resolve("hrss.yaml"));
    InputFingerprint before = InputFingerprint.of(config);
    assertNotNull(before);
    assertEquals("broken link", before.checksums().get("plans/b.txt"));
    assertEquals(null, before.checksums().get("plans/.hidden"));
    Files.delete(plans.resolve("b.txt"));
    Files.copy(plans.resolve("a.txt"), plans.resolve("b.txt"));
    assertNotEquals(before, InputFingerprint.of(config), "the link mended is a new input");
  }
}
