package io.auglove.transforms;

import java.io.Serializable;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;

/**
 * The CPU time a transform spends on its elements, as a Beam counter of nanoseconds named {@value
 * #COUNTER} in the transform's namespace: where the work of a fused pipeline goes, summed over
 * threads. CPU time of the working thread rather than wall time, so that neither a thread waiting
 * for a core (a runner may run more threads than there are cores) nor a pause of the whole JVM
 * counts, once per thread, as work. Exact on the DirectRunner, which hands outputs on in bundles; a
 * runner that chains its steps (Flink) counts a step's downstream work in its time too. Where the
 * JVM cannot measure a thread's CPU time, wall time.
 */
public final class BusyTime implements Serializable {

  /** The counter's name. */
  public static final String COUNTER = "busy_nanos";

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final boolean CPU_TIME =
      THREADS.isCurrentThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();

  private final Counter counter;

  /** The busy time of the transform {@code namespace}. */
  public BusyTime(Class<?> namespace) {
    this.counter = Metrics.counter(namespace, COUNTER);
  }

  /** The start of a piece of work on this thread, for {@link #stop} on the same thread. */
  public static long start() {
    return now();
  }

  /** Adds this thread's time since {@code start}. */
  public void stop(long start) {
    counter.inc(now() - start);
  }

  private static long now() {
    return CPU_TIME ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
  }
}
