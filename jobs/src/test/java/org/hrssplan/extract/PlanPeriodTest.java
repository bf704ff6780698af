package org.hrssplan.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PlanPeriodTest {
  @Test
  void periodsAreGenericSoThe15thNeedsNoCode() {
    PlanPeriod p13 = PlanPeriod.fromText("专栏1 “十三五”时期主要指标完成情况");
    assertEquals("13th", p13.code());
    assertEquals(2015, p13.baseYear());
    assertEquals(2020, p13.endYear());
    PlanPeriod p15 = PlanPeriod.fromText("“十五五”时期主要指标");
    assertEquals("15th", p15.code());
    assertEquals(2025, p15.baseYear());
    assertEquals(2030, p15.endYear());
    assertEquals("14th", PlanPeriod.endingIn(2025).code());
    assertNull(PlanPeriod.endingIn(2023));
    assertEquals("21st", new PlanPeriod(21).code());
    assertEquals("12th", new PlanPeriod(12).code());
  }
}
