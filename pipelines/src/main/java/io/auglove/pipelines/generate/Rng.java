package io.auglove.pipelines.generate;

/**
 * A small, fully specified pseudo-random generator (SplitMix64) with the few distributions the
 * generator needs.
 *
 * <p>Every draw is defined here rather than by {@link java.util.Random} or {@link
 * java.util.SplittableRandom}, whose Gaussian and bounded-integer algorithms may change between JDK
 * releases: a corpus must stay byte-identical for a seed on every JVM. Each stream of draws comes
 * from {@link #derive}, so that a video's draws never depend on which other videos were generated
 * before it, nor on which other streams of the same video were used. Logarithms (and, elsewhere in
 * the generator, every transcendental function) come from {@link StrictMath}, whose results are the
 * same on every platform, where {@link Math}'s may differ in the last bit.
 */
final class Rng {

  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private long state;
  private double spareGaussian;
  private boolean hasSpareGaussian;

  private Rng(long state) {
    this.state = state;
  }

  /** The generator of one named stream, for one index (a video, a participant, or 0). */
  static Rng derive(long seed, RngStream stream, long index) {
    long s = mix(seed + GOLDEN_GAMMA);
    s = mix(s ^ (stream.id() * 0xD1B54A32D192ED03L));
    s = mix(s + index * GOLDEN_GAMMA);
    return new Rng(s);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  long nextLong() {
    state += GOLDEN_GAMMA;
    return mix(state);
  }

  /** Uniform on [0, 1). */
  double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Uniform on [low, high). */
  double uniform(double low, double high) {
    return low + (high - low) * nextDouble();
  }

  /** Uniform integer on [0, bound), without modulo bias. */
  int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive, got " + bound);
    }
    long limit = (1L << 31) - ((1L << 31) % bound);
    while (true) {
      long r = nextLong() >>> 33;
      if (r < limit) {
        return (int) (r % bound);
      }
    }
  }

  /** Uniform integer on [low, high], both included. */
  int intBetween(int low, int high) {
    return low + nextInt(high - low + 1);
  }

  boolean bernoulli(double probability) {
    return nextDouble() < probability;
  }

  /** Standard normal, by Marsaglia's polar method. */
  double nextGaussian() {
    if (hasSpareGaussian) {
      hasSpareGaussian = false;
      return spareGaussian;
    }
    double u;
    double v;
    double s;
    do {
      u = 2 * nextDouble() - 1;
      v = 2 * nextDouble() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s == 0);
    double factor = Math.sqrt(-2 * StrictMath.log(s) / s);
    spareGaussian = v * factor;
    hasSpareGaussian = true;
    return u * factor;
  }

  /** Exponential with the given mean. */
  double exponential(double mean) {
    return -mean * StrictMath.log(1 - nextDouble());
  }

  /** Gamma with unit scale and {@code shape >= 1}, by Marsaglia and Tsang's method. */
  double gamma(double shape) {
    if (shape < 1) {
      throw new IllegalArgumentException("shape must be >= 1, got " + shape);
    }
    double d = shape - 1.0 / 3.0;
    double c = 1.0 / Math.sqrt(9 * d);
    while (true) {
      double x = nextGaussian();
      double v = 1 + c * x;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = nextDouble();
      if (StrictMath.log(u) < 0.5 * x * x + d - d * v + d * StrictMath.log(v)) {
        return d * v;
      }
    }
  }

  /** Fisher-Yates shuffle of {@code values} in place. */
  void shuffle(int[] values) {
    for (int i = values.length - 1; i > 0; i--) {
      int j = nextInt(i + 1);
      int t = values[i];
      values[i] = values[j];
      values[j] = t;
    }
  }
}
