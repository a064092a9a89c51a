package io.auglove.transforms;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.auglove.transforms.records.CooccurrenceMatrix;
import io.auglove.transforms.records.TokenSequence;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.TypeDescriptors;

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
 * <p>Counts are aggregated per bundle (and so per track) before any shuffle, one partial matrix per
 * bundle, in exact whole units, so partial sums merge identically in any order on any runner.
 */
public final class WindowCooccur
    extends PTransform<PCollection<TokenSequence>, PCollection<CooccurrenceMatrix>> {

  /** The paper's window: 10 positions, about 2 s at 5 fps, on each side. */
  public static final int DEFAULT_WINDOW = 10;

  /** The paper's weighting: every pair in the window counts 1. */
  public static final Weighting DEFAULT_WEIGHTING = Weighting.UNIFORM;

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
    PCollection<CooccurrenceMatrix> partials =
        sequences
            .apply("CountPerBundle", ParDo.of(new CountPerBundleFn(window, weighting)))
            .setCoder(CooccurrenceMatrix.Coder.of());
    // An empty partial makes an empty corpus give an empty matrix rather than none.
    PCollection<CooccurrenceMatrix> empty =
        sequences
            .getPipeline()
            .apply(
                "EmptyPartial",
                Create.of(new PairCounter(window, weighting).toMatrix())
                    .withCoder(CooccurrenceMatrix.Coder.of()));
    return PCollectionList.of(partials)
        .and(empty)
        .apply("AllPartials", Flatten.pCollections())
        .apply(
            "OneKey",
            WithKeys.<Integer, CooccurrenceMatrix>of(0).withKeyType(TypeDescriptors.integers()))
        .setCoder(KvCoder.of(VarIntCoder.of(), CooccurrenceMatrix.Coder.of()))
        .apply("Gather", GroupByKey.create())
        .apply("MergePartials", ParDo.of(new MergeFn(window, weighting)))
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
   * Adds up the windows of every sequence of a bundle and emits them as one partial matrix when the
   * bundle ends: the runner then moves one partial per bundle instead of one element per sequence
   * or pair.
   */
  static final class CountPerBundleFn extends DoFn<TokenSequence, CooccurrenceMatrix> {
    private final int window;
    private final Weighting weighting;
    private transient PairCounter counter;

    CountPerBundleFn(int window, Weighting weighting) {
      this.window = window;
      this.weighting = weighting;
    }

    @StartBundle
    public void startBundle() {
      counter = new PairCounter(window, weighting);
    }

    @ProcessElement
    public void process(@Element TokenSequence sequence) {
      counter.add(sequence);
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext context) {
      if (!counter.isEmpty()) {
        context.output(
            counter.toMatrix(), GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE);
      }
      counter = null;
    }
  }

  /**
   * Adds the partial matrices up, in one pass and in exact units, so their order does not matter.
   */
  static final class MergeFn
      extends DoFn<KV<Integer, Iterable<CooccurrenceMatrix>>, CooccurrenceMatrix> {
    private final int window;
    private final Weighting weighting;

    MergeFn(int window, Weighting weighting) {
      this.window = window;
      this.weighting = weighting;
    }

    @ProcessElement
    public void process(
        @Element KV<Integer, Iterable<CooccurrenceMatrix>> partials,
        OutputReceiver<CooccurrenceMatrix> out) {
      PairCounter counter = new PairCounter(window, weighting);
      partials.getValue().forEach(counter::add);
      out.output(counter.toMatrix());
    }
  }
}
