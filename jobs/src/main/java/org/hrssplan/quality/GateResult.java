package org.hrssplan.quality;

/** A gate's verdict for one run: passed, or breached with what was measured. */
public record GateResult(GateRule rule, boolean passed, String measured) {
  public boolean blocks() {
    return !passed && rule.fails();
  }

  @Override
  public String toString() {
    return rule.name() + ": " + (passed ? "ok" : rule.action().toUpperCase(java.util.Locale.ROOT)) + " — " + measured;
  }
}
