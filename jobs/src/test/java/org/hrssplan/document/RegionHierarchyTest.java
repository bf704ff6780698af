package org.hrssplan.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hrssplan.document.RegionDirectory.Recognition;
import org.hrssplan.document.RegionDirectory.Recognition.Outcome;
import org.hrssplan.testing.TestFixtures;
import org.junit.jupiter.api.Test;

/**
 * Regions with their parents: a district named with its city is the district, a city plan stays the city,
 * same-named districts are told apart by the parent the text names, or reported — never guessed. The texts are
 * written by hand; each expected score is counted in the comment next to it (full name ×2, short name ×1).
 */
class RegionHierarchyTest {
  private static final Region DAZHOU = new Region("511700", "达州市", "city", "", "四川省", "");
  private static final Region DACHUAN = new Region("511703", "达川区", "district", "达州市", "四川省", "");
  private static final Region TONGCHUAN = new Region("511702", "通川区", "district", "达州市", "四川省", "");
  private static final Region CHAOYANG_BJ = new Region("110105", "朝阳区", "district", "", "北京市", "");
  private static final Region CHAOYANG_CC = new Region("220104", "朝阳区", "district", "长春市", "吉林省", "");
  private static final Region NANGUAN_CC = new Region("220102", "南关区", "district", "长春市", "吉林省", "");

  private static final RegionDirectory DIR = RegionDirectory.of(List.of(DAZHOU, DACHUAN, TONGCHUAN, CHAOYANG_BJ, CHAOYANG_CC, NANGUAN_CC));

  @Test
  void aDistrictNamingItsParentCityMoreOftenThanItselfIsTheDistrict() {
    // 达州市 ×5 → 5×2 + 达州 5×1 = 15; 达川区 ×3 → 3×2 + 3 = 9. The old rule: 15 < 3 × 9, nothing identified.
    String text = "达州市达川区人力资源和社会保障事业发展“十四五”规划。在达州市委、达州市政府领导下，达川区坚持就业优先。"
        + "达州市统一部署，达州市考核。全区就业稳定，达川区完成目标。";
    Recognition r = DIR.identify(text);
    assertEquals(Outcome.IDENTIFIED, r.outcome(), r.reason());
    assertEquals(DACHUAN, r.region().orElseThrow());
    assertEquals(DACHUAN, DIR.recognize(text).orElseThrow());
    assertEquals(15, DIR.scores(text).get(0));
    assertEquals(9, DIR.scores(text).get(1));
  }

  @Test
  void aCityPlanNamingItselfOftenAndTwoDistrictsOnceIsTheCity() {
    // 达州市 ×6 → 18; 达川区 ×1 → 3, 通川区 ×1 → 3; 18 ≥ 3 × 3
    String text = "达州市人力资源和社会保障事业发展规划。达州市就业，达州市社保，达州市人才，达州市劳动关系，达州市公共服务。"
        + "支持达川区、通川区建设创业园。";
    Recognition r = DIR.identify(text);
    assertEquals(DAZHOU, r.region().orElseThrow(), r.reason());
    // with only one district mentioned that district has no competitor of its own; the city dominating it wins
    assertEquals(DAZHOU, DIR.recognize("达州市规划 达州市 达州市 达州市 达州市 达州市，支持达川区。").orElseThrow());
  }

  @Test
  void aCityPlanNamingItsDistrictsAboutAsOftenAsItselfIsNotGuessed() {
    // 达州市 ×2 → 6; 达川区 ×2 → 6 (达川区 competes with 通川区 6 only; 达州市 with both): nobody is 3 × ahead
    Recognition r = DIR.identify("达州市 达州市 达川区 达川区 通川区 通川区");
    assertFalse(r.identified());
    assertEquals(Outcome.TOO_CLOSE, r.outcome());
    assertTrue(r.reason().startsWith("too close: "), r.reason());
  }

  @Test
  void sameNamedDistrictsAreToldApartByTheParentTheTextNames() {
    // 朝阳区 ×3 (9) for both rows; 长春 ×1 is evidence for 220104 only (长春市 is a place, not a row)
    Recognition r = DIR.identify("朝阳区人力资源和社会保障事业发展规划。长春朝阳区，朝阳区。");
    assertEquals(CHAOYANG_CC, r.region().orElseThrow(), r.reason());
    // the province is evidence too when it is not shared: 北京市 ×1 → Beijing's
    assertEquals(CHAOYANG_BJ, DIR.recognize("北京市朝阳区“十四五”规划 朝阳区 朝阳区").orElseThrow());
  }

  @Test
  void sameNamedDistrictsWithNoParentNamedAreAmbiguousAndSaySo() {
    Recognition r = DIR.identify("朝阳区人力资源和社会保障事业发展“十四五”规划。朝阳区就业。朝阳区社保。");
    assertFalse(r.identified());
    assertTrue(DIR.recognize("朝阳区人力资源和社会保障事业发展“十四五”规划。朝阳区就业。").isEmpty());
    assertEquals(Outcome.AMBIGUOUS, r.outcome());
    assertEquals("ambiguous: 朝阳区 (110105, 北京市) vs 朝阳区 (220104, 长春市)", r.reason());
    assertEquals(List.of(CHAOYANG_BJ, CHAOYANG_CC), r.candidates());
    // both parents named about as often: still ambiguous
    assertEquals(Outcome.AMBIGUOUS, DIR.identify("朝阳区 朝阳区 朝阳区 北京 长春").outcome());
  }

  @Test
  void aParentThatIsNotARowNamedFarMoreThanItsOneMentionedDistrictIsReported() {
    // 长春市 ×4 → 12 (a place); 南关区 ×1 → 3: a 长春 city plan, not a 南关区 plan (the old rule said 南关区)
    Recognition r = DIR.identify("长春市人社事业规划 长春市 长春市 长春市，南关区试点。");
    assertEquals(Outcome.PARENT_ONLY, r.outcome(), r.reason());
    assertTrue(r.reason().startsWith("parent only: 长春市"), r.reason());
    assertEquals(Outcome.NOT_NAMED, DIR.identify("某县人力资源和社会保障事业发展规划").outcome());
    assertEquals("not named: no region of regions.csv is named at least 2 times (full name ×2, short name ×1)",
        DIR.identify("某县人力资源和社会保障事业发展规划").reason());
  }

  @Test
  void theFiveSeedsAreRecognizedAsBeforeEvenWithTheirCitiesAndProvincesAsRows() throws Exception {
    List<Region> withParents = new ArrayList<>(TestFixtures.regions().regions());
    withParents.add(new Region("511700", "达州市", "city", "", "四川省", ""));
    withParents.add(new Region("510500", "泸州市", "city", "", "四川省", ""));
    withParents.add(new Region("510000", "四川省", "province", "", "", ""));
    withParents.add(new Region("500000", "重庆市", "province", "", "", ""));
    withParents.add(new Region("310000", "上海市", "province", "", "", ""));
    RegionDirectory seeds = TestFixtures.regions();
    RegionDirectory hierarchy = RegionDirectory.of(withParents);
    List<String> expected = List.of("511703", "510524", "500236", "500151", "310114");
    List<String> got = new ArrayList<>();
    List<String> gotWithParents = new ArrayList<>();
    try (Stream<Path> files = Files.list(TestFixtures.plansDir())) {
      for (Path f : files.sorted().toList()) {
        String text = PlanDocument.fromBytes(f.getFileName().toString(), Files.readAllBytes(f)).text();
        got.add(seeds.identify(text).region().orElseThrow().code());
        gotWithParents.add(hierarchy.identify(text).region().orElseThrow(() -> new AssertionError(hierarchy.identify(text).reason())).code());
      }
    }
    assertEquals(expected, got);
    assertEquals(expected, gotWithParents);
  }
}
