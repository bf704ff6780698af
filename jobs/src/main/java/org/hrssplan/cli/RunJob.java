package org.hrssplan.cli;

/**
 * Entry point for {@code spark-submit --class org.hrssplan.cli.RunJob app.jar [--config FILE] [--run-id ID]}:
 * the same as {@code hrss run}, exiting with its code.
 */
public final class RunJob {
  private RunJob() {}

  public static void main(String[] args) {
    String[] full = new String[args.length + 1];
    full[0] = "run";
    System.arraycopy(args, 0, full, 1, args.length);
    System.exit(Hrss.execute(full));
  }
}
