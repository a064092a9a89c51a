package io.auglove.transforms;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.common.collect.Iterables;
import io.auglove.models.ActionUnits;
import io.auglove.models.Centroids;
import io.auglove.models.Tokens;
import io.auglove.models.kmeans.Assignment;
import io.auglove.models.kmeans.ExactNearest;
import io.auglove.transforms.records.AssignmentStats;
import io.auglove.transforms.records.ClusterCounts;
import io.auglove.transforms.records.TokenSequence;
import io.auglove.transforms.records.Track;
import io.auglove.transforms.records.TrackId;
import io.auglove.transforms.records.TrackIdCoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.util.VarInt;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * Turns 5 fps sequences into token sequences: each frame gets its nearest (non-empty) centre by
 * Euclidean distance, as token {@code c<id>}; a frame becomes {@code <unk>} when its distance to
 * that centre is greater than the distance threshold (default 1.75) or its cluster holds no more
 * frames of the corpus than the count threshold (default 500); every sequence is wrapped as {@code
 * <START>} ... {@code <END>}.
 *
 * <p>Cluster counts are those of the corpus being read (every frame's nearest centre), unless
 * {@link #withCounts} gives them, as a lab that reuses a published vocabulary does; a cluster a
 * counts file does not list has count 0. Nearest centres are found exactly in Java by {@link
 * ExactNearest}, each frame's search starting from the centre of the frame before it: the same
 * tokens on every machine, and no per-sequence trip to a device.
 *
 * <p>Outputs: {@link #tokensTag()} the token sequences; {@link #countsTag()} one {@link
 * ClusterCounts}, the counts the rule used; {@link #statsTag()} one {@link AssignmentStats}.
 */
public final class AssignCluster extends PTransform<PCollection<Track>, PCollectionTuple> {

  /** The paper's distance threshold: a frame further than this from its centre is {@code <unk>}. */
  public static final double DEFAULT_DISTANCE_THRESHOLD = 1.75;

  /** The paper's count threshold: a cluster with this many frames or fewer gives {@code <unk>}. */
  public static final long DEFAULT_COUNT_THRESHOLD = 500;

  /**
   * The share of a corpus's frames that may become {@code <unk>} before a run warns that the
   * thresholds suit the corpus badly (a vocabulary that is mostly {@code <unk>} says little).
   */
  public static final double DEFAULT_MAX_UNKNOWN_SHARE = 0.5;

  private static final TupleTag<TokenSequence> TOKENS = new TupleTag<TokenSequence>() {};
  private static final TupleTag<ClusterCounts> COUNTS = new TupleTag<ClusterCounts>() {};
  private static final TupleTag<AssignmentStats> STATS = new TupleTag<AssignmentStats>() {};
  private static final TupleTag<long[]> STATS_PARTS = new TupleTag<long[]>() {};

  private final PCollectionView<Centroids> centroids;
  private final ClusterCounts counts;
  private final double distanceThreshold;
  private final long countThreshold;

  private AssignCluster(
      PCollectionView<Centroids> centroids,
      ClusterCounts counts,
      double distanceThreshold,
      long countThreshold) {
    this.centroids = centroids;
    this.counts = counts;
    this.distanceThreshold = distanceThreshold;
    this.countThreshold = countThreshold;
  }

  /**
   * Assigns to the centres in {@code centroids} (a singleton view), with the paper's thresholds.
   */
  public static AssignCluster to(PCollectionView<Centroids> centroids) {
    return new AssignCluster(
        checkNotNull(centroids, "centroids"),
        null,
        DEFAULT_DISTANCE_THRESHOLD,
        DEFAULT_COUNT_THRESHOLD);
  }

  /** The same, {@code <unk>} beyond {@code distanceThreshold} (finite, > 0) from the centre. */
  public AssignCluster withDistanceThreshold(double distanceThreshold) {
    checkArgument(
        distanceThreshold > 0 && Double.isFinite(distanceThreshold),
        "distanceThreshold must be a finite number > 0, got %s",
        distanceThreshold);
    return new AssignCluster(centroids, counts, distanceThreshold, countThreshold);
  }

  /** The same, {@code <unk>} for clusters of at most {@code countThreshold} (>= 0) frames. */
  public AssignCluster withCountThreshold(long countThreshold) {
    checkArgument(countThreshold >= 0, "countThreshold must be >= 0, got %s", countThreshold);
    return new AssignCluster(centroids, counts, distanceThreshold, countThreshold);
  }

  /** The same, with the count rule applied to {@code counts} instead of the corpus's own counts. */
  public AssignCluster withCounts(ClusterCounts counts) {
    return new AssignCluster(
        centroids, checkNotNull(counts, "counts"), distanceThreshold, countThreshold);
  }

  /** The token sequences. */
  public static TupleTag<TokenSequence> tokensTag() {
    return TOKENS;
  }

  /** The cluster counts the count rule used (one element). */
  public static TupleTag<ClusterCounts> countsTag() {
    return COUNTS;
  }

  /** How many frames became {@code <unk>}, and why (one element). */
  public static TupleTag<AssignmentStats> statsTag() {
    return STATS;
  }

  @Override
  public PCollectionTuple expand(PCollection<Track> sequences) {
    PCollection<Nearest> nearest =
        sequences
            .apply("NearestCentre", ParDo.of(new NearestFn(centroids)).withSideInputs(centroids))
            .setCoder(new NearestCoder());
    PCollection<ClusterCounts> clusterCounts =
        counts != null
            ? sequences
                .getPipeline()
                .apply("GivenCounts", Create.of(counts).withCoder(ClusterCounts.Coder.of()))
            : nearest
                .apply(
                    "ClusterHistograms",
                    ParDo.of(new HistogramFn(centroids)).withSideInputs(centroids))
                .setCoder(SumLongArrays.coder())
                .apply("CorpusCounts", CombineAll.of(new SumLongArrays()))
                .apply(
                    "ToCounts",
                    MapElements.into(TypeDescriptor.of(ClusterCounts.class)).via(ClusterCounts::of))
                .setCoder(ClusterCounts.Coder.of());
    // A list of the one element rather than a singleton view: two steps where a singleton's check
    // takes five, on the path every run waits for (the sequences wait for these counts).
    PCollectionView<List<ClusterCounts>> countsView =
        clusterCounts.apply("CountsView", View.asList());
    PCollectionTuple tokens =
        nearest.apply(
            "ApplyUnkRules",
            ParDo.of(new ToTokensFn(countsView, distanceThreshold, countThreshold))
                .withSideInputs(countsView)
                .withOutputTags(TOKENS, TupleTagList.of(STATS_PARTS)));
    PCollection<AssignmentStats> stats =
        tokens
            .get(STATS_PARTS)
            .setCoder(SumLongArrays.coder())
            .apply("AddUpStats", CombineAll.of(new SumLongArrays()))
            .apply(
                "ToStats",
                MapElements.into(TypeDescriptor.of(AssignmentStats.class))
                    .via(AssignmentStats::fromArray))
            .setCoder(AssignmentStats.Coder.of());
    return PCollectionTuple.of(TOKENS, tokens.get(TOKENS).setCoder(TokenSequence.Coder.of()))
        .and(COUNTS, clusterCounts)
        .and(STATS, stats);
  }

  /** Finds each frame's nearest centre and the distance to it. */
  static final class NearestFn extends DoFn<Track, Nearest> {
    /**
     * One search per set of centres in a worker, shared by the DoFn instances of its threads and
     * bundles: its neighbour lists, built as rows need them, are then built once.
     */
    private static final Cache<Centroids, ExactNearest> SEARCHES =
        CacheBuilder.newBuilder().maximumSize(2).build();

    private final PCollectionView<Centroids> centroidsView;
    private transient Centroids current;
    private transient ExactNearest nearest;
    private final BusyTime busy = new BusyTime(AssignCluster.class);

    NearestFn(PCollectionView<Centroids> centroidsView) {
      this.centroidsView = centroidsView;
    }

    @ProcessElement
    public void process(@Element Track track, ProcessContext context) {
      long start = BusyTime.start();
      Centroids centroids = context.sideInput(centroidsView);
      checkArgument(
          centroids.dimension() == ActionUnits.COUNT,
          "centroids have %s values per centre, frames have %s AUs",
          centroids.dimension(),
          ActionUnits.COUNT);
      // The runner hands back the same side-input instance: compare values only when it is another
      // one.
      if (nearest == null || (centroids != current && !centroids.equals(current))) {
        try {
          nearest = SEARCHES.get(centroids, () -> ExactNearest.of(centroids));
        } catch (ExecutionException e) {
          throw new IllegalStateException("preparing the nearest-centre search failed", e);
        }
        current = centroids;
      }
      Assignment assignment = nearest.assign(track.intensityMatrix(), track.size());
      context.output(new Nearest(track.id(), assignment.labels(), assignment.distances()));
      busy.stop(start);
    }
  }

  /**
   * The cluster histogram of a bundle's sequences over the k clusters, emitted when the bundle
   * ends, so that the sum over the corpus adds one array per bundle rather than one per sequence.
   */
  static final class HistogramFn extends DoFn<Nearest, long[]> {
    private final PCollectionView<Centroids> centroidsView;
    private transient long[] histogram;

    HistogramFn(PCollectionView<Centroids> centroidsView) {
      this.centroidsView = centroidsView;
    }

    @StartBundle
    public void startBundle() {
      histogram = null;
    }

    @ProcessElement
    public void process(@Element Nearest nearest, ProcessContext context) {
      if (histogram == null) {
        histogram = new long[context.sideInput(centroidsView).k()];
      }
      for (int label : nearest.labels) {
        histogram[label]++;
      }
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext context) {
      if (histogram != null) {
        context.output(histogram, GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE);
        histogram = null;
      }
    }
  }

  /**
   * Applies the {@code <unk>} rules and wraps each sequence in {@code <START>} ... {@code <END>}.
   */
  static final class ToTokensFn extends DoFn<Nearest, TokenSequence> {
    private final PCollectionView<List<ClusterCounts>> countsView;
    private final double distanceThreshold;
    private final long countThreshold;
    private final Counter unknownByDistance =
        Metrics.counter(AssignCluster.class, "frames_unk_by_distance");
    private final Counter unknownByCount =
        Metrics.counter(AssignCluster.class, "frames_unk_by_count");
    private final BusyTime busy = new BusyTime(AssignCluster.class);

    ToTokensFn(
        PCollectionView<List<ClusterCounts>> countsView,
        double distanceThreshold,
        long countThreshold) {
      this.countsView = countsView;
      this.distanceThreshold = distanceThreshold;
      this.countThreshold = countThreshold;
    }

    @ProcessElement
    public void process(@Element Nearest nearest, ProcessContext context) {
      long start = BusyTime.start();
      ClusterCounts counts = Iterables.getOnlyElement(context.sideInput(countsView));
      int frames = nearest.labels.length;
      int[] codes = new int[frames + 2];
      codes[0] = Tokens.START;
      codes[frames + 1] = Tokens.END;
      long byDistance = 0;
      long byCount = 0;
      for (int i = 0; i < frames; i++) {
        int label = nearest.labels[i];
        long count = label < counts.k() ? counts.count(label) : 0;
        if (nearest.distances[i] > distanceThreshold) {
          codes[i + 1] = Tokens.UNK;
          byDistance++;
        } else if (count <= countThreshold) {
          codes[i + 1] = Tokens.UNK;
          byCount++;
        } else {
          codes[i + 1] = label;
        }
      }
      context.output(TokenSequence.of(nearest.id, codes));
      context.output(STATS_PARTS, new long[] {1, frames, byDistance, byCount});
      unknownByDistance.inc(byDistance);
      unknownByCount.inc(byCount);
      busy.stop(start);
    }
  }

  /** One sequence's nearest centres and distances to them. */
  static final class Nearest {
    final TrackId id;
    final int[] labels;
    final float[] distances;

    Nearest(TrackId id, int[] labels, float[] distances) {
      this.id = id;
      this.labels = labels;
      this.distances = distances;
    }
  }

  /** Coder of {@link Nearest}: the id, the length, then labels and distances in one byte block. */
  static final class NearestCoder extends AtomicCoder<Nearest> {
    @Override
    public void encode(Nearest nearest, OutputStream out) throws IOException {
      TrackIdCoder.of().encode(nearest.id, out);
      VarInt.encode(nearest.labels.length, out);
      ByteBuffer block = ByteBuffer.allocate(8 * nearest.labels.length);
      for (int i = 0; i < nearest.labels.length; i++) {
        block.putInt(nearest.labels[i]).putFloat(nearest.distances[i]);
      }
      out.write(block.array());
    }

    @Override
    public Nearest decode(InputStream in) throws IOException {
      TrackId id = TrackIdCoder.of().decode(in);
      int length = VarInt.decodeInt(in);
      byte[] bytes = in.readNBytes(8 * length);
      if (bytes.length != 8 * length) {
        throw new CoderException("assignment of " + id + ": the stream ended early");
      }
      ByteBuffer block = ByteBuffer.wrap(bytes);
      int[] labels = new int[length];
      float[] distances = new float[length];
      for (int i = 0; i < length; i++) {
        labels[i] = block.getInt();
        distances[i] = block.getFloat();
      }
      return new Nearest(id, labels, distances);
    }

    @Override
    public void verifyDeterministic() {}
  }
}
