package io.auglove.models.lstm;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Which frames of a long sequence the LSTM reads: all of them up to a maximum length L, else L
 * frames spread evenly over the T, frame {@code round(i · (T − 1) / (L − 1))} for i = 0..L-1.
 *
 * <p>That choice keeps the first and the last frame, so both directions of the LSTM start from the
 * sequence's real ends, and the gaps between kept frames differ by at most one. Ties round half up.
 * Integer arithmetic only, so the frames never depend on floating point.
 */
final class Subsampling {

  private Subsampling() {}

  /**
   * The frame indices, increasing, of a sequence of {@code length} frames read at most {@code
   * maxLength} at a time; 0..length-1 when it is not longer than that.
   */
  static int[] indices(int length, int maxLength) {
    checkArgument(length >= 1, "lstm: a sequence needs at least one frame, got %s", length);
    checkArgument(maxLength >= 2, "lstm: maxLength must be at least 2, got %s", maxLength);
    int kept = Math.min(length, maxLength);
    int[] indices = new int[kept];
    if (kept == length) {
      for (int i = 0; i < kept; i++) {
        indices[i] = i;
      }
      return indices;
    }
    long span = length - 1L;
    long steps = kept - 1L;
    for (int i = 0; i < kept; i++) {
      // round(i · span / steps), half up: floor((2 · i · span + steps) / (2 · steps)).
      indices[i] = (int) ((2L * i * span + steps) / (2L * steps));
    }
    return indices;
  }
}
