package io.auglove.transforms;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import io.auglove.models.kmeans.Elbow;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.SimpleFunction;
import org.apache.beam.sdk.util.VarInt;
import org.apache.beam.sdk.values.PCollection;

/**
 * Picks the k of the vocabulary from a k-means sweep: the k asked for, or else the knee of the
 * elbow curve (mean distance of a frame to its centre against k; see {@link Elbow}), or, without a
 * knee, the largest k. The result says which k and why, and keeps every fit for the elbow table.
 */
public final class ChooseK
    extends PTransform<PCollection<KMeansFit.Fit>, PCollection<ChooseK.Choice>> {

  private final int requestedK;

  private ChooseK(int requestedK) {
    this.requestedK = requestedK;
  }

  /** Chooses the knee of the elbow curve. */
  public static ChooseK byElbow() {
    return new ChooseK(0);
  }

  /** Chooses {@code vocabK}, which must be one of {@code fitted}, the values of k fitted. */
  public static ChooseK fixed(int vocabK, List<Integer> fitted) {
    checkArgument(
        fitted.contains(vocabK), "vocabK=%s is not one of the fitted k=%s", vocabK, fitted);
    return new ChooseK(vocabK);
  }

  @Override
  public PCollection<Choice> expand(PCollection<KMeansFit.Fit> fits) {
    return fits.apply("AllFits", Combine.globally(new ToListFn()).withoutDefaults())
        .setCoder(ListCoder.of(KMeansFit.Fit.Coder.of()))
        .apply("Choose", MapElements.via(new ChooseFn(requestedK)))
        .setCoder(new ChoiceCoder());
  }

  /** Which k, why, and every fit of the sweep in increasing k. */
  public static final class Choice {
    private final ImmutableList<KMeansFit.Fit> fits;
    private final int chosenK;
    private final int kneeK;
    private final String reason;

    Choice(List<KMeansFit.Fit> fits, int chosenK, int kneeK, String reason) {
      this.fits = ImmutableList.copyOf(fits);
      this.chosenK = chosenK;
      this.kneeK = kneeK;
      this.reason = reason;
    }

    /** Every fit, in increasing k. */
    public ImmutableList<KMeansFit.Fit> fits() {
      return fits;
    }

    /** The fit of the chosen k. */
    public KMeansFit.Fit chosen() {
      return fits.stream().filter(f -> f.k() == chosenK).findFirst().orElseThrow();
    }

    /** The suggested knee, if the elbow curve has one. */
    public OptionalInt knee() {
      return kneeK == 0 ? OptionalInt.empty() : OptionalInt.of(kneeK);
    }

    /** Why this k, in a sentence. */
    public String reason() {
      return reason;
    }

    @Override
    public String toString() {
      return "Choice{k=" + chosenK + ": " + reason + "}";
    }
  }

  /** Chooses from the whole sweep. */
  static final class ChooseFn extends SimpleFunction<List<KMeansFit.Fit>, Choice> {
    private final int requestedK;

    ChooseFn(int requestedK) {
      this.requestedK = requestedK;
    }

    @Override
    public Choice apply(List<KMeansFit.Fit> unsorted) {
      List<KMeansFit.Fit> fits = new ArrayList<>(unsorted);
      fits.sort(Comparator.comparingInt(KMeansFit.Fit::k));
      int[] ks = fits.stream().mapToInt(KMeansFit.Fit::k).toArray();
      double[] distances = fits.stream().mapToDouble(KMeansFit.Fit::meanDistance).toArray();
      OptionalInt knee = ks.length >= 3 ? Elbow.knee(ks, distances) : OptionalInt.empty();
      int kneeK = knee.orElse(0);
      String fitted =
          fits.stream().map(f -> Integer.toString(f.k())).collect(Collectors.joining(", "));
      if (requestedK != 0) {
        checkArgument(
            fits.stream().anyMatch(f -> f.k() == requestedK),
            "the vocabulary's k = %s is not among the fitted k = %s",
            requestedK,
            fitted);
        return new Choice(
            fits,
            requestedK,
            kneeK,
            "k = " + requestedK + " was requested" + (knee.isPresent() ? kneeText(kneeK) : ""));
      }
      if (knee.isPresent()) {
        return new Choice(
            fits,
            kneeK,
            kneeK,
            "k = "
                + kneeK
                + " is the knee of the elbow curve of k = "
                + fitted
                + " (the point furthest below the chord of mean distance against log k)");
      }
      int largest = ks[ks.length - 1];
      String why =
          ks.length == 1
              ? "k = " + largest + " is the only k fitted"
              : "the elbow curve of k = "
                  + fitted
                  + " has no knee ("
                  + (ks.length < 3 ? "fewer than 3 values of k" : "no point below its chord")
                  + "), so the largest k, "
                  + largest
                  + ", was used";
      return new Choice(fits, largest, 0, why);
    }

    private static String kneeText(int kneeK) {
      return " (the elbow curve's knee is k = " + kneeK + ")";
    }
  }

  /** Collects the fits of the sweep. */
  static final class ToListFn
      extends Combine.CombineFn<KMeansFit.Fit, List<KMeansFit.Fit>, List<KMeansFit.Fit>> {
    @Override
    public List<KMeansFit.Fit> createAccumulator() {
      return new ArrayList<>();
    }

    @Override
    public List<KMeansFit.Fit> addInput(List<KMeansFit.Fit> fits, KMeansFit.Fit fit) {
      fits.add(fit);
      return fits;
    }

    @Override
    public List<KMeansFit.Fit> mergeAccumulators(Iterable<List<KMeansFit.Fit>> lists) {
      List<KMeansFit.Fit> merged = new ArrayList<>();
      lists.forEach(merged::addAll);
      return merged;
    }

    @Override
    public List<KMeansFit.Fit> extractOutput(List<KMeansFit.Fit> fits) {
      return fits;
    }

    @Override
    public Coder<List<KMeansFit.Fit>> getAccumulatorCoder(
        CoderRegistry registry, Coder<KMeansFit.Fit> inputCoder) {
      return ListCoder.of(KMeansFit.Fit.Coder.of());
    }
  }

  /** Coder of {@link Choice}. */
  static final class ChoiceCoder extends AtomicCoder<Choice> {
    private static final ListCoder<KMeansFit.Fit> FITS = ListCoder.of(KMeansFit.Fit.Coder.of());

    @Override
    public void encode(Choice choice, OutputStream out) throws IOException {
      FITS.encode(choice.fits, out);
      VarInt.encode(choice.chosenK, out);
      VarInt.encode(choice.kneeK, out);
      StringUtf8Coder.of().encode(choice.reason, out);
    }

    @Override
    public Choice decode(InputStream in) throws IOException {
      List<KMeansFit.Fit> fits = FITS.decode(in);
      int chosenK = VarInt.decodeInt(in);
      int kneeK = VarInt.decodeInt(in);
      return new Choice(fits, chosenK, kneeK, StringUtf8Coder.of().decode(in));
    }

    @Override
    public void verifyDeterministic() {}
  }
}
