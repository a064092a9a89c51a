package io.auglove.transforms;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.math.LongMath;
import io.auglove.models.Tokens;
import io.auglove.transforms.records.CooccurrenceMatrix;
import io.auglove.transforms.records.TokenSequence;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.util.VarInt;
import org.apache.beam.sdk.values.PCollection;

/**
 * Counts how often tokens appear near each other, the statistics GloVe learns from, as one sparse
 * {@link CooccurrenceMatrix} for the whole corpus.
 *
 * <p>For every pair of positions i &lt; j of one sequence with j − i ≤ window (default 10; {@code
 * <START>} and {@code <END>} count as positions; a window never crosses from one sequence into
 * another), the weight of the pair is added to X[a][b] and to X[b][a], where a and b are the tokens
 * at i and j. So a token paired with itself at another position adds twice its weight to the
 * diagonal, as the paper's code does. The weight is 1 by default ({@link Weighting#UNIFORM}, the
 * paper's), or 1/(j − i) ({@link Weighting#HARMONIC}, the original GloVe's). The matrix also counts
 * every token's occurrences and the sequences.
 *
 * <p>Counts are aggregated per bundle (and so per track) before any shuffle, in exact integer
 * units, so partial sums merge identically in any order.
 */
public final class WindowCooccur
    extends PTransform<PCollection<TokenSequence>, PCollection<CooccurrenceMatrix>> {

  /** The paper's window: 10 positions, about 2 s at 5 fps, on each side. */
  public static final int DEFAULT_WINDOW = 10;

  /** Largest window accepted. */
  public static final int MAX_WINDOW = 1000;

  /**
   * Largest window with {@link Weighting#HARMONIC}: its counts are kept in units of lcm(1..window).
   */
  public static final int MAX_HARMONIC_WINDOW = 20;

  /** How a pair at distance d = j − i is weighted. */
  public enum Weighting {
    /** Every pair adds 1 (the paper's). */
    UNIFORM,
    /** A pair adds 1/d (the original GloVe's). */
    HARMONIC
  }

  private final int window;
  private final Weighting weighting;

  private WindowCooccur(int window, Weighting weighting) {
    this.window = window;
    this.weighting = weighting;
  }

  /** Windows of 10 positions, uniform weights. */
  public static WindowCooccur create() {
    return new WindowCooccur(DEFAULT_WINDOW, Weighting.UNIFORM);
  }

  /** The same with windows of {@code window} positions (1..1000; 1..20 with harmonic weights). */
  public WindowCooccur withWindow(int window) {
    checkArgument(
        window >= 1 && window <= MAX_WINDOW,
        "window must be within 1..%s, got %s",
        MAX_WINDOW,
        window);
    checkHarmonicWindow(window, weighting);
    return new WindowCooccur(window, weighting);
  }

  /** The same with {@code weighting}. */
  public WindowCooccur withWeighting(Weighting weighting) {
    checkNotNull(weighting, "weighting");
    checkHarmonicWindow(window, weighting);
    return new WindowCooccur(window, weighting);
  }

  private static void checkHarmonicWindow(int window, Weighting weighting) {
    checkArgument(
        weighting != Weighting.HARMONIC || window <= MAX_HARMONIC_WINDOW,
        "window must be within 1..%s with harmonic weighting, got %s",
        MAX_HARMONIC_WINDOW,
        window);
  }

  /** The window, in positions. */
  public int window() {
    return window;
  }

  /** The weighting. */
  public Weighting weighting() {
    return weighting;
  }

  @Override
  public PCollection<CooccurrenceMatrix> expand(PCollection<TokenSequence> sequences) {
    return sequences
        .apply("CountWindows", Combine.globally(new CountWindowsFn(window, weighting)))
        .setCoder(CooccurrenceMatrix.Coder.of());
  }

  /** Adds up the windows of sequences into a matrix. */
  static final class CountWindowsFn
      extends Combine.CombineFn<TokenSequence, Accumulator, CooccurrenceMatrix> {
    private final int window;
    private final long scale;
    private final long[] weightByDistance;

    CountWindowsFn(int window, Weighting weighting) {
      this.window = window;
      long unit = 1;
      if (weighting == Weighting.HARMONIC) {
        for (int d = 2; d <= window; d++) {
          unit = unit / LongMath.gcd(unit, d) * d;
        }
      }
      this.scale = unit;
      this.weightByDistance = new long[window + 1];
      for (int d = 1; d <= window; d++) {
        weightByDistance[d] = weighting == Weighting.HARMONIC ? unit / d : 1;
      }
    }

    @Override
    public Accumulator createAccumulator() {
      return new Accumulator();
    }

    @Override
    public Accumulator addInput(Accumulator accumulator, TokenSequence sequence) {
      int length = sequence.length();
      accumulator.sequences++;
      for (int i = 0; i < length; i++) {
        int a = sequence.code(i);
        accumulator.tokens.add(a, 1);
        for (int j = i + 1; j <= Math.min(i + window, length - 1); j++) {
          int b = sequence.code(j);
          long weight = weightByDistance[j - i];
          accumulator.pairs.add(pairKey(a, b), weight);
          accumulator.pairs.add(pairKey(b, a), weight);
        }
      }
      return accumulator;
    }

    @Override
    public Accumulator mergeAccumulators(Iterable<Accumulator> accumulators) {
      Accumulator merged = new Accumulator();
      for (Accumulator accumulator : accumulators) {
        merged.pairs.addAll(accumulator.pairs);
        merged.tokens.addAll(accumulator.tokens);
        merged.sequences += accumulator.sequences;
      }
      return merged;
    }

    @Override
    public CooccurrenceMatrix extractOutput(Accumulator accumulator) {
      long[] pairKeys = accumulator.pairs.sortedKeys();
      int[] rows = new int[pairKeys.length];
      int[] columns = new int[pairKeys.length];
      long[] counts = new long[pairKeys.length];
      for (int n = 0; n < pairKeys.length; n++) {
        rows[n] = (int) (pairKeys[n] >>> 32) + Tokens.MIN_CODE;
        columns[n] = (int) pairKeys[n] + Tokens.MIN_CODE;
        counts[n] = accumulator.pairs.get(pairKeys[n]);
      }
      long[] tokenKeys = accumulator.tokens.sortedKeys();
      int[] tokens = new int[tokenKeys.length];
      long[] tokenCounts = new long[tokenKeys.length];
      for (int t = 0; t < tokenKeys.length; t++) {
        tokens[t] = (int) tokenKeys[t];
        tokenCounts[t] = accumulator.tokens.get(tokenKeys[t]);
      }
      return CooccurrenceMatrix.of(
          scale, accumulator.sequences, rows, columns, counts, tokens, tokenCounts);
    }

    @Override
    public Coder<Accumulator> getAccumulatorCoder(
        CoderRegistry registry, Coder<TokenSequence> inputCoder) {
      return new AccumulatorCoder();
    }

    /** Packs a pair of token codes into one non-negative key that sorts by row, then column. */
    private static long pairKey(int row, int column) {
      return ((long) (row - Tokens.MIN_CODE) << 32) | (column - Tokens.MIN_CODE);
    }
  }

  /** Pair and token counts of the sequences seen so far. */
  static final class Accumulator {
    final LongCounts pairs = new LongCounts();
    final LongCounts tokens = new LongCounts();
    long sequences;
  }

  /** Coder of {@link Accumulator}: sizes, then sorted keys with their counts, as VarInts. */
  static final class AccumulatorCoder extends AtomicCoder<Accumulator> {
    @Override
    public void encode(Accumulator accumulator, OutputStream out) throws IOException {
      VarInt.encode(accumulator.sequences, out);
      encodeCounts(accumulator.pairs, out);
      encodeCounts(accumulator.tokens, out);
    }

    @Override
    public Accumulator decode(InputStream in) throws IOException {
      Accumulator accumulator = new Accumulator();
      accumulator.sequences = VarInt.decodeLong(in);
      decodeCounts(accumulator.pairs, in);
      decodeCounts(accumulator.tokens, in);
      return accumulator;
    }

    private static void encodeCounts(LongCounts counts, OutputStream out) throws IOException {
      long[] keys = counts.sortedKeys();
      VarInt.encode(keys.length, out);
      for (long key : keys) {
        // Token keys may be negative codes: shift them, like pair keys, to be >= 0.
        VarInt.encode(key - Tokens.MIN_CODE, out);
        VarInt.encode(counts.get(key), out);
      }
    }

    private static void decodeCounts(LongCounts counts, InputStream in) throws IOException {
      int size = VarInt.decodeInt(in);
      for (int n = 0; n < size; n++) {
        long key = VarInt.decodeLong(in) + Tokens.MIN_CODE;
        counts.add(key, VarInt.decodeLong(in));
      }
    }

    @Override
    public void verifyDeterministic() {}
  }
}
