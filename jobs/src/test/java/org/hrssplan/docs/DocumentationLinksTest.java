package org.hrssplan.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hrssplan.testing.TestFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README is the newcomer's page and links into the reference under docs/; every relative link between the
 * repository's Markdown files must lead somewhere: the file exists (relative to the linking file) and, when the link
 * names an anchor, the target has a heading with that GitHub anchor. A moved or renamed section then fails here, not
 * in a reader's browser. No Spark.
 */
class DocumentationLinksTest {
  private static final int README_MAX_LINES = 300;

  @Test
  void everyRelativeLinkInTheRepositorysMarkdownResolves() throws IOException {
    Path root = TestFixtures.repoRoot();
    assertTrue(Files.isRegularFile(root.resolve("README.md")), "no README.md in the repository root " + root);
    List<Path> files = markdownFiles(root);
    assertTrue(files.contains(root.resolve("README.md")), "README.md is among the checked files");
    assertTrue(files.stream().anyMatch(f -> f.startsWith(root.resolve("docs"))), "docs/*.md are among the checked files");
    List<String> broken = new ArrayList<>();
    int links = 0;
    for (Path file : files) {
      for (Link link : links(Files.readString(file))) {
        links++;
        String problem = problem(root, file, link);
        if (problem != null) broken.add(root.relativize(file) + ":" + link.line + ": " + link.target + " — " + problem);
      }
    }
    assertTrue(links > 0, "no links found at all: is the parser broken?");
    assertTrue(broken.isEmpty(), broken.size() + " broken link(s):\n" + String.join("\n", broken));
  }

  @Test
  void theReadmeIsShortAndItsHeadingsNameNoIssues() throws IOException {
    Path root = TestFixtures.repoRoot();
    List<String> lines = Files.readAllLines(root.resolve("README.md"));
    assertTrue(lines.size() <= README_MAX_LINES,
        "README.md has " + lines.size() + " lines; a newcomer's page has at most " + README_MAX_LINES
            + ": move reference material into docs/*.md and link it");
    List<Path> pages = new ArrayList<>(List.of(root.resolve("README.md")));
    try (var docs = Files.list(root.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    List<String> found = new ArrayList<>();
    for (Path page : pages) {
      for (Heading h : headings(Files.readString(page))) {
        if (Pattern.compile("(?i)\\bissues?\\s*#").matcher(h.text).find()) {
          found.add(root.relativize(page) + ":" + h.line + ": " + h.text);
        }
      }
    }
    assertTrue(found.isEmpty(), "section titles carry no issue numbers (reference, not a change log):\n"
        + String.join("\n", found));
  }

  @Test
  void anchorsAreGitHubs() {
    assertEquals("libraries-and-why", anchor("Libraries, and why"));
    assertEquals("the-sql-endpoint-jobsbinhrss-serve", anchor("The SQL endpoint: `jobs/bin/hrss serve`"));
    assertEquals("十三五-attainment--fct_target_attainment-fct_target_attainmentsql",
        anchor("十三五 attainment — `fct_target_attainment` (`fct_target_attainment.sql`)"));
    assertEquals("measured-this-machine-2-cores-24-gib-java-17015-maven-387",
        anchor("Measured (this machine: 2 cores, 24 GiB, Java 17.0.15, Maven 3.8.7)"));
    assertEquals("tables-delta-database-hrss-folder-datalakehousetable",
        anchor("Tables (Delta, database `hrss`, folder `data/lakehouse/<table>`)"));
    assertEquals("see-the-docs-a", anchor("See [the docs](docs/x.md) <em>a</em>"));
    assertEquals("über-größe", anchor("Über Größe"));
    Map<String, Integer> seen = new HashMap<>();
    assertEquals(List.of("tests", "tests-1", "tests-2", "tests-1-1"),
        List.of(unique("tests", seen), unique("tests", seen), unique("tests", seen), unique("tests-1", seen)));
  }

  @Test
  void aBrokenLinkOrAnchorIsFound(@TempDir Path tmp) throws IOException {
    Files.createDirectories(tmp.resolve("docs"));
    Files.writeString(tmp.resolve("docs/a.md"), "# A\n\n## Exit codes\n\n```bash\n# not a heading\n```\n");
    Files.writeString(tmp.resolve("README.md"), String.join("\n",
        "# R", "[ok](docs/a.md#exit-codes) [ok too](docs/a.md) [self](#r) [web](https://example.org/x.md#y)",
        "[no file](docs/b.md) [no anchor](docs/a.md#exit-code) [code block heading](docs/a.md#not-a-heading)",
        "`[in code](docs/nowhere.md)`", "```", "[in a fence](docs/nowhere.md)", "```",
        "[a link whose text", "wraps](docs/wrapped.md)", ""));
    Path readme = tmp.resolve("README.md");
    List<String> problems = new ArrayList<>();
    for (Link l : links(Files.readString(readme))) {
      String p = problem(tmp, readme, l);
      if (p != null) problems.add(l.target);
    }
    assertEquals(List.of("docs/b.md", "docs/a.md#exit-code", "docs/a.md#not-a-heading", "docs/wrapped.md"), problems);
    assertFalse(headings(Files.readString(tmp.resolve("docs/a.md"))).stream().anyMatch(h -> h.text.contains("not")));
  }

  // ------------------------------------------------------------------------------------------------ the checks

  /** Why the link does not resolve, or null when it does. */
  private static String problem(Path root, Path from, Link link) {
    String target = link.target;
    if (target.startsWith("<") && target.endsWith(">")) target = target.substring(1, target.length() - 1);
    if (Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:").matcher(target).find()) return null; // http(s), mailto, …
    int hash = target.indexOf('#');
    String path = decode(hash < 0 ? target : target.substring(0, hash));
    String fragment = hash < 0 ? null : decode(target.substring(hash + 1));
    Path file = path.isEmpty() ? from
        : path.startsWith("/") ? root.resolve(path.substring(1)).normalize()
        : from.getParent().resolve(path).normalize();
    if (!Files.exists(file)) return "no such file: " + root.relativize(file);
    if (fragment == null || fragment.isEmpty()) return null;
    if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md")) {
      return fragment.matches("L\\d+(-L\\d+)?") ? null : "an anchor into a file that is not Markdown";
    }
    Set<String> anchors;
    try {
      anchors = anchors(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return anchors.contains(fragment) ? null
        : "no heading with anchor #" + fragment + " in " + root.relativize(file);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /** Every *.md of the repository, outside build output (target/) and hidden folders (.git, …). */
  private static List<Path> markdownFiles(Path root) throws IOException {
    List<Path> files = new ArrayList<>();
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
        boolean skip = !dir.equals(root) && (name.equals("target") || name.equals("node_modules") || name.startsWith("."));
        return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        if (attrs.isRegularFile() && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md")) {
          files.add(file);
        }
        return FileVisitResult.CONTINUE;
      }
    });
    files.sort(null);
    return files;
  }

  // ------------------------------------------------------------------------------------------------ Markdown

  private record Link(int line, String target) {}

  private record Heading(int line, String text) {}

  private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");
  private static final Pattern ATX = Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$");
  private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)(?<!`)\\1(?!`)");
  private static final Pattern INLINE_LINK = Pattern.compile("!?\\[([^\\]]*)\\]\\(\\s*(<[^>\\n]*>|[^)\\s]+)(?:\\s+\"[^\"\\n]*\")?\\s*\\)");
  private static final Pattern HTML_ID = Pattern.compile("<a\\s[^>]*?(?:name|id)\\s*=\\s*\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);

  /** The lines of a Markdown text with fenced code blocks blanked (their line count kept). */
  private static List<String> proseLines(String markdown) {
    List<String> out = new ArrayList<>();
    String fence = null;
    for (String line : markdown.split("\n", -1)) {
      Matcher m = FENCE.matcher(line);
      if (fence == null && m.find()) {
        fence = m.group(1);
        out.add("");
      } else if (fence != null) {
        Matcher close = FENCE.matcher(line);
        if (close.find() && close.group(1).charAt(0) == fence.charAt(0) && close.group(1).length() >= fence.length()
            && line.trim().equals(close.group(1))) {
          fence = null;
        }
        out.add("");
      } else {
        out.add(line);
      }
    }
    return out;
  }

  /** The inline links and images of a Markdown text (link text may wrap), outside code blocks and code spans. */
  private static List<Link> links(String markdown) {
    StringBuilder prose = new StringBuilder();
    for (String line : proseLines(markdown)) {
      prose.append(CODE_SPAN.matcher(line).replaceAll(r -> "x".repeat(r.group().length()))).append('\n');
    }
    List<Link> links = new ArrayList<>();
    Matcher m = INLINE_LINK.matcher(prose);
    while (m.find()) {
      int line = 1 + (int) prose.substring(0, m.start(2)).chars().filter(c -> c == '\n').count();
      links.add(new Link(line, m.group(2)));
    }
    return links;
  }

  private static List<Heading> headings(String markdown) {
    List<String> lines = proseLines(markdown);
    List<Heading> headings = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = ATX.matcher(lines.get(i));
      if (m.matches()) headings.add(new Heading(i + 1, m.group(2) == null ? "" : m.group(2).trim()));
    }
    return headings;
  }

  /** The anchors a Markdown file offers: its headings' GitHub anchors, and explicit {@code <a name|id="…">}. */
  private static Set<String> anchors(String markdown) {
    Set<String> anchors = new LinkedHashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    for (Heading h : headings(markdown)) anchors.add(unique(anchor(h.text), seen));
    for (String line : proseLines(markdown)) {
      Matcher m = HTML_ID.matcher(line);
      while (m.find()) anchors.add(m.group(1));
    }
    return anchors;
  }

  /**
   * GitHub's anchor of a heading (as github-slugger makes it): the heading's text as rendered (code spans keep their
   * content, links their text, HTML tags and emphasis marks go), lowercased; every character that is not a letter
   * (any script: CJK kept), a mark, a digit, a connector such as '_', a space or a hyphen removed; spaces become '-'.
   */
  static String anchor(String heading) {
    StringBuilder text = new StringBuilder();
    Matcher code = CODE_SPAN.matcher(heading);
    int at = 0;
    while (code.find()) {
      text.append(rendered(heading.substring(at, code.start())));
      text.append(code.group(2).strip());
      at = code.end();
    }
    text.append(rendered(heading.substring(at)));
    return text.toString().toLowerCase(Locale.ROOT)
        .replaceAll("(?U)[^\\p{L}\\p{M}\\p{N}\\p{Pc} -]", "")
        .replace(' ', '-');
  }

  /** Inline Markdown outside code spans as GitHub renders it to text. */
  private static String rendered(String s) {
    return s.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replaceAll("<[^>]+>", "");
  }

  /** The anchor for a heading whose slug is {@code slug}: repeats get -1, -2, … (github-slugger's rule). */
  static String unique(String slug, Map<String, Integer> seen) {
    String result = slug;
    while (seen.containsKey(result)) {
      int n = seen.merge(slug, 1, Integer::sum);
      result = slug + "-" + n;
    }
    seen.put(result, 0);
    return result;
  }
}
