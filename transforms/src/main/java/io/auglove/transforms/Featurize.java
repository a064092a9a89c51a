package io.auglove.transforms;

import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.Iterables;
import io.auglove.transforms.records.AssignmentStats;
import io.auglove.transforms.records.FeatureSequence;
import io.auglove.transforms.records.TokenSequence;
import io.auglove.transforms.records.Track;
import io.auglove.transforms.records.TrackId;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * Turns 5 fps sequences into {@link FeatureSequence}s: each frame's AU intensities beside the token
 * that {@link AssignCluster} (the vocabulary pipeline's own step, with a bundle's centres, counts
 * and thresholds) gives it.
 *
 * <p>Outputs: {@link #featuresTag()} one feature sequence per input sequence; {@link #statsTag()}
 * one {@link AssignmentStats}.
 */
public final class Featurize extends PTransform<PCollection<Track>, PCollectionTuple> {

  private static final TupleTag<FeatureSequence> FEATURES = new TupleTag<FeatureSequence>() {};
  private static final TupleTag<Track> TRACKS = new TupleTag<Track>() {};
  private static final TupleTag<TokenSequence> TOKENS = new TupleTag<TokenSequence>() {};

  private final AssignCluster assign;

  private Featurize(AssignCluster assign) {
    this.assign = assign;
  }

  /** Features whose tokens {@code assign} gives. */
  public static Featurize with(AssignCluster assign) {
    return new Featurize(checkNotNull(assign, "assign"));
  }

  /** The feature sequences. */
  public static TupleTag<FeatureSequence> featuresTag() {
    return FEATURES;
  }

  /** How many frames became {@code <unk>}, and why (one element). */
  public static TupleTag<AssignmentStats> statsTag() {
    return AssignCluster.statsTag();
  }

  @Override
  public PCollectionTuple expand(PCollection<Track> sequences) {
    PCollectionTuple assigned = sequences.apply("AssignCluster", assign);
    PCollection<KV<TrackId, Track>> tracks =
        sequences.apply(
            "KeyTracks", WithKeys.of(Track::id).withKeyType(TypeDescriptor.of(TrackId.class)));
    PCollection<KV<TrackId, TokenSequence>> tokens =
        assigned
            .get(AssignCluster.tokensTag())
            .apply(
                "KeyTokens",
                WithKeys.of(TokenSequence::id).withKeyType(TypeDescriptor.of(TrackId.class)));
    PCollection<FeatureSequence> features =
        KeyedPCollectionTuple.of(TRACKS, tracks)
            .and(TOKENS, tokens)
            .apply("JoinTokens", CoGroupByKey.create())
            .apply("ToFeatures", ParDo.of(new ToFeaturesFn()))
            .setCoder(FeatureSequence.Coder.of());
    return PCollectionTuple.of(FEATURES, features)
        .and(AssignCluster.statsTag(), assigned.get(AssignCluster.statsTag()));
  }

  /**
   * Puts a sequence's intensities beside its tokens, dropping {@code <START>} and {@code <END>}.
   */
  static final class ToFeaturesFn extends DoFn<KV<TrackId, CoGbkResult>, FeatureSequence> {
    @ProcessElement
    public void process(
        @Element KV<TrackId, CoGbkResult> joined, OutputReceiver<FeatureSequence> out) {
      Track track = Iterables.getOnlyElement(joined.getValue().getAll(TRACKS));
      TokenSequence tokens = Iterables.getOnlyElement(joined.getValue().getAll(TOKENS));
      checkState(
          tokens.length() == track.size() + 2,
          "sequence %s: %s frames but %s tokens",
          track.id(),
          track.size(),
          tokens.length());
      int[] codes = new int[track.size()];
      for (int i = 0; i < codes.length; i++) {
        codes[i] = tokens.code(i + 1);
      }
      out.output(
          FeatureSequence.of(
              track.id(), track.frames().get(0).timestamp(), track.intensityMatrix(), codes));
    }
  }
}
