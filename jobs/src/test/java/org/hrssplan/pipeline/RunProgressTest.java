package org.hrssplan.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.spark.api.java.function.ForeachFunction;
import org.apache.spark.sql.SparkSession;
import org.hrssplan.testing.SharedSpark;
import org.junit.jupiter.api.Test;

/** A long job is reported while it runs, by its description, tasks done of those submitted and time; nothing when idle. */
class RunProgressTest {
  @Test
  void aRunningJobIsReportedByItsNameTasksAndTimeAndAnIdleSessionNotAtAll() throws Exception {
    SparkSession spark = SharedSpark.get();
    List<String> lines = new CopyOnWriteArrayList<>();
    try (RunProgress p = RunProgress.start(spark.sparkContext(), lines::add, Duration.ofMillis(200))) {
      Thread.sleep(500);
      assertEquals(List.of(), lines, "no job, no line");
      spark.sparkContext().setJobDescription("metrics: fct_slow_table");
      spark.range(0, 4, 1, 4).foreach((ForeachFunction<Long>) x -> Thread.sleep(600));
      spark.sparkContext().setJobDescription(null);
    }
    assertTrue(!lines.isEmpty(), "a line while the job ran");
    for (String l : lines) assertTrue(l.matches(" {6}… metrics: fct_slow_table [0-4]/4 tasks, \\d+ s"), l);
  }
}
