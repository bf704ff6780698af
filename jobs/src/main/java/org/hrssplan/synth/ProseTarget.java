package org.hrssplan.synth;

import java.math.BigDecimal;
import org.hrssplan.catalog.Indicator;

/** A 十四五 target the plan states in its goal section, in the indicator's canonical unit. */
record ProseTarget(Indicator indicator, BigDecimal value) {}
