package org.hrssplan.pipeline;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.SparkException;
import org.junit.jupiter.api.Test;

/** What the operator is told when a run fails for want of memory (the 20M run with a 1 GiB heap did). */
class NightlyJobTest {

  @Test
  void aJobAbortedByAnOutOfMemoryTaskIsRecognizedThroughItsCause() {
    assertTrue(NightlyJob.outOfMemory(new SparkException("Job aborted due to stage failure", new OutOfMemoryError("Java heap space"))));
  }

  @Test
  void sparksMemoryManagerRefusalIsRecognizedFromTheMessageWhenTheCauseIsNotAttached() {
    assertTrue(NightlyJob.outOfMemory(new SparkException("Job aborted due to stage failure: Task 1 in stage 136.0 failed 1 times, "
        + "most recent failure: org.apache.spark.memory.SparkOutOfMemoryError: [UNABLE_TO_ACQUIRE_MEMORY] Unable to acquire 65536 bytes")));
  }

  @Test
  void otherFailuresGetNoMemoryHint() {
    assertFalse(NightlyJob.outOfMemory(new SparkException("Job aborted", new java.io.FileNotFoundException("fct_observation"))));
    assertFalse(NightlyJob.outOfMemory(new IllegalStateException((String) null)));
  }
}
