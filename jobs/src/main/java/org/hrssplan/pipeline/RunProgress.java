package org.hrssplan.pipeline;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Progress of a long run, from Spark's own events: while Spark jobs are running, a line every {@code period} naming
 * the work by its job description ({@code metrics: fct_target_attainment}), its tasks done of those submitted, and the
 * time since the run started — {@code       … metrics: fct_target_attainment 40/64 tasks, 3 min 05 s}. Nothing is
 * printed while no job runs or within the first period, so a short run's output is unchanged. The period is shorter on
 * a terminal than in a log (Airflow, cron): a log gets a line every half minute.
 */
public final class RunProgress extends SparkListener implements AutoCloseable {
  /** A line every 5 s on a terminal, every 30 s in a log. */
  public static Duration defaultPeriod() {
    return System.console() != null ? Duration.ofSeconds(5) : Duration.ofSeconds(30);
  }

  private final Consumer<String> out;
  private final LongSupplier nanos;
  private final long started;
  /** Running jobs: job id → [description, tasks submitted, tasks done]. */
  private final Map<Integer, Job> running = new ConcurrentHashMap<>();
  private final Map<Integer, Integer> jobOfStage = new ConcurrentHashMap<>();
  private final SparkContext context;
  private final ScheduledExecutorService timer;

  private record Job(String description, AtomicInteger tasks, AtomicInteger done) {}

  private RunProgress(SparkContext context, Consumer<String> out, LongSupplier nanos, Duration period) {
    this.context = context;
    this.out = out;
    this.nanos = nanos;
    this.started = nanos.getAsLong();
    if (period == null) {
      timer = null;
      return;
    }
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "hrss-progress");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleAtFixedRate(this::report, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Starts reporting the jobs of {@code context} to {@code out}; close to stop. */
  public static RunProgress start(SparkContext context, Consumer<String> out, Duration period) {
    RunProgress p = new RunProgress(context, out, System::nanoTime, period);
    context.addSparkListener(p);
    return p;
  }

  /** For tests: events fed by hand, time from {@code nanos}, lines on {@link #report()} only. */
  static RunProgress manual(Consumer<String> out, LongSupplier nanos) {
    return new RunProgress(null, out, nanos, null);
  }

  @Override
  public void onJobStart(SparkListenerJobStart job) {
    String d = job.properties() == null ? null : job.properties().getProperty("spark.job.description");
    running.put(job.jobId(), new Job(d == null ? "spark job " + job.jobId() : d, new AtomicInteger(), new AtomicInteger()));
    scala.collection.Iterator<Object> ids = job.stageIds().iterator();
    while (ids.hasNext()) jobOfStage.put((Integer) ids.next(), job.jobId());
  }

  @Override
  public void onStageSubmitted(SparkListenerStageSubmitted stage) {
    Job j = job(stage.stageInfo().stageId());
    if (j != null) j.tasks().addAndGet(stage.stageInfo().numTasks());
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd task) {
    Job j = job(task.stageId());
    if (j != null) j.done().incrementAndGet();
  }

  @Override
  public void onJobEnd(SparkListenerJobEnd job) {
    running.remove(job.jobId());
    jobOfStage.values().removeIf(id -> id == job.jobId());
  }

  private Job job(int stageId) {
    Integer id = jobOfStage.get(stageId);
    return id == null ? null : running.get(id);
  }

  /** One line for the work running now (jobs of one description summed), or nothing when no job runs. */
  void report() {
    Map<String, int[]> byWork = new TreeMap<>();
    for (Job j : running.values()) {
      int[] t = byWork.computeIfAbsent(j.description(), k -> new int[2]);
      t[0] += j.done().get();
      t[1] += j.tasks().get();
    }
    if (byWork.isEmpty()) return;
    StringBuilder s = new StringBuilder("      … ");
    byWork.forEach((work, t) -> s.append(work).append(' ').append(t[0]).append('/').append(t[1]).append(" tasks, "));
    long seconds = TimeUnit.NANOSECONDS.toSeconds(nanos.getAsLong() - started);
    s.append(seconds >= 60 ? String.format("%d min %02d s", seconds / 60, seconds % 60) : seconds + " s");
    out.accept(s.toString());
  }

  @Override
  public void close() {
    if (timer != null) timer.shutdownNow();
    if (context != null) context.removeSparkListener(this);
  }
}
