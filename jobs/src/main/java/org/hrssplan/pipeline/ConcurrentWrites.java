package org.hrssplan.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Runs independent table writes at the same time from one SparkSession. A small Delta commit spends most of its
 * time on the driver (planning, reading the log, writing the commit) while the executors idle, so a few writes in
 * flight overlap that latency (measured: docs/benchmark.md#fixed-cost-and-extraction). Results come back in submission order; the first
 * failure is rethrown once every write has ended, so no write is left running behind a failed run.
 */
final class ConcurrentWrites<T> implements AutoCloseable {
  private final ExecutorService pool;
  private final List<Future<T>> pending = new ArrayList<>();

  ConcurrentWrites(int threads) {
    this.pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "hrss-write");
      t.setDaemon(true);
      return t;
    });
  }

  void submit(Supplier<T> write) {
    pending.add(pool.submit(write::get));
  }

  /** Waits for every write; returns their results in submission order. */
  List<T> awaitAll() {
    List<T> results = new ArrayList<>();
    RuntimeException failure = null;
    for (Future<T> f : pending) {
      try {
        results.add(f.get());
      } catch (ExecutionException e) {
        if (failure == null) failure = e.getCause() instanceof RuntimeException re ? re : new RuntimeException(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        if (failure == null) failure = new RuntimeException("interrupted while waiting for table writes", e);
      }
    }
    pending.clear();
    if (failure != null) throw failure;
    return results;
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
