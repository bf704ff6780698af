package org.hrssplan.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.hrssplan.synth.SyntheticCorpus;
import org.hrssplan.testing.TestFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recognition through the name index gives exactly what the original rule gave: every region scored by
 * counting its full and short name with {@code indexOf}, name by name. The original rule is kept here, word
 * for word, as the reference; scores are compared region by region, not only the recognized region.
 */
class RegionRecognitionEquivalenceTest {
  @TempDir static Path tmp;

  @Test
  void sameScoresAndRegionsOnTheSeedPlans() throws Exception {
    RegionDirectory regions = TestFixtures.regions();
    int recognized = 0;
    for (String text : planTexts(TestFixtures.plansDir())) recognized += assertSameAnswers(regions, text) ? 1 : 0;
    assertTrue(recognized > 0, "the seeds name their regions");
  }

  @Test
  void sameScoresAndRegionsOnAGeneratedCorpusWithTheSeedRegionsAddedToItsOwn() throws Exception {
    Path corpus = tmp.resolve("corpus");
    new SyntheticCorpus(TestFixtures.catalog()).write(300, 7L, corpus);
    List<Region> all = new ArrayList<>(TestFixtures.regions().regions());
    try (Reader r = Files.newBufferedReader(corpus.resolve(SyntheticCorpus.REGIONS))) {
      all.addAll(RegionDirectory.read(r, "regions.csv").regions());
    }
    RegionDirectory regions = RegionDirectory.of(all);
    List<String> texts = planTexts(corpus.resolve(SyntheticCorpus.PLANS));
    texts.addAll(planTexts(TestFixtures.plansDir()));
    int recognized = 0;
    for (String text : texts) recognized += assertSameAnswers(regions, text) ? 1 : 0;
    assertTrue(recognized >= 300, "every generated plan names its region clearly: " + recognized);
  }

  /**
   * Names built from a handful of characters, so that names are substrings of others (安 / 新安 / 新安县), short
   * names collide with full names, two regions share a name, and texts repeat names back to back (安安安 counts
   * 安安 once), over thousands of texts that are sometimes clear, sometimes ambiguous.
   */
  @Test
  void sameScoresAndRegionsWhenNamesNestOverlapAndCollide() {
    Random random = new Random(20240501L);
    String chars = "新安东阳江山城南";
    String suffixes = "区县市旗";
    List<Region> list = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      StringBuilder name = new StringBuilder();
      int len = 1 + random.nextInt(3);
      for (int k = 0; k < len; k++) name.append(chars.charAt(random.nextInt(chars.length())));
      if (random.nextInt(4) > 0) name.append(suffixes.charAt(random.nextInt(suffixes.length())));
      list.add(new Region(String.format("%06d", 100000 + i), name.toString(), "county", "", "", i + ".txt"));
    }
    list.add(new Region("900001", "新安县", "county", "", "", "a.txt"));
    list.add(new Region("900002", "新安县", "county", "", "", "b.txt")); // the same name twice: never clearly named
    list.add(new Region("900003", "", "county", "", "", "c.txt"));       // an empty name occurs nowhere
    int recognized = 0;
    int unrecognized = 0;
    for (int n = 0; n < 3000; n++) {
      // a small directory makes clear wins likely, the full one ambiguity; both must agree with the reference
      RegionDirectory regions = RegionDirectory.of(n % 2 == 0 ? list.subList(0, 3 + random.nextInt(12)) : list);
      StringBuilder text = new StringBuilder();
      int pieces = random.nextInt(30);
      for (int p = 0; p < pieces; p++) {
        int kind = random.nextInt(5);
        if (kind == 0) text.append(regions.regions().get(random.nextInt(regions.regions().size())).name());
        else if (kind == 1) text.append(chars.charAt(random.nextInt(chars.length())));
        else if (kind == 2) text.append(suffixes.charAt(random.nextInt(suffixes.length())));
        else if (kind == 3) text.append("人力资源和社会保障");
        else text.append(String.valueOf(chars.charAt(random.nextInt(chars.length()))).repeat(2 + random.nextInt(4)));
      }
      if (assertSameAnswers(regions, text.toString())) recognized++;
      else unrecognized++;
    }
    assertTrue(recognized > 300 && unrecognized > 300, "both outcomes exercised: " + recognized + " / " + unrecognized);
  }

  @Test
  void aSerializedDirectoryRecognizesAsTheOriginal() throws Exception {
    RegionDirectory regions = TestFixtures.regions();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(regions);
    }
    RegionDirectory copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (RegionDirectory) in.readObject();
    }
    for (String text : planTexts(TestFixtures.plansDir())) {
      assertEquals(regions.recognize(text), copy.recognize(text));
      assertSameAnswers(copy, text);
    }
  }

  // ------------------------------------------------------------------ the original rule, as reference

  private static boolean assertSameAnswers(RegionDirectory regions, String text) {
    assertEquals(referenceScores(regions.regions(), text), regions.scores(text), () -> "scores of " + abbreviated(text));
    Optional<Region> expected = referenceRecognize(regions.regions(), text);
    assertEquals(expected, regions.recognize(text), () -> "region of " + abbreviated(text));
    return expected.isPresent();
  }

  private static SortedMap<Integer, Integer> referenceScores(List<Region> regions, String text) {
    SortedMap<Integer, Integer> scores = new TreeMap<>();
    for (int i = 0; i < regions.size(); i++) {
      int score = count(text, regions.get(i).name()) * 2 + count(text, regions.get(i).shortName());
      if (score > 0) scores.put(i, score);
    }
    return scores;
  }

  private static Optional<Region> referenceRecognize(List<Region> regions, String text) {
    Region best = null;
    int bestScore = 0;
    int second = 0;
    for (Region r : regions) {
      int score = count(text, r.name()) * 2 + count(text, r.shortName());
      if (score > bestScore) {
        second = bestScore;
        bestScore = score;
        best = r;
      } else if (score > second) {
        second = score;
      }
    }
    if (best == null || bestScore < 2 || bestScore < 3 * second) return Optional.empty();
    return Optional.of(best);
  }

  private static int count(String text, String needle) {
    if (needle.isEmpty()) return 0;
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) n++;
    return n;
  }

  private static List<String> planTexts(Path dir) throws Exception {
    List<String> texts = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString();
        if (name.endsWith(".txt") || name.endsWith(".html")) texts.add(PlanDocument.fromBytes(name, Files.readAllBytes(f)).text());
      }
    }
    return texts;
  }

  private static String abbreviated(String text) {
    return text.length() > 80 ? text.substring(0, 80) + " …" : text;
  }
}
