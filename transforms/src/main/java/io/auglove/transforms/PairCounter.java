package io.auglove.transforms;

import com.google.common.math.LongMath;
import io.auglove.models.Tokens;
import io.auglove.transforms.records.CooccurrenceMatrix;
import io.auglove.transforms.records.TokenSequence;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * Adds up the windows of token sequences, and other counters, into exact whole counts: the working
 * state behind {@link WindowCooccur}. Not thread-safe.
 */
final class PairCounter {

  private final int window;
  private final long scale;
  private final long[] weightByDistance;
  private final LongCounts pairs;
  private final LongCounts tokens;
  private long sequences;

  /** A counter of windows of {@code window} positions, weighted by {@code weighting}. */
  PairCounter(int window, WindowCooccur.Weighting weighting) {
    this(window, weighting, new LongCounts(), new LongCounts(), 0);
  }

  private PairCounter(
      int window,
      WindowCooccur.Weighting weighting,
      LongCounts pairs,
      LongCounts tokens,
      long sequences) {
    this.pairs = pairs;
    this.tokens = tokens;
    this.sequences = sequences;
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

  /**
   * Writes the counts as they are held, unsorted: the length of what follows, the number of
   * sequences, the pairs and the tokens. An accumulator crosses a runner's shuffle this way, many
   * times per run on the DirectRunner, which copies a grouping's state per bundle; sorting into a
   * {@link CooccurrenceMatrix} each time cost several times as much.
   */
  void encode(OutputStream out) throws IOException {
    ByteBuffer buffer =
        ByteBuffer.allocate(
            Integer.BYTES + Long.BYTES + pairs.encodedLength() + tokens.encodedLength());
    buffer.putInt(buffer.capacity() - Integer.BYTES);
    buffer.putLong(sequences);
    pairs.writeTo(buffer);
    tokens.writeTo(buffer);
    out.write(buffer.array());
  }

  /** The counter {@link #encode} wrote, counted with {@code window} and {@code weighting}. */
  static PairCounter decode(InputStream in, int window, WindowCooccur.Weighting weighting)
      throws IOException {
    DataInputStream data = new DataInputStream(in);
    byte[] bytes = new byte[data.readInt()];
    data.readFully(bytes);
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    long sequences = buffer.getLong();
    LongCounts pairs = LongCounts.readFrom(buffer);
    LongCounts tokens = LongCounts.readFrom(buffer);
    return new PairCounter(window, weighting, pairs, tokens, sequences);
  }

  /** Packs a pair of token codes into one non-negative key that sorts by row, then column. */
  private static long pairKey(int row, int column) {
    return ((long) (row - Tokens.MIN_CODE) << 32) | (column - Tokens.MIN_CODE);
  }
}
