package io.auglove.models.lstm;

/**
 * Independent random streams from one fit seed: each random choice of a fit (each block's initial
 * weights, the epochs' orders, the dropout masks) draws from its own {@link java.util.Random}, so
 * changing one part of the model leaves the others' draws alone.
 */
final class Seeds {

  static final int SHUFFLE = 0;
  static final int EMBEDDING = 1;
  static final int FORWARD_LSTM = 2;
  static final int BACKWARD_LSTM = 3;
  static final int DENSE = 4;
  static final int OUTPUT = 5;
  static final int DROPOUT = 6;

  private Seeds() {}

  /**
   * The seed of stream {@code stream} of {@code seed}: SplitMix64's finaliser of the two, so that
   * nearby seeds and streams give unrelated sequences.
   */
  static long stream(long seed, int stream) {
    long z = seed + (stream + 1L) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
