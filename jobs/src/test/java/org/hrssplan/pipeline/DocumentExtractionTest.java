package org.hrssplan.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.hrssplan.config.Location;
import org.hrssplan.extract.CorpusExtractor;
import org.hrssplan.extract.PlanExtractor;
import org.hrssplan.testing.SharedSpark;
import org.hrssplan.testing.TestFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline's extraction on Spark reads files by what they are called: names as downloaded plans have them
 * (spaces, CJK, '#', '%', a newline) in a folder named the same way, each read as itself; a copy, a broken link and a
 * page nested past the limit are each that file's row, and the job goes on.
 */
class DocumentExtractionTest {
  @TempDir
  Path tmp;

  @Test
  void filesWithAnyNameAreReadOnTheExecutorsAndBadOnesAreTheirOwnRows() throws Exception {
    Path plans = Files.createDirectories(tmp.resolve("规划 plans #1 %20"));
    List<Path> seeds = CorpusExtractor.listInputs(TestFixtures.plansDir());
    Map<String, Path> named = new TreeMap<>(Map.of(
        "达川区 十四五规划.txt", seeds.get(0), "a#b.txt", seeds.get(1), "c%20d.txt", seeds.get(2), "new\nline.txt", seeds.get(3),
        "达川区 十四五规划（副本）.txt", seeds.get(0)));
    for (var e : named.entrySet()) Files.copy(e.getValue(), plans.resolve(e.getKey()));
    Files.createSymbolicLink(plans.resolve("broken.txt"), tmp.resolve("nowhere.txt"));
    Files.writeString(plans.resolve("nested.html"), "<html><body>" + "<div>".repeat(300) + "x" + "</div>".repeat(300) + "</body></html>",
        StandardCharsets.UTF_8);
    Files.writeString(plans.resolve(".DS_Store"), "hidden");

    var spark = SharedSpark.get();
    PlanExtractor extractor = TestFixtures.extractor();
    List<String> files = DocumentExtraction.planFiles(spark.sparkContext().hadoopConfiguration(), Location.local(plans));
    assertEquals(7, files.size(), "every file but the hidden one: " + files);
    Dataset<Row> extracted = DocumentExtraction.extract(spark, files, extractor).cache();
    Map<String, String> status = new TreeMap<>();
    for (Row r : DocumentExtraction.accounting(DocumentExtraction.withoutCopies(extracted, extractor)).collectAsList()) {
      status.put(r.getAs("source_file"), r.getAs("status"));
    }
    extracted.unpersist();
    Map<String, String> expected = new TreeMap<>();
    expected.put("达川区 十四五规划.txt", "extracted");
    expected.put("a#b.txt", "extracted");
    expected.put("c%20d.txt", "extracted");
    expected.put("new\nline.txt", "extracted");
    expected.put("达川区 十四五规划（副本）.txt", "duplicate_document");
    expected.put("broken.txt", "unreadable_file");
    expected.put("nested.html", "nested_too_deeply");
    assertEquals(expected, status);
  }

  @Test
  void aFileUriAndAPathAreOneLocalLocation() {
    Path home = tmp.resolve("home");
    Location uri = Location.of("file:" + tmp.resolve("lake house"), home);
    Location tripleSlash = Location.of("file://" + tmp.resolve("lake%20house"), home);
    Location path = Location.of(tmp.resolve("lake house").toString(), home);
    assertTrue(uri.isLocal());
    assertEquals(path, uri);
    assertEquals(path, tripleSlash);
    assertEquals(tmp.resolve("lake house"), uri.path());
    assertEquals(home.resolve("data/lakehouse").toAbsolutePath(), Location.of("data/lakehouse", home).path());
    Location remote = Location.of("s3a://bucket/hrss/lakehouse", home);
    assertTrue(!remote.isLocal());
    assertEquals("s3a://bucket/hrss/lakehouse/dim_region", remote.resolve("dim_region").toString());
    assertEquals("s3a://bucket/hrss/lakehouse/a%20b", remote.resolve("a b").uri().toString());
  }
}
