package org.hrssplan.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hrss catalog}: work on {@code conf/indicator-catalog.yaml}. A group: {@code suggest} lists unknown labels. */
@Command(name = "catalog", mixinStandardHelpOptions = true,
    description = "Work on the indicator catalog: labels it does not know, with the closest indicators.",
    subcommands = {CatalogSuggestCommand.class})
public final class CatalogCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getErr().println("hrss catalog: name a subcommand");
    spec.commandLine().usage(spec.commandLine().getErr());
    return Hrss.USAGE;
  }
}
