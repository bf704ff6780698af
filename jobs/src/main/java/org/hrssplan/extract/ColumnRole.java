package org.hrssplan.extract;

import org.hrssplan.model.Role;

/** What a table column holds, decided from its header words. */
public enum ColumnRole {
  /** 序号 */
  SERIAL,
  /** 类别: the section of every row it covers (merged over rows) */
  CATEGORY,
  /** 一级指标 when a more specific label column follows: the row's group */
  GROUP,
  /** 指标, 二级指标: the indicator */
  LABEL,
  /** 单位: the row's printed unit, used exactly like a unit in the label */
  UNIT,
  /** 属性: 约束性 / 预期性 */
  ATTRIBUTE,
  /** 备注: a note attached to the row's values */
  NOTE,
  BASE, TARGET, ACTUAL,
  UNKNOWN;

  public boolean holdsValues() {
    return this == BASE || this == TARGET || this == ACTUAL;
  }

  /** The {@code role} of the observations read from a column that {@link #holdsValues}: base, target or actual. */
  public Role observationRole() {
    return switch (this) {
      case BASE -> Role.BASE;
      case TARGET -> Role.TARGET;
      case ACTUAL -> Role.ACTUAL;
      default -> throw new IllegalStateException("a " + this + " column holds no values");
    };
  }
}
