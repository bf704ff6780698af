package org.hrssplan.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.SparkSession;
import org.hrssplan.config.AppConfig;
import org.hrssplan.pipeline.NightlyJob;
import org.hrssplan.pipeline.RunSummary;

/**
 * The five seeds' nightly pipeline, run once per test JVM ({@link NightlyJob}, exactly as {@code hrss run} runs it,
 * on {@link SharedSpark}'s session) into a temporary lakehouse, with notebooks and exports, the reviewed CSV written
 * beside it and the tables registered as {@value #DATABASE}. A full run takes a minute; every test that only reads
 * what a normal seeds run produces reads this one.
 *
 * <p>The lakehouse is shared, so it is read-only by agreement: a test that writes into it (damages a table, reruns,
 * serves it, drops its database) works on its own {@link #copyLakehouse copy}, which costs a file copy instead of a
 * run. Writing into it is caught: {@link #get()} fails when the lakehouse's files are no longer the ones the run left.
 */
public final class SeedRun {
  /** The shared run's id, in its {@code ops_job_runs} record and its tables' commit history. */
  public static final String RUN_ID = "run-1";
  /** The catalog database the shared run registered its tables in. */
  public static final String DATABASE = "hrss_seeds";

  private static SeedRun run;

  private final Path dir;
  private final TestConfig testConfig;
  private final AppConfig config;
  private final int exitCode;
  private final RunSummary summary;
  private final List<String> out;
  private final List<String> err;
  private final Set<String> jobNames;
  private final TreeMap<String, String> files;

  private SeedRun(Path dir, TestConfig testConfig, AppConfig config, int exitCode, RunSummary summary, List<String> out, List<String> err,
      Set<String> jobNames) throws IOException {
    this.dir = dir;
    this.testConfig = testConfig;
    this.config = config;
    this.exitCode = exitCode;
    this.summary = summary;
    this.out = List.copyOf(out);
    this.err = List.copyOf(err);
    this.jobNames = Collections.unmodifiableSet(jobNames);
    this.files = listing(lakehouse());
  }

  /**
   * The run, made on first use. Fails, without running again, when the run did not exit 0 or when a test changed
   * the shared lakehouse.
   */
  public static synchronized SeedRun get() {
    if (run == null) run = make();
    if (run.exitCode != NightlyJob.OK) {
      throw new AssertionError("the shared seeds run exited " + run.exitCode + ":\n" + String.join("\n", run.err));
    }
    TreeMap<String, String> now = listing(run.lakehouse());
    if (!now.equals(run.files)) {
      throw new AssertionError("a test changed the shared seeds lakehouse " + run.lakehouse() + " (files " + changed(run.files, now)
          + "): a test that writes works on SeedRun.get().copyLakehouse(…)");
    }
    return run;
  }

  private static SeedRun make() {
    SparkSession spark = SharedSpark.get();
    try {
      Path dir = Files.createTempDirectory("hrss-seed-run");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
      Path root = TestFixtures.repoRoot();
      System.setProperty("hrss.home", root.toString());
      TestConfig tc = TestConfig.base()
          .with("lakehouse", dir.resolve("lakehouse"))
          .with("normalized_csv", dir.resolve("indicator_observations.csv"))
          .with("database", DATABASE);
      AppConfig config = tc.load(dir.resolve("hrss.yaml"));
      Set<String> names = java.util.concurrent.ConcurrentHashMap.newKeySet();
      SparkListener listener = new SparkListener() {
        @Override
        public void onJobStart(SparkListenerJobStart job) {
          String group = job.properties() == null ? null : job.properties().getProperty("spark.jobGroup.id");
          String description = job.properties() == null ? null : job.properties().getProperty("spark.job.description");
          if (group != null) names.add(group + " | " + description);
        }
      };
      List<String> out = Collections.synchronizedList(new ArrayList<>());
      List<String> err = Collections.synchronizedList(new ArrayList<>());
      RunSummary summary = new RunSummary(RUN_ID);
      long t0 = System.nanoTime();
      spark.sparkContext().addSparkListener(listener);
      int code;
      try {
        code = NightlyJob.run(spark, config, summary, out::add, line -> {
          err.add(line);
          System.err.println(line);
        });
        spark.sparkContext().listenerBus().waitUntilEmpty();
      } finally {
        spark.sparkContext().removeSparkListener(listener);
      }
      System.err.printf("SeedRun: the seeds' nightly pipeline, shared by the tests, ran in %.1f s (exit %d) into %s; %s%n",
          (System.nanoTime() - t0) / 1e9, code, dir, summary.stageMillis());
      return new SeedRun(dir, tc, config, code, summary, out, err, names);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("Spark's listener bus did not drain after the seeds' run", e);
    }
  }

  /** The run's exit code (0: every table published). */
  public int exitCode() {
    return exitCode;
  }

  /** What the run recorded: stages, documents, gates, tables written. */
  public RunSummary summary() {
    return summary;
  }

  /** The lines the run printed (progress and the summary). */
  public List<String> output() {
    return out;
  }

  /** "group | description" of every Spark job the run started. */
  public Set<String> jobNames() {
    return jobNames;
  }

  /** The run's configuration (lakehouse, database {@value #DATABASE}, CSV). */
  public AppConfig config() {
    return config;
  }

  /**
   * The YAML the run was configured with, for a test's own config that differs from it in a few keys (typically
   * {@code lakehouse} and {@code database}, for a copy).
   */
  public TestConfig testConfig() {
    return testConfig;
  }

  /** The shared lakehouse: read it, never write into it. */
  public Path lakehouse() {
    return dir.resolve("lakehouse");
  }

  /** The reviewed CSV the run wrote ({@code normalized_csv}). */
  public Path csv() {
    return dir.resolve("indicator_observations.csv");
  }

  /**
   * A copy of the lakehouse — Delta tables, run state, exports — in {@code target}, a new folder or one holding none
   * of the lakehouse's files (an existing file is never overwritten): the lakehouse as a run left it, to damage,
   * rerun or serve. Delta logs name their files relative to the table, so the copy is a lakehouse of its own; its
   * tables are in no catalog until a run or {@link org.hrssplan.pipeline.CatalogTables#registerAll} registers them.
   * A copy of the seeds' lakehouse takes well under a second; a run, a minute.
   */
  public Path copyLakehouse(Path target) throws IOException {
    Path from = lakehouse();
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path to = target.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(to);
        else Files.copy(p, to, StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
    return target;
  }

  /** Relative path → size and modification time of every file under {@code root}. */
  private static TreeMap<String, String> listing(Path root) {
    TreeMap<String, String> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        m.put(root.relativize(p).toString(), Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return m;
  }

  private static String changed(TreeMap<String, String> before, TreeMap<String, String> now) {
    List<String> d = new ArrayList<>();
    for (var e : before.entrySet()) if (!e.getValue().equals(now.get(e.getKey()))) d.add(e.getKey());
    for (String k : now.keySet()) if (!before.containsKey(k)) d.add("+" + k);
    return d.size() > 5 ? d.subList(0, 5) + " and " + (d.size() - 5) + " more" : d.toString();
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a leftover temporary folder is not worth failing a test run for
    }
  }
}
