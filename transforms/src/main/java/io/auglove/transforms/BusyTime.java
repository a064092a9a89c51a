package io.auglove.transforms;

import java.io.Serializable;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;

/**
 * The time a transform spends on its elements, as a Beam counter of nanoseconds named {@value
 * #COUNTER} in the transform's namespace: where the time of a fused pipeline goes, summed over
 * threads. Exact on the DirectRunner, which hands outputs on in bundles; a runner that chains its
 * steps (Flink) counts a step's downstream work in its time too.
 */
public final class BusyTime implements Serializable {

  /** The counter's name. */
  public static final String COUNTER = "busy_nanos";

  private final Counter counter;

  /** The busy time of the transform {@code namespace}. */
  public BusyTime(Class<?> namespace) {
    this.counter = Metrics.counter(namespace, COUNTER);
  }

  /** The start of a piece of work, for {@link #stop}. */
  public static long start() {
    return System.nanoTime();
  }

  /** Adds the time since {@code start}. */
  public void stop(long start) {
    counter.inc(System.nanoTime() - start);
  }
}
