package org.hrssplan.extract;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hrssplan.document.RegionDirectory;
import org.hrssplan.model.Observation;
import org.hrssplan.model.SourceKind;
import org.hrssplan.testing.TestFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Figures stated in prose, against the figures written down by hand in {@code resources/prose/NAME.prose.csv} (five
 * sample plans, three real plans; how they were written: that folder's README). A figure is <b>found</b> when a prose
 * observation is on its line with its number; <b>exact</b> when its role, year and comparator agree too. A prose
 * observation that is no figure of the file, or that disagrees, is <b>wrong</b>. The floors only go up.
 */
class ProseFiguresTest {
  /** Measured levels (docs/reading-inputs.md#figures-in-prose): exact figures of all expected, wrong prose rows at most. */
  static final int EXACT_FLOOR = 303;
  /** The bar: at most 5 % of the prose rows read are wrong (no figure of the file, or another role, year or comparator). */
  static final double WRONG_SHARE_CEILING = 0.05;
  private static final Pattern FIRST_NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");

  record Expected(String file, int line, String role, int year, String phrase, double value, String unit, String comparator, boolean cumulative) {}

  record Score(String file, int expected, int exact, int found, int observations, int wrong, List<String> misses) {}

  private static final List<Score> scores = new ArrayList<>();

  @BeforeAll
  static void measure() throws Exception {
    Path dir = TestFixtures.resource("prose");
    RegionDirectory seeds = regions(TestFixtures.repoRoot().resolve("data/raw/regions.csv"));
    RegionDirectory real = regions(TestFixtures.resource("real-plans/regions.csv"));
    List<Path> files;
    try (var s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".prose.csv")).sorted().toList();
    }
    for (Path csv : files) {
      List<Expected> expected = read(csv);
      String doc = expected.get(0).file();
      boolean sample = doc.matches("^\\d{3}_.*");
      Path source = sample ? TestFixtures.repoRoot().resolve("data/raw/plans/" + doc) : TestFixtures.resource("real-plans/" + doc);
      PlanExtractor extractor = new PlanExtractor(TestFixtures.catalog(), sample ? seeds : real, QualityThresholds.DEFAULTS);
      ExtractionResult r = extractor.extract(doc, Files.readAllBytes(source));
      List<Observation> prose = r.observations().stream().filter(o -> SourceKind.PROSE.code().equals(o.sourceKind())).toList();
      Score sc = score(doc, expected, prose);
      List<String> refused = r.rawCells().stream().filter(c -> "prose_refused".equals(c.cellType()))
          .map(c -> "refused L" + c.sourceLine() + " " + c.columnHeader() + ": " + c.text()).toList();
      List<String> misses = new ArrayList<>(sc.misses());
      misses.addAll(refused);
      scores.add(new Score(sc.file(), sc.expected(), sc.exact(), sc.found(), sc.observations(), sc.wrong(), misses));
    }
    for (Score s : scores) {
      System.out.printf("prose figures: %-34s %3d/%-3d exact (%3d found), %3d of %3d prose rows wrong%n", s.file(), s.exact(), s.expected(),
          s.found(), s.wrong(), s.observations());
    }
  }

  private static RegionDirectory regions(Path csv) throws Exception {
    try (Reader r = Files.newBufferedReader(csv)) {
      return RegionDirectory.read(r, csv.getFileName().toString());
    }
  }

  static Score score(String file, List<Expected> expected, List<Observation> prose) {
    List<Observation> unused = new ArrayList<>(prose);
    List<String> misses = new ArrayList<>();
    int exact = 0;
    int found = 0;
    for (Expected e : expected) {
      Observation same = null;
      Observation at = null;
      for (Observation o : unused) {
        if (o.sourceLine() != e.line() || !sameNumber(o, e.value())) continue;
        if (at == null) at = o;
        if (o.role().equals(e.role()) && o.year() == e.year() && Objects.equals(cmp(o.comparator()), e.comparator())) {
          same = o;
          break;
        }
      }
      if (same != null) {
        exact++;
        found++;
        unused.remove(same);
      } else if (at != null) {
        found++;
        unused.remove(at);
        misses.add("wrong   " + file + " L" + e.line() + " " + e.phrase() + " " + e.value() + ": expected " + e.role() + " " + e.year() + " "
            + e.comparator() + ", read " + at.role() + " " + at.year() + " " + cmp(at.comparator()));
      } else {
        misses.add("missing " + file + " L" + e.line() + " " + e.role() + " " + e.phrase() + " " + e.value() + e.unit());
      }
    }
    for (Observation o : unused) {
      misses.add("extra   " + file + " L" + o.sourceLine() + " " + o.role() + " " + o.indicatorNameRaw() + " " + o.valueRaw());
    }
    int wrong = prose.size() - exact;
    return new Score(file, expected.size(), exact, found, prose.size(), wrong, misses);
  }

  private static String cmp(String c) {
    return c == null ? "=" : c;
  }

  private static boolean sameNumber(Observation o, double value) {
    Matcher m = FIRST_NUMBER.matcher(o.valueRaw() == null ? "" : o.valueRaw());
    return m.find() && Math.abs(Double.parseDouble(m.group()) - value) < 1e-9;
  }

  static List<Expected> read(Path csv) throws Exception {
    List<Expected> out = new ArrayList<>();
    List<String> lines = Files.readAllLines(csv);
    for (String l : lines.subList(1, lines.size())) {
      if (l.isBlank()) continue;
      List<String> f = splitCsv(l);
      out.add(new Expected(f.get(0), Integer.parseInt(f.get(1)), f.get(2), Integer.parseInt(f.get(3)), f.get(4), Double.parseDouble(f.get(5)),
          f.get(6), f.get(7), Boolean.parseBoolean(f.get(8))));
    }
    return out;
  }

  private static List<String> splitCsv(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') quoted = !quoted;
      else if (c == ',' && !quoted) {
        out.add(cur.toString());
        cur.setLength(0);
      } else cur.append(c);
    }
    out.add(cur.toString());
    return out;
  }

  @Test
  void proseFiguresAreFoundAtOrAboveTheFloorAndWrongOnesStayUnderTheCeiling() {
    int expected = scores.stream().mapToInt(Score::expected).sum();
    int exact = scores.stream().mapToInt(Score::exact).sum();
    int observations = scores.stream().mapToInt(Score::observations).sum();
    int wrong = scores.stream().mapToInt(Score::wrong).sum();
    String misses = String.join("\n", scores.stream().flatMap(s -> s.misses().stream()).toList());
    System.out.printf("prose figures: %d/%d exact (%.1f %%), %d of %d prose rows wrong (%.1f %%)%n", exact, expected, 100.0 * exact / expected,
        wrong, observations, 100.0 * wrong / Math.max(1, observations));
    System.out.println(misses);
    assertTrue(exact >= EXACT_FLOOR, "prose figures exact " + exact + " below the floor " + EXACT_FLOOR);
    assertTrue(wrong <= WRONG_SHARE_CEILING * observations, "prose rows wrong " + wrong + " of " + observations);
  }
}
