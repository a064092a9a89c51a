package io.auglove.transforms;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.auglove.transforms.records.CooccurrenceMatrix;
import io.auglove.transforms.records.TokenSequence;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.PTransform;
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
 * <p>Counts are added up sequence by sequence into one running count held in state ({@link
 * AddUpInState}), in exact whole units, so the order in which sequences come, on any runner, does
 * not change the result; sequences, never pairs, move between workers.
 */
public final class WindowCooccur
    extends PTransform<PCollection<TokenSequence>, PCollection<CooccurrenceMatrix>> {

  /** The paper's window: 10 positions, about 2 s at 5 fps, on each side. */
  public static final int DEFAULT_WINDOW = 10;

  /** The paper's weighting: every pair in the window counts 1. */
  public static final Weighting DEFAULT_WEIGHTING = Weighting.UNIFORM;

  /**
   * The metric (namespace: this class) that counts the running counts decoded, each time a runner
   * copies or moves them: the figure that tells whether the cost of adding up grows with the input
   * more than linearly.
   */
  public static final String COUNTS_DECODED_METRIC = "countsDecoded";

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
    return new WindowCooccur(DEFAULT_WINDOW, DEFAULT_WEIGHTING);
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
    // One running count in state, not a partial count per bundle to merge: the sequences are small
    // and come all at once when they wait for the corpus's cluster counts; an empty corpus gives
    // the empty matrix.
    return sequences
        .apply("CountWindows", AddUpInState.of(new CountWindowsFn(window, weighting)))
        .setCoder(CooccurrenceMatrix.Coder.of());
  }

  /** The matrix of {@code sequences} counted in this JVM, as the transform would count them. */
  static CooccurrenceMatrix count(
      Iterable<TokenSequence> sequences, int window, Weighting weighting) {
    PairCounter counter = new PairCounter(window, weighting);
    sequences.forEach(counter::add);
    return counter.toMatrix();
  }

  /**
   * Adds the windows of sequences into a {@link PairCounter}, and counters into one another, in
   * exact units, so their order does not matter.
   */
  static final class CountWindowsFn
      extends Combine.CombineFn<TokenSequence, PairCounter, CooccurrenceMatrix> {
    private static final BusyTime BUSY = new BusyTime(WindowCooccur.class);

    private final int window;
    private final Weighting weighting;

    CountWindowsFn(int window, Weighting weighting) {
      this.window = window;
      this.weighting = weighting;
    }

    @Override
    public PairCounter createAccumulator() {
      return new PairCounter(window, weighting);
    }

    @Override
    public PairCounter addInput(PairCounter counter, TokenSequence sequence) {
      long start = BusyTime.start();
      counter.add(sequence);
      BUSY.stop(start);
      return counter;
    }

    @Override
    public PairCounter mergeAccumulators(Iterable<PairCounter> counters) {
      PairCounter merged = null;
      for (PairCounter counter : counters) {
        if (merged == null) {
          merged = counter;
        } else {
          merged.add(counter);
        }
      }
      return merged == null ? createAccumulator() : merged;
    }

    @Override
    public CooccurrenceMatrix extractOutput(PairCounter counter) {
      return counter.toMatrix();
    }

    @Override
    public Coder<PairCounter> getAccumulatorCoder(
        CoderRegistry registry, Coder<TokenSequence> inputCoder) {
      return new PairCounterCoder(window, weighting);
    }

    @Override
    public Coder<CooccurrenceMatrix> getDefaultOutputCoder(
        CoderRegistry registry, Coder<TokenSequence> inputCoder) {
      return CooccurrenceMatrix.Coder.of();
    }
  }

  /**
   * Encodes a counter as it is held ({@link PairCounter#encode}). Not deterministic: equal counts
   * added in another order may encode in another order, which suits an accumulator, never a key.
   */
  static final class PairCounterCoder extends CustomCoder<PairCounter> {
    private static final Counter DECODED =
        Metrics.counter(WindowCooccur.class, COUNTS_DECODED_METRIC);

    private final int window;
    private final Weighting weighting;

    PairCounterCoder(int window, Weighting weighting) {
      this.window = window;
      this.weighting = weighting;
    }

    @Override
    public void encode(PairCounter counter, OutputStream out) throws IOException {
      counter.encode(out);
    }

    @Override
    public PairCounter decode(InputStream in) throws IOException {
      DECODED.inc();
      return PairCounter.decode(in, window, weighting);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof PairCounterCoder that
          && window == that.window
          && weighting == that.weighting;
    }

    @Override
    public int hashCode() {
      return Objects.hash(window, weighting);
    }
  }
}
