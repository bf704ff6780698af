package org.hrssplan.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code hrss synth}: synthetic inputs at national scale, deterministic and seeded. A group: {@code corpus} writes
 * plan documents with their expected rows, {@code verify} extracts and compares exactly, {@code dataset} writes a
 * normalized dataset of millions of rows (Parquet) for the metrics at scale.
 */
@Command(name = "synth", mixinStandardHelpOptions = true,
    description = "Synthetic plan documents with known expected observations, and normalized datasets at national scale.",
    subcommands = {SynthCorpusCommand.class, SynthVerifyCommand.class, SynthDatasetCommand.class})
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
