package io.auglove.models.kmeans;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * A fixed number of threads that run the independent parts of one k-means fit. Results never depend
 * on the number of threads: work is split into parts fixed by the data alone ({@link #PARTS}), and
 * whatever is summed over parts is combined in part order by the caller.
 */
final class Workers implements AutoCloseable {

  /** Parts the rows are split into for host work: fixed, so that sums do not depend on threads. */
  static final int PARTS = 64;

  private final int threads;
  private final ExecutorService executor;

  private Workers(int threads) {
    this.threads = threads;
    this.executor =
        threads == 1
            ? null
            : Executors.newFixedThreadPool(
                threads,
                runnable -> {
                  Thread thread = new Thread(runnable, "kmeans-worker");
                  thread.setDaemon(true);
                  return thread;
                });
  }

  /** {@code threads} workers, at least 1; 0 means one per available processor. */
  static Workers of(int threads) {
    checkArgument(threads >= 0, "threads must be at least 0 (0: all processors), got %s", threads);
    return new Workers(threads == 0 ? Runtime.getRuntime().availableProcessors() : threads);
  }

  /** Number of threads. */
  int threads() {
    return threads;
  }

  /** First row of part {@code part} when {@code rows} rows are split into {@code parts} parts. */
  static int partStart(int rows, int parts, int part) {
    return (int) ((long) rows * part / parts);
  }

  /**
   * Runs {@code task} for each of {@code 0..tasks-1}, on the workers, and returns when all are
   * done. The first exception of a task is rethrown, as an unchecked exception with the cause
   * attached.
   */
  void run(int tasks, IntConsumer task) {
    if (executor == null || tasks <= 1) {
      for (int t = 0; t < tasks; t++) {
        task.accept(t);
      }
      return;
    }
    List<Future<?>> futures = new ArrayList<>(tasks);
    for (int t = 0; t < tasks; t++) {
      int index = t;
      futures.add(executor.submit(() -> task.accept(index)));
    }
    RuntimeException failure = null;
    for (Future<?> future : futures) {
      try {
        future.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failure = failure != null ? failure : new IllegalStateException("k-means interrupted", e);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (failure == null) {
          failure =
              cause instanceof RuntimeException runtime
                  ? runtime
                  : new IllegalStateException("k-means worker failed: " + cause, cause);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /**
   * Runs {@code part} for each of {@code 0..parts-1}: the parts are dealt out in contiguous runs,
   * one run per thread, which costs one hand-over per thread instead of one per part.
   */
  void runParts(int parts, IntConsumer part) {
    int tasks = Math.min(threads, parts);
    run(
        tasks,
        task -> {
          int to = partStart(parts, tasks, task + 1);
          for (int p = partStart(parts, tasks, task); p < to; p++) {
            part.accept(p);
          }
        });
  }

  @Override
  public void close() {
    if (executor != null) {
      executor.shutdownNow();
    }
  }
}
