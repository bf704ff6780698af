package org.hrssplan.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.hrssplan.testing.TestFixtures;
import org.junit.jupiter.api.Test;

class RegionDirectoryTest {
  @Test
  void recognizesTheRegionFromTheDocumentsOwnWords() {
    RegionDirectory regions = TestFixtures.regions();
    assertEquals("500236", regions.recognize("奉节县人力社保“十四五”规划项目清单 … 奉节人力资源和社会保障事业").orElseThrow().code());
    assertEquals("310114", regions.recognize("关于印发《嘉定区就业和社会保障 “十四五”规划》的通知 嘉定区").orElseThrow().code());
  }

  @Test
  void reportsRatherThanGuessesWhenNoRegionOrTwoRegionsAreNamed() {
    RegionDirectory regions = TestFixtures.regions();
    assertTrue(regions.recognize("某县人力资源和社会保障事业发展“十四五”规划").isEmpty());
    assertTrue(regions.recognize("达川区与铜梁区合作 达川区 铜梁区").isEmpty());
  }

  @Test
  void skipsBadRowsOfRegionsCsvNamingTheLine() throws Exception {
    String csv = "region_code,region_name,level,parent_city,province,source_file\n"
        + "511703,达川区,district,达州市,四川省,000.txt\n"
        + "51170X,坏代码区,district,,四川省,x.txt\n"
        + "500236,奉节县,county,,重庆市,../../etc/passwd\n";
    RegionDirectory d = RegionDirectory.read(new StringReader(csv), "regions.csv");
    assertEquals(1, d.regions().size());
    assertEquals(2, d.problems().size());
    assertTrue(d.problems().get(0).contains("regions.csv line 3"), d.problems().get(0));
    assertTrue(d.problems().get(1).contains("line 4") && d.problems().get(1).contains("bare file name"), d.problems().get(1));
  }

  @Test
  void aRegionListedTwiceForTwoPlansIsOneRegionAndItsPlanIsRead() throws Exception {
    String csv = "region_code,region_name,level,parent_city,province,source_file\n"
        + "310117,松江区,district,,上海市,songjiang_14th.txt\n"
        + "310118,青浦区,district,,上海市,qingpu.txt\n"
        + "310117,松江区,district,,上海市,songjiang_15th.txt\n";
    RegionDirectory d = RegionDirectory.read(new StringReader(csv), "regions.csv");
    assertEquals(List.of("310117", "310118"), d.regions().stream().map(Region::code).toList());
    assertEquals("songjiang_14th.txt;songjiang_15th.txt", d.regions().get(0).sourceFile());
    assertEquals(List.of(), d.problems());
    String text = "上海市松江区人力资源和社会保障“十四五”规划。松江区将……松江区……";
    assertEquals("310117", d.recognize(text).orElseThrow().code(), d.identify(text).reason());
  }

  @Test
  void aCodeGivenTwoDifferentRegionsKeepsTheFirstAndNamesBothLines() throws Exception {
    String csv = "region_code,region_name,level,parent_city,province,source_file\n"
        + "310117,松江区,district,,上海市,a.txt\n"
        + "310117,青浦区,district,,上海市,b.txt\n";
    RegionDirectory d = RegionDirectory.read(new StringReader(csv), "regions.csv");
    assertEquals(1, d.regions().size());
    assertEquals("松江区", d.regions().get(0).name());
    assertEquals(1, d.problems().size());
    assertTrue(d.problems().get(0).startsWith("regions.csv line 3: region_code 310117 is 松江区 (, 上海市) on line 2 and 青浦区"),
        d.problems().get(0));
  }
}
