package io.auglove.transforms;

import com.google.common.math.LongMath;
import io.auglove.models.Tokens;
import io.auglove.transforms.records.CooccurrenceMatrix;
import io.auglove.transforms.records.TokenSequence;

/**
 * Adds up the windows of token sequences, and partial matrices, into exact whole counts: the
 * working state behind {@link WindowCooccur}. Not thread-safe.
 */
final class PairCounter {

  private final int window;
  private final long scale;
  private final long[] weightByDistance;
  private final LongCounts pairs = new LongCounts();
  private final LongCounts tokens = new LongCounts();
  private long sequences;

  /** A counter of windows of {@code window} positions, weighted by {@code weighting}. */
  PairCounter(int window, WindowCooccur.Weighting weighting) {
    this.window = window;
    long unit = 1;
    if (weighting == WindowCooccur.Weighting.HARMONIC) {
      for (int d = 2; d <= window; d++) {
        unit = unit / LongMath.gcd(unit, d) * d;
      }
    }
    this.scale = unit;
    this.weightByDistance = new long[window + 1];
    for (int d = 1; d <= window; d++) {
      weightByDistance[d] = weighting == WindowCooccur.Weighting.HARMONIC ? unit / d : 1;
    }
  }

  /** Adds every window of {@code sequence} and its tokens. */
  void add(TokenSequence sequence) {
    int length = sequence.length();
    sequences++;
    for (int i = 0; i < length; i++) {
      int a = sequence.code(i);
      tokens.add(a, 1);
      for (int j = i + 1; j <= Math.min(i + window, length - 1); j++) {
        int b = sequence.code(j);
        long weight = weightByDistance[j - i];
        pairs.add(pairKey(a, b), weight);
        pairs.add(pairKey(b, a), weight);
      }
    }
  }

  /** Adds a partial matrix counted with the same window and weighting. */
  void add(CooccurrenceMatrix partial) {
    if (partial.scale() != scale) {
      throw new IllegalArgumentException(
          "partial matrix in units of 1/" + partial.scale() + ", expected 1/" + scale);
    }
    sequences += partial.sequences();
    for (int n = 0; n < partial.size(); n++) {
      pairs.add(pairKey(partial.row(n), partial.column(n)), partial.count(n));
    }
    for (int t = 0; t < partial.tokenCount(); t++) {
      tokens.add(partial.token(t), partial.occurrences(t));
    }
  }

  /** Adds every count of {@code other}, a counter with the same window and weighting. */
  void add(PairCounter other) {
    if (other.scale != scale || other.window != window) {
      throw new IllegalArgumentException(
          "cannot merge counts of window "
              + other.window
              + " in units of 1/"
              + other.scale
              + " into counts of window "
              + window
              + " in units of 1/"
              + scale);
    }
    sequences += other.sequences;
    pairs.addAll(other.pairs);
    tokens.addAll(other.tokens);
  }

  /** The counts so far, sorted. */
  CooccurrenceMatrix toMatrix() {
    long[] pairKeys = pairs.sortedKeys();
    int[] rows = new int[pairKeys.length];
    int[] columns = new int[pairKeys.length];
    long[] counts = new long[pairKeys.length];
    for (int n = 0; n < pairKeys.length; n++) {
      rows[n] = (int) (pairKeys[n] >>> 32) + Tokens.MIN_CODE;
      columns[n] = (int) pairKeys[n] + Tokens.MIN_CODE;
      counts[n] = pairs.get(pairKeys[n]);
    }
    long[] tokenKeys = tokens.sortedKeys();
    int[] codes = new int[tokenKeys.length];
    long[] occurrences = new long[tokenKeys.length];
    for (int t = 0; t < tokenKeys.length; t++) {
      codes[t] = (int) tokenKeys[t];
      occurrences[t] = tokens.get(tokenKeys[t]);
    }
    return CooccurrenceMatrix.of(scale, sequences, rows, columns, counts, codes, occurrences);
  }

  /** Packs a pair of token codes into one non-negative key that sorts by row, then column. */
  private static long pairKey(int row, int column) {
    return ((long) (row - Tokens.MIN_CODE) << 32) | (column - Tokens.MIN_CODE);
  }
}
