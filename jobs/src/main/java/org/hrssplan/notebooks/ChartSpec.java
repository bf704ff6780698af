package org.hrssplan.notebooks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code -- chart: bar x=region_name y=achieved,missed title="十三五 targets"}: a chart type (bar, line, scatter),
 * the x column, one or more y columns, an optional series column (one line or bar group per value) and a title.
 */
record ChartSpec(String type, String x, List<String> y, String series, String title) {
  private static final Pattern KV = Pattern.compile("(\\w+)=(\"[^\"]*\"|\\S+)");

  static ChartSpec parse(String directive) {
    String[] head = directive.strip().split("\\s+", 2);
    String type = head[0];
    if (!List.of("bar", "line", "scatter").contains(type)) throw new IllegalArgumentException("chart type '" + type + "': bar, line or scatter");
    Map<String, String> kv = new LinkedHashMap<>();
    Matcher m = KV.matcher(head.length > 1 ? head[1] : "");
    while (m.find()) kv.put(m.group(1), m.group(2).replaceAll("^\"|\"$", ""));
    if (!kv.containsKey("x") || !kv.containsKey("y")) throw new IllegalArgumentException("chart needs x= and y=: " + directive);
    return new ChartSpec(type, kv.get("x"), new ArrayList<>(List.of(kv.get("y").split(","))), kv.get("series"), kv.getOrDefault("title", ""));
  }
}
