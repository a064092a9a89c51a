package io.auglove.models;

/**
 * Independent random streams from one seed: each random choice of a computation (an epoch's order,
 * a bootstrap, a fold assignment) seeds its own {@link java.util.Random} from the run's seed and a
 * stream number, so changing one part leaves the others' draws alone.
 */
public final class Seeds {

  private Seeds() {}

  /**
   * The seed of stream {@code stream} of {@code seed}: SplitMix64's finaliser of the two, so that
   * nearby seeds and streams give unrelated sequences.
   */
  public static long stream(long seed, long stream) {
    long z = seed + (stream + 1) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
