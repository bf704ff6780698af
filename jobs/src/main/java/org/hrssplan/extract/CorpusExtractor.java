package org.hrssplan.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Extraction of a folder (or one file) without Spark, for {@code hrss extract}, {@code hrss synth verify} and
 * the tests: files in name order, a second file with the same bytes reported as a duplicate. The Spark
 * pipeline does the same per document on executors.
 *
 * <p>Documents are extracted on several threads (one per core by default), but results are handed over in
 * file-name order, exactly as a one-by-one run would: the workers only read and extract, and which copy of
 * repeated bytes counts as the first is decided afterwards, in order, on the caller's thread. At most a few
 * results per thread are held waiting for their turn, so a caller that consumes them as they come
 * ({@link #extractEach}) keeps memory flat whatever the corpus size. {@link PlanExtractor} holds only
 * immutable state (catalog, region directory, thresholds), so one instance serves all threads.
 */
public final class CorpusExtractor {
  /** Results extracted ahead of the one the caller waits for, per thread: enough to keep every core busy. */
  private static final int AHEAD_PER_THREAD = 4;

  private final PlanExtractor extractor;
  private final int threads;

  public CorpusExtractor(PlanExtractor extractor) {
    this(extractor, Runtime.getRuntime().availableProcessors());
  }

  public CorpusExtractor(PlanExtractor extractor, int threads) {
    if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, not " + threads);
    this.extractor = extractor;
    this.threads = threads;
  }

  /**
   * The files of a folder to extract, by name: every entry but folders and hidden names ({@code .…}). A broken link or
   * a file that cannot be opened is listed, so that its read fails and is reported; the pipeline lists the same way.
   */
  public static List<Path> listInputs(Path input) throws IOException {
    if (!Files.isDirectory(input)) return List.of(input);
    try (Stream<Path> s = Files.list(input)) {
      return s.filter(p -> !Files.isDirectory(p)).filter(p -> inputName(p.getFileName().toString()))
          .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
    }
  }

  /** Whether a file of the input folder is read: hidden names (.DS_Store, editors' .~lock files) are not. */
  public static boolean inputName(String name) {
    return !name.startsWith(".");
  }

  /** Every file's result, in the order of {@code files}. */
  public List<ExtractionResult> extractAll(List<Path> files) {
    List<ExtractionResult> out = new ArrayList<>(files.size());
    extractEach(files, out::add);
    return out;
  }

  /**
   * Hands each file's result to {@code sink} in the order of {@code files}, on the calling thread, without
   * keeping it. A file that cannot be read, or is over the size limit, is that file's result; nothing stops the rest.
   */
  public void extractEach(List<Path> files, Consumer<ExtractionResult> sink) {
    Map<String, String> firstBySha = new HashMap<>();
    Consumer<Extracted> inOrder = e -> {
      String name = e.file().getFileName().toString();
      String first = e.sha256() == null ? null : firstBySha.putIfAbsent(e.sha256(), name);
      sink.accept(first != null && PlanExtractor.supportedFile(name) ? extractor.duplicate(name, e.sha256(), first) : e.result());
    };
    if (threads == 1 || files.size() < 2) {
      files.forEach(p -> inOrder.accept(extract(p)));
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, files.size()), workerThreads());
    try {
      ArrayDeque<Future<Extracted>> pending = new ArrayDeque<>();
      Iterator<Path> next = files.iterator();
      int window = threads * AHEAD_PER_THREAD;
      while (next.hasNext() && pending.size() < window) pending.add(submit(pool, next.next()));
      while (!pending.isEmpty()) {
        Extracted e = await(pending.poll());
        if (next.hasNext()) pending.add(submit(pool, next.next()));
        inOrder.accept(e);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * One file read and extracted, with its bytes' hash for the duplicate check. A file that turns out to be
   * a second copy was extracted for nothing; copies are rare, and deciding first needs every earlier hash.
   */
  private record Extracted(Path file, String sha256, ExtractionResult result) {}

  private Extracted extract(Path p) {
    String name = p.getFileName().toString();
    byte[] bytes;
    try {
      if (!Files.isRegularFile(p)) {
        ExtractionResult r = extractor.unreadableFile(name, Files.isSymbolicLink(p) ? "a link to " + Files.readSymbolicLink(p)
            + ", which does not exist" : "not a regular file");
        return new Extracted(p, null, r);
      }
      long size = Files.size(p);
      if (extractor.limits().tooLarge(size) != null) return new Extracted(p, null, extractor.tooLargeFile(name, size));
      bytes = Files.readAllBytes(p);
    } catch (IOException e) {
      return new Extracted(p, null, extractor.unreadableFile(name, ioReason(e)));
    }
    ExtractionResult result = extractor.extract(name, bytes);
    // every result's account carries the SHA-256 of the file's bytes, whatever became of the file: no second hash
    return new Extracted(p, result.account().sha256(), result);
  }

  /** An I/O failure as a person reads it: {@code permission denied}, not {@code AccessDeniedException: /x/y}. */
  public static String ioReason(IOException e) {
    if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
    if (e instanceof java.nio.file.NoSuchFileException) return "it no longer exists";
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }

  private Future<Extracted> submit(ExecutorService pool, Path p) {
    return pool.submit(() -> extract(p));
  }

  private static Extracted await(Future<Extracted> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while extracting", e);
    } catch (ExecutionException e) {
      // the worker's own exception (e.g. a file that cannot be read), as a one-thread run would throw it
      if (e.getCause() instanceof RuntimeException r) throw r;
      if (e.getCause() instanceof Error err) throw err;
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Daemon threads, so that a run that fails half-way never keeps the JVM alive. */
  private static java.util.concurrent.ThreadFactory workerThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "extract-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
