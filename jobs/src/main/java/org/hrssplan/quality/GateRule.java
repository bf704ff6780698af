package org.hrssplan.quality;

/**
 * One data-quality gate of conf/hrss.yaml {@code gates:}: its name, its limit, and what a breach does — {@code warn}
 * (printed and recorded, the run goes on) or {@code fail} (the run stops before publishing and exits 1).
 */
public record GateRule(String name, double limit, String action) implements java.io.Serializable {
  public boolean fails() {
    return "fail".equals(action);
  }
}
