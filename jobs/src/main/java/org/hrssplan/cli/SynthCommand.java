package org.hrssplan.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code hrss synth}: synthetic plan documents at national scale, to check extraction at scale exactly.
 * A group: {@code corpus} writes documents with their expected rows, {@code verify} extracts and compares.
 * (A {@code dataset} subcommand is planned; add it to {@code subcommands} below.)
 */
@Command(name = "synth", mixinStandardHelpOptions = true,
    description = "Synthetic plan documents with known expected observations, for checking extraction at scale.",
    subcommands = {SynthCorpusCommand.class, SynthVerifyCommand.class})
public final class SynthCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getErr().println("hrss synth: name a subcommand");
    spec.commandLine().usage(spec.commandLine().getErr());
    return Hrss.USAGE;
  }
}
