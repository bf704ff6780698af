package org.hrssplan.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Extraction of a folder (or one file) without Spark, for {@code hrss extract} and the tests: files in name
 * order, a second file with the same bytes reported as a duplicate. The Spark pipeline does the same per
 * document on executors.
 */
public final class CorpusExtractor {
  private final PlanExtractor extractor;

  public CorpusExtractor(PlanExtractor extractor) {
    this.extractor = extractor;
  }

  public static List<Path> listInputs(Path input) throws IOException {
    if (Files.isRegularFile(input)) return List.of(input);
    try (Stream<Path> s = Files.list(input)) {
      return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
          .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
    }
  }

  public List<ExtractionResult> extractAll(List<Path> files) {
    List<ExtractionResult> out = new ArrayList<>();
    Map<String, String> firstBySha = new HashMap<>();
    for (Path p : files) {
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(p);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + p, e);
      }
      String name = p.getFileName().toString();
      String sha = org.hrssplan.document.PlanDocument.sha256(bytes);
      String first = firstBySha.putIfAbsent(sha, name);
      out.add(first != null && PlanExtractor.supportedFile(name) ? extractor.duplicate(name, bytes, first) : extractor.extract(name, bytes));
    }
    return out;
  }
}
