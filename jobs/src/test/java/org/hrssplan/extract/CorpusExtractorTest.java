package org.hrssplan.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hrssplan.document.PlanDocument;
import org.hrssplan.synth.SyntheticCorpus;
import org.hrssplan.testing.TestFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Extraction on several threads gives what extraction one document after another gives, in the same order. */
class CorpusExtractorTest {
  @TempDir static Path tmp;

  @Test
  void severalThreadsGiveTheOneThreadResultsInFileOrderOnSeedsAndBadInput() throws Exception {
    List<Path> files = new ArrayList<>(CorpusExtractor.listInputs(TestFixtures.plansDir()));
    files.addAll(CorpusExtractor.listInputs(TestFixtures.resource("fixtures/bad-input")));
    assertSameForAnyThreads(files);
    // duplicates are found from the hash in each result's account, so it must be the hash of the file's bytes
    List<ExtractionResult> results = new CorpusExtractor(TestFixtures.extractor(), 2).extractAll(files);
    for (int i = 0; i < files.size(); i++) {
      assertEquals(PlanDocument.sha256(Files.readAllBytes(files.get(i))), results.get(i).account().sha256(), files.get(i).toString());
    }
  }

  @Test
  void severalThreadsGiveTheOneThreadResultsOnAGeneratedCorpus() throws Exception {
    Path corpus = tmp.resolve("corpus");
    new SyntheticCorpus(TestFixtures.catalog()).write(60, 3L, corpus);
    // the corpus's own regions are not loaded: the seed directory leaves these unrecognized, which is fine here
    assertSameForAnyThreads(CorpusExtractor.listInputs(corpus.resolve(SyntheticCorpus.PLANS)));
  }

  @Test
  void theFirstCopyInNameOrderIsTheOriginalWhateverThreadFinishesFirst() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("copies"));
    byte[] plan = Files.readAllBytes(CorpusExtractor.listInputs(TestFixtures.plansDir()).get(0));
    for (String name : List.of("a.pdf", "b.txt", "c.txt", "d.html")) Files.write(dir.resolve(name), plan);
    List<ExtractionResult> results = new CorpusExtractor(TestFixtures.extractor(), 4).extractAll(CorpusExtractor.listInputs(dir));
    assertEquals(List.of("unreadable", "duplicate_document", "duplicate_document", "duplicate_document"), // a text named .pdf
        results.stream().map(r -> r.account().status()).toList());
    for (ExtractionResult r : results.subList(1, 4)) assertTrue(r.quarantined().get(0).reason().contains("same content (sha256) as a.pdf"));
  }

  @Test
  void aFileThatCannotBeReadIsItsOwnResultAndTheOthersAreRead() throws Exception {
    List<Path> files = new ArrayList<>(CorpusExtractor.listInputs(TestFixtures.plansDir()));
    files.add(1, tmp.resolve("gone.txt"));
    List<ExtractionResult> results = new CorpusExtractor(TestFixtures.extractor(), 3).extractAll(files);
    assertEquals(files.size(), results.size());
    assertEquals("unreadable_file", results.get(1).account().status());
    assertTrue(results.get(1).quarantined().get(0).reason().startsWith("gone.txt: the file cannot be read"), results.get(1).quarantined().get(0).reason());
    assertEquals("extracted", results.get(0).account().status());
    assertEquals("extracted", results.get(2).account().status());
  }

  private static void assertSameForAnyThreads(List<Path> files) {
    List<ExtractionResult> one = new CorpusExtractor(TestFixtures.extractor(), 1).extractAll(files);
    assertEquals(files.size(), one.size());
    for (int threads : new int[] {2, 3, 8}) {
      List<ExtractionResult> many = new CorpusExtractor(TestFixtures.extractor(), threads).extractAll(files);
      assertEquals(one, many, threads + " threads");
    }
  }
}
