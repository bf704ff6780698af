package org.hrssplan.notebooks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A notebook in Databricks SOURCE format ({@code .sql}): first line {@code -- Databricks notebook source}, cells
 * separated by {@code -- COMMAND ----------}, markdown as {@code -- MAGIC %md} lines, parameters as
 * {@code CREATE WIDGET TEXT name DEFAULT 'value'} (referenced as {@code ${name}}). The same file imports into
 * Databricks and runs under {@code hrss notebooks}.
 */
public record Notebook(String name, String title, List<NotebookCell> cells) {
  static final String HEADER = "-- Databricks notebook source";
  private static final Pattern SEPARATOR = Pattern.compile("(?m)^-- COMMAND -{10}\\s*$");
  private static final Pattern WIDGET = Pattern.compile("(?i)CREATE\\s+WIDGET\\s+TEXT\\s+(\\w+)\\s+DEFAULT\\s+'([^']*)'");
  private static final Pattern DIRECTIVE = Pattern.compile("(?m)^--\\s*(chart|highlight|limit):\\s*(.+)$");

  public static Notebook parse(String name, String source) {
    String s = source.replace("\r\n", "\n");
    if (!s.startsWith(HEADER)) throw new IllegalArgumentException(name + ": not a Databricks SOURCE notebook (first line must be '" + HEADER + "')");
    List<NotebookCell> cells = new ArrayList<>();
    String title = name;
    for (String raw : SEPARATOR.split(s.substring(HEADER.length()))) {
      String text = raw.strip();
      if (text.isEmpty()) continue;
      if (text.startsWith("-- MAGIC %md")) {
        StringBuilder md = new StringBuilder();
        for (String line : text.split("\n")) md.append(line.replaceFirst("^-- MAGIC ?", "").replaceFirst("^%md ?", "")).append('\n');
        String markdown = md.toString().strip();
        if (title.equals(name)) {
          Matcher h = Pattern.compile("(?m)^#\\s+(.+)$").matcher(markdown);
          if (h.find()) title = h.group(1).strip();
        }
        cells.add(new NotebookCell(NotebookCell.Kind.MARKDOWN, markdown, Map.of(), List.of(), List.of(), 0));
        continue;
      }
      Matcher w = WIDGET.matcher(text);
      Map<String, String> params = new LinkedHashMap<>();
      while (w.find()) params.put(w.group(1), w.group(2));
      if (!params.isEmpty()) {
        cells.add(new NotebookCell(NotebookCell.Kind.PARAMETERS, text, params, List.of(), List.of(), 0));
        continue;
      }
      List<String> charts = new ArrayList<>();
      List<String> highlights = new ArrayList<>();
      int limit = 200;
      Matcher d = DIRECTIVE.matcher(text);
      while (d.find()) {
        switch (d.group(1)) {
          case "chart" -> charts.add(d.group(2).strip());
          case "highlight" -> highlights.add(d.group(2).strip());
          default -> limit = Integer.parseInt(d.group(2).strip());
        }
      }
      cells.add(new NotebookCell(NotebookCell.Kind.SQL, text, Map.of(), charts, highlights, limit));
    }
    return new Notebook(name, title, cells);
  }

  /** Parameters declared by the notebook, with their defaults. */
  public Map<String, String> parameters() {
    Map<String, String> p = new LinkedHashMap<>();
    for (NotebookCell c : cells) p.putAll(c.parameters());
    return p;
  }
}
