package org.hrssplan.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The interactive {@code hrss sql} shell (JLine): a statement may span lines and ends with ';'; history is kept in
 * {@code ~/.hrss_sql_history}; {@code quit} or Ctrl-D leaves. Output is the aligned table of one-shot mode.
 */
final class SqlShell {
  interface Executor {
    int execute(String sql, PrintStream out, PrintStream err) throws Exception;
  }

  private SqlShell() {}

  static int run(String engine, Executor executor) throws Exception {
    try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
      LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("hrss-sql")
          .variable(LineReader.HISTORY_FILE, Path.of(System.getProperty("user.home"), ".hrss_sql_history"))
          .build();
      PrintStream out = new PrintStream(terminal.output(), true, java.nio.charset.StandardCharsets.UTF_8);
      out.println("hrss sql — read-only over database hrss (" + engine + "). End statements with ';'. 'quit' or Ctrl-D to leave.");
      StringBuilder buffer = new StringBuilder();
      while (true) {
        String line;
        try {
          line = reader.readLine(buffer.length() == 0 ? "hrss> " : "   -> ");
        } catch (UserInterruptException e) {
          buffer.setLength(0);
          continue;
        } catch (EndOfFileException e) {
          return Hrss.OK;
        }
        String t = line.strip();
        if (buffer.length() == 0 && (t.equalsIgnoreCase("quit") || t.equalsIgnoreCase("exit"))) return Hrss.OK;
        buffer.append(line).append('\n');
        if (t.endsWith(";")) {
          String sql = buffer.toString().strip();
          buffer.setLength(0);
          sql = sql.substring(0, sql.length() - 1);
          if (!sql.isBlank()) executor.execute(sql, out, out);
        }
      }
    }
  }
}
