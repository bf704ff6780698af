package org.hrssplan.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.SparkSession;
import org.hrssplan.config.AppConfig;
import org.hrssplan.pipeline.NightlyJob;
import org.hrssplan.pipeline.RunSummary;

/**
 * The five seeds' nightly pipeline ({@link NightlyJob}, exactly as {@code hrss run} runs it, on {@link SharedSpark}'s
 * session) into a lakehouse, with notebooks and exports and the reviewed CSV written beside it: run <b>once per
 * build</b>, by the first test JVM that asks (Surefire's forks and Failsafe's share it), and read by every test that
 * only reads what a normal seeds run produces. A full run takes half a minute to a minute.
 *
 * <p>Where: the folder the system property {@value #DIR_PROPERTY} names — the build sets it to
 * {@code target/seed-run/<build timestamp>}, new for every Maven invocation, so a run of older code is never read;
 * older runs' folders are removed by the next one. The JVMs agree through a file lock beside the folder: the first
 * runs, the others wait and then read what it left ({@code exit-code}, {@code err.txt}, {@code job-names.txt},
 * {@code listing.tsv}). Without the property (a test started from an IDE) the run is made in a temporary folder of
 * this JVM. The tables are registered as {@value #DATABASE} in the session of the JVM that made the run only.
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
  /** System property: the folder of this build's shared run. */
  public static final String DIR_PROPERTY = "hrss.seedrun.dir";

  private static SeedRun run;

  private final Path dir;
  private final TestConfig testConfig;
  private final AppConfig config;
  private final int exitCode;
  private final List<String> err;
  private final Set<String> jobNames;
  private final TreeMap<String, String> files;

  private SeedRun(Path dir, AppConfig config, int exitCode, List<String> err, Set<String> jobNames, TreeMap<String, String> files) {
    this.dir = dir;
    this.testConfig = testConfig(dir);
    this.config = config;
    this.exitCode = exitCode;
    this.err = List.copyOf(err);
    this.jobNames = Collections.unmodifiableSet(jobNames);
    this.files = files;
  }

  /**
   * The run, made or read on first use. Fails, without running again, when the run did not exit 0 or when a test
   * changed the shared lakehouse.
   */
  public static synchronized SeedRun get() {
    if (run == null) run = makeOrRead();
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

  private static TestConfig testConfig(Path dir) {
    return TestConfig.base()
        .with("lakehouse", dir.resolve("lakehouse"))
        .with("normalized_csv", dir.resolve("indicator_observations.csv"))
        .with("database", DATABASE);
  }

  private static SeedRun makeOrRead() {
    System.setProperty("hrss.home", TestFixtures.repoRoot().toString());
    try {
      String shared = System.getProperty(DIR_PROPERTY, "");
      if (shared.isBlank()) {
        Path dir = Files.createTempDirectory("hrss-seed-run");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
        return make(dir);
      }
      Path dir = Path.of(shared).toAbsolutePath();
      Files.createDirectories(dir.getParent());
      try (FileChannel lockFile = FileChannel.open(dir.resolveSibling(dir.getFileName() + ".lock"), StandardOpenOption.CREATE,
          StandardOpenOption.WRITE); FileLock lock = lockFile.lock()) {
        if (Files.exists(dir.resolve("listing.tsv"))) return read(dir);
        removeOlderRuns(dir);
        deleteTree(dir);
        return make(Files.createDirectories(dir));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static SeedRun make(Path dir) throws IOException {
    SparkSession spark = SharedSpark.get();
    AppConfig config = testConfig(dir).load(dir.resolve("hrss.yaml"));
    Set<String> names = java.util.concurrent.ConcurrentHashMap.newKeySet();
    SparkListener listener = new SparkListener() {
      @Override
      public void onJobStart(SparkListenerJobStart job) {
        String group = job.properties() == null ? null : job.properties().getProperty("spark.jobGroup.id");
        String description = job.properties() == null ? null : job.properties().getProperty("spark.job.description");
        if (group != null) names.add(group + " | " + description);
      }
    };
    List<String> err = Collections.synchronizedList(new ArrayList<>());
    RunSummary summary = new RunSummary(RUN_ID);
    long t0 = System.nanoTime();
    spark.sparkContext().addSparkListener(listener);
    int code;
    try {
      code = NightlyJob.run(spark, config, summary, line -> {}, line -> {
        err.add(line);
        System.err.println(line);
      });
      spark.sparkContext().listenerBus().waitUntilEmpty();
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("Spark's listener bus did not drain after the seeds' run", e);
    } finally {
      spark.sparkContext().removeSparkListener(listener);
    }
    System.err.printf("SeedRun: the seeds' nightly pipeline, shared by the tests, ran in %.1f s (exit %d) into %s; %s%n",
        (System.nanoTime() - t0) / 1e9, code, dir, summary.stageMillis());
    TreeMap<String, String> files = listing(dir.resolve("lakehouse"));
    Files.writeString(dir.resolve("exit-code"), Integer.toString(code));
    Files.write(dir.resolve("err.txt"), err, StandardCharsets.UTF_8);
    Files.write(dir.resolve("job-names.txt"), new TreeSet<>(names), StandardCharsets.UTF_8);
    List<String> listed = new ArrayList<>();
    files.forEach((k, v) -> listed.add(k + "\t" + v));
    Files.write(dir.resolve("listing.tsv"), listed, StandardCharsets.UTF_8);   // written last: the run is complete
    return new SeedRun(dir, config, code, err, names, files);
  }

  /** What another JVM of this build left in {@code dir}. */
  private static SeedRun read(Path dir) throws IOException {
    TreeMap<String, String> files = new TreeMap<>();
    for (String l : Files.readAllLines(dir.resolve("listing.tsv"), StandardCharsets.UTF_8)) {
      int tab = l.lastIndexOf('\t');
      files.put(l.substring(0, tab), l.substring(tab + 1));
    }
    System.err.println("SeedRun: the seeds' nightly pipeline of this build, read from " + dir);
    // this JVM's own copy of the YAML: another JVM may be writing dir/hrss.yaml's twin at the same moment
    Path yaml = Files.createTempFile("hrss-seed-run", ".yaml");
    yaml.toFile().deleteOnExit();
    return new SeedRun(dir, testConfig(dir).load(yaml), Integer.parseInt(Files.readString(dir.resolve("exit-code")).trim()),
        Files.readAllLines(dir.resolve("err.txt"), StandardCharsets.UTF_8),
        new HashSet<>(Files.readAllLines(dir.resolve("job-names.txt"), StandardCharsets.UTF_8)), files);
  }

  /** Earlier builds' runs beside {@code dir} (their folders and lock files): read by no one any more. */
  private static void removeOlderRuns(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir.getParent())) {
      for (Path p : s.toList()) {
        String name = p.getFileName().toString();
        if (!name.equals(dir.getFileName().toString()) && !name.equals(dir.getFileName() + ".lock")) deleteTree(p);
      }
    }
  }

  /** The run's exit code (0: every table published). */
  public int exitCode() {
    return exitCode;
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
