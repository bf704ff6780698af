package org.hrssplan.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
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
}
