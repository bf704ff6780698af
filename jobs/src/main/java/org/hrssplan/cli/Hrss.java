package org.hrssplan.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code hrss}: the command line of hrss-plan-analytics (picocli). Exit codes: 0 success; 1 handled failure
 * (input missing, data-quality gate, unreadable documents for {@code extract}); 2 unexpected error;
 * 64 usage error.
 */
@Command(name = "hrss", mixinStandardHelpOptions = true, version = "hrss-plan-analytics 0.1.0",
    description = "China local HR & social-security five-year plans → verified indicator dataset and Delta tables.",
    subcommands = {RunCommand.class, ExtractCommand.class, EvalCommand.class, SqlCommand.class, ServeCommand.class, NotebooksCommand.class, ExportCommand.class,
        SynthCommand.class, CatalogCommand.class, CommandLine.HelpCommand.class},
    footerHeading = "%nExit codes:%n",
    footer = {"  0  success", "  1  handled failure (input missing, a quality gate failed, unreadable input)",
        "  2  unexpected error", " 64  usage error"})
public final class Hrss {
  public static final int OK = org.hrssplan.pipeline.NightlyJob.OK;
  public static final int HANDLED_FAILURE = org.hrssplan.pipeline.NightlyJob.HANDLED_FAILURE;
  public static final int UNEXPECTED = org.hrssplan.pipeline.NightlyJob.UNEXPECTED;
  public static final int USAGE = 64;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  public static int execute(String... args) {
    CommandLine cl = new CommandLine(new Hrss());
    cl.registerConverter(java.nio.file.Path.class, paths(callerDirectory()));
    cl.setExitCodeExceptionMapper(e -> UNEXPECTED);
    cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      if (ex instanceof org.hrssplan.config.AppConfig.MissingInput || ex instanceof org.hrssplan.config.AppConfig.Invalid) {
        cmd.getErr().println("hrss: " + ex.getMessage());
        return HANDLED_FAILURE;
      }
      cmd.getErr().println("hrss: unexpected error: " + ex);
      ex.printStackTrace(cmd.getErr());
      return UNEXPECTED;
    });
    cl.setParameterExceptionHandler((ex, a) -> {
      CommandLine c = ex.getCommandLine();
      c.getErr().println("hrss: " + ex.getMessage());
      c.usage(c.getErr());
      return USAGE;
    });
    return cl.execute(args);
  }

  /**
   * Where the user typed the command: {@code jobs/bin/hrss} runs the JVM in the project home and passes the caller's
   * directory as {@code HRSS_CWD}; under spark-submit (unset) the JVM's own working directory.
   */
  static java.nio.file.Path callerDirectory() {
    String cwd = System.getenv("HRSS_CWD");
    return java.nio.file.Path.of(cwd == null || cwd.isBlank() ? System.getProperty("user.dir") : cwd);
  }

  /** A path given on the command line, relative ones against {@code base} (paths in conf/hrss.yaml resolve against the home). */
  static CommandLine.ITypeConverter<java.nio.file.Path> paths(java.nio.file.Path base) {
    return s -> base.resolve(s).normalize();
  }
}
