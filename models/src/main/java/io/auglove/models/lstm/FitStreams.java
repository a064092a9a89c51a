package io.auglove.models.lstm;

import io.auglove.models.Seeds;

/**
 * Independent random streams from one fit seed: each random choice of a fit (each block's initial
 * weights, the epochs' orders, the dropout masks) draws from its own {@link java.util.Random}, so
 * changing one part of the model leaves the others' draws alone.
 */
final class FitStreams {

  static final int SHUFFLE = 0;
  static final int EMBEDDING = 1;
  static final int FORWARD_LSTM = 2;
  static final int BACKWARD_LSTM = 3;
  static final int DENSE = 4;
  static final int OUTPUT = 5;
  static final int DROPOUT = 6;

  private FitStreams() {}

  /** The seed of stream {@code stream} of a fit's {@code seed}. */
  static long stream(long seed, int stream) {
    return Seeds.stream(seed, stream);
  }
}
