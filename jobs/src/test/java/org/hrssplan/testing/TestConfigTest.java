package org.hrssplan.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import org.hrssplan.config.AppConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Config edits in tests are YAML edits by key: a key that is not there fails, and nothing else changes. */
class TestConfigTest {
  @TempDir Path tmp;

  @Test
  void theBaseWrittenBackIsConfHrssYamlValueForValue() throws Exception {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    Path written = TestConfig.base().write(tmp.resolve("same.yaml"));
    assertEquals(yaml.readTree(TestFixtures.repoRoot().resolve("conf/hrss.yaml").toFile()), yaml.readTree(written.toFile()));
  }

  @Test
  void anEditChangesItsKeyOnlyAndLeavesTheBaseAsItWas() throws Exception {
    TestConfig base = TestConfig.base();
    AppConfig c = base.with("lakehouse", tmp.resolve("lake"))
        .with("input.plans", tmp.resolve("plans"))
        .with("normalized_csv", "")
        .with("gates.quarantine_share.action", "warn")
        .with("endpoint.port", 12345)
        .load(tmp.resolve("edited.yaml"));
    assertEquals(tmp.resolve("lake").toString(), c.lakehouse());
    assertEquals(tmp.resolve("plans").toString(), c.plans());
    assertEquals("", c.normalizedCsv());
    assertEquals("warn", c.gates().get("quarantine_share").action());
    assertEquals(0.05, c.gates().get("quarantine_share").limit());
    assertEquals(12345, c.endpoint().port());
    AppConfig original = AppConfig.load(TestFixtures.repoRoot().resolve("conf/hrss.yaml"));
    assertEquals(original.regions(), c.regions());
    assertEquals(original.database(), c.database());
    assertEquals(original.gates().keySet(), c.gates().keySet(), "the gates in the file's order");
    assertEquals("data/lakehouse", base.get("lakehouse"), "the base is not changed by an edit");
    assertEquals("fail", base.get("gates.quarantine_share.action"));
  }

  @Test
  void aKeyThatIsNotThereFailsUnlessAddedOnPurpose() throws Exception {
    TestConfig base = TestConfig.base();
    IllegalArgumentException renamed = assertThrows(IllegalArgumentException.class, () -> base.with("input.plan", "x"));
    assertTrue(renamed.getMessage().contains("has no `input.plan`"), renamed.getMessage());
    assertThrows(IllegalArgumentException.class, () -> base.with("gates.no_such_gate.action", "warn"));
    assertThrows(IllegalArgumentException.class, () -> base.with("lakehouse.path", "x"), "lakehouse is a value, not a section");
    assertThrows(IllegalArgumentException.class, () -> base.adding("lakehouse", "x"), "adding() is for new keys only");
    assertThrows(IllegalArgumentException.class, () -> base.with("lakehouse", null));
    Path added = base.adding("tables.attainment", "fct_target_attainment").write(tmp.resolve("added.yaml"));
    assertEquals("fct_target_attainment", TestConfig.of(added).get("tables.attainment"));
  }
}
