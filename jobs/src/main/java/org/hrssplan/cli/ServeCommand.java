package org.hrssplan.cli;

import java.io.Console;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hrssplan.config.AppConfig;
import org.hrssplan.config.EndpointSettings;
import org.hrssplan.endpoint.PasswordFile;
import org.hrssplan.endpoint.SqlEndpoint;
import org.hrssplan.endpoint.TrinoDistribution;
import org.hrssplan.endpoint.TrinoJava;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code hrss serve}: a read-only SQL endpoint (single-node Trino) over the lakehouse for BI tools and
 * {@code hrss sql}, in the foreground until Ctrl-C or {@code hrss serve stop}. docs/analysts-and-bi.md#the-sql-endpoint-jobsbinhrss-serve.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Serve the published tables read-only over SQL (Trino " + TrinoDistribution.VERSION + ", JDBC/ODBC) until Ctrl-C.",
        "Downloads and unpacks Trino once; needs a Java " + TrinoJava.MINIMUM + "+ beside the job's 17 (TRINO_JAVA_HOME).",
        "Settings: endpoint: in conf/hrss.yaml (loopback by default; beyond it HTTPS and passwords)."},
    subcommands = {ServeCommand.Stop.class, ServeCommand.Passwd.class})
public final class ServeCommand implements Callable<Integer> {
  @Mixin
  ConfigOption config = new ConfigOption();

  @Override
  public Integer call() throws Exception {
    AppConfig cfg = config.load();
    Path javaHome;
    try {
      cfg.endpoint().requireServable(cfg.source()); // before anything is downloaded
      javaHome = TrinoJava.find(cfg.endpoint().javaHome());
    } catch (java.io.IOException e) {
      System.err.println(e.getMessage());
      return Hrss.HANDLED_FAILURE;
    }
    Path server = TrinoDistribution.install(TrinoDistribution.tarball(System.err), TrinoDistribution.defaultCache(), System.err);
    SqlEndpoint endpoint;
    try {
      endpoint = SqlEndpoint.start(cfg, server, javaHome, System.err);
    } catch (java.io.IOException e) {
      System.err.println("hrss serve: " + e.getMessage());
      return Hrss.HANDLED_FAILURE;
    }
    Thread stopper = new Thread(() -> {
      System.err.println("hrss serve: stopping Trino …");
      endpoint.close();
      System.err.println("hrss serve: stopped");
    });
    Runtime.getRuntime().addShutdownHook(stopper);
    EndpointSettings s = cfg.endpoint();
    System.err.printf("hrss serve: serving %s read-only (server memory %,d MiB resident)%n  JDBC URL  %s%n  user      %s%n"
            + "  stop      Ctrl-C, or jobs/bin/hrss serve stop%n",
        cfg.resolve(cfg.lakehouse()), endpoint.residentBytes() >> 20, endpoint.jdbcUrl(),
        s.loopback() ? "any name, no password (only this machine can connect)" : "a user of " + s.users() + " with its password");
    while (endpoint.alive()) {
      Thread.sleep(2000);
      try {
        endpoint.sync(System.err);
      } catch (Exception e) {
        System.err.println("hrss serve: could not pin the tables to the new run (still serving the previous one): " + e.getMessage());
      }
    }
    System.err.println("hrss serve: Trino stopped by itself; its log: " + SqlEndpoint.stateDir(cfg).resolve("var/log/server.out"));
    return Hrss.HANDLED_FAILURE;
  }

  @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop the endpoint serving this lakehouse.")
  static final class Stop implements Callable<Integer> {
    @Mixin
    ConfigOption config = new ConfigOption();

    @Override
    public Integer call() throws Exception {
      var running = SqlEndpoint.Running.find(config.load());
      if (running.isEmpty()) {
        System.err.println("hrss serve stop: no endpoint is serving this lakehouse");
        return Hrss.OK;
      }
      ProcessHandle h = ProcessHandle.of(running.get().pid()).orElseThrow();
      h.destroy();
      h.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
      System.err.println("hrss serve stop: stopped (pid " + running.get().pid() + ")");
      return Hrss.OK;
    }
  }

  @Command(name = "passwd", mixinStandardHelpOptions = true,
      description = {"Add a user (or change its password) in the endpoint's password file (endpoint.users).",
          "The password is read from the terminal, or from standard input when there is none."})
  static final class Passwd implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "USER", description = "the user name analysts log in with (letters, digits, _ . @ -)")
    String user;

    @Mixin
    ConfigOption config = new ConfigOption();

    @Override
    public Integer call() throws Exception {
      AppConfig cfg = config.load();
      if (cfg.endpoint().users().isBlank()) {
        System.err.println("hrss serve passwd: set endpoint.users in " + cfg.source() + " to the password file first");
        return Hrss.USAGE;
      }
      Console console = System.console();
      String password;
      if (console != null) {
        char[] a = console.readPassword("password for %s: ", user);
        char[] b = console.readPassword("again: ");
        if (a == null || b == null || !java.util.Arrays.equals(a, b)) {
          System.err.println("hrss serve passwd: the two passwords differ");
          return Hrss.HANDLED_FAILURE;
        }
        password = new String(a);
      } else {
        password = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8)).readLine();
      }
      Path file = Path.of(cfg.resolve(cfg.endpoint().users()));
      try {
        PasswordFile.put(file, user, password == null ? "" : password);
      } catch (java.io.IOException e) {
        System.err.println("hrss serve passwd: " + e.getMessage());
        return Hrss.HANDLED_FAILURE;
      }
      System.err.println("hrss serve passwd: " + user + " written to " + file + " (a running endpoint reads it on the next login)");
      return Hrss.OK;
    }
  }
}
