package org.hrssplan.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import org.hrssplan.testing.TestFixtures;
import org.junit.jupiter.api.Test;

class SchemaDocsTest {
  @Test
  void committedSchemaFileDescribesTheObservationTableAsCoded() throws Exception {
    String committed = Files.readString(TestFixtures.repoRoot().resolve("data/normalized/indicator_observations.schema.json"));
    assertEquals(SchemaDocs.observationSchemaJson(), committed,
        "regenerate: java -cp … org.hrssplan.tables.SchemaDocs > data/normalized/indicator_observations.schema.json");
  }
}
