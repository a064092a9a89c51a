package io.auglove.transforms;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.Doubles;
import com.google.common.primitives.Longs;
import io.auglove.models.ActionUnits;
import io.auglove.models.Centroids;
import io.auglove.models.kmeans.CentroidUpdate;
import io.auglove.models.kmeans.KMeans;
import io.auglove.models.kmeans.KMeansResult;
import io.auglove.transforms.records.CentroidsCoder;
import io.auglove.transforms.records.Track;
import io.auglove.transforms.records.TrackId;
import io.auglove.transforms.records.TrackIdCoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.DoubleCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.util.VarInt;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * Fits Euclidean k-means to the AU vectors of every frame of the input sequences, once for each k
 * of a list: k-means++ initialisation on a seeded sample, then Lloyd iterations whose assignment
 * and centroid update run as DJL NDArray operations (GPU when DJL finds one), empty clusters
 * re-seeded, until the relative decrease of inertia falls below the tolerance or the iterations run
 * out. See {@link KMeans}.
 *
 * <p>The frames are gathered on the worker that fits (k-means passes over all of them many times:
 * at 5 fps the paper's 5.3M frames take 360 MB) in the order of their sequences' {@link TrackId},
 * whatever order the runner delivers them in, so a seed gives the same centres on every runner.
 * Each k is its own element, so the fits of a sweep run in parallel where there are workers. {@link
 * #withMaxFitFrames} fits on a seeded uniform sample instead.
 *
 * <p>Output: one {@link Fit} per k, with the centres, the elbow metric (mean distance of a frame to
 * its centre), the inertia, the iterations and whether they converged.
 */
public final class KMeansFit extends PTransform<PCollection<Track>, PCollection<KMeansFit.Fit>> {

  /** The paper's sweep. */
  public static final ImmutableList<Integer> PAPER_KS =
      ImmutableList.of(100, 200, 500, 1000, 2000, 5000, 10000);

  /** Most Lloyd iterations of a fit unless told otherwise. */
  public static final int DEFAULT_MAX_ITERATIONS = KMeans.DEFAULT_MAX_ITERATIONS;

  /** The relative fall of inertia below which a fit stops, unless told otherwise. */
  public static final double DEFAULT_TOLERANCE = KMeans.DEFAULT_TOLERANCE;

  /** Frames sampled for the k-means++ initialisation unless told otherwise. */
  public static final int DEFAULT_INIT_SAMPLE_SIZE = KMeans.DEFAULT_INIT_SAMPLE_SIZE;

  /** Frames a fit is limited to unless told otherwise: 0, all of them. */
  public static final int DEFAULT_MAX_FIT_FRAMES = 0;

  /** Where the centroid update runs unless told otherwise. */
  public static final CentroidUpdate DEFAULT_CENTROID_UPDATE = KMeans.DEFAULT_CENTROID_UPDATE;

  private final ImmutableList<Integer> ks;
  private final Settings settings;
  private final PCollection<?> signal;

  private KMeansFit(ImmutableList<Integer> ks, Settings settings) {
    this(ks, settings, null);
  }

  private KMeansFit(ImmutableList<Integer> ks, Settings settings, PCollection<?> signal) {
    this.ks = ks;
    this.settings = settings;
    this.signal = signal;
  }

  private KMeansFit withSettings(ImmutableList<Integer> ks, Settings settings) {
    return new KMeansFit(ks, settings, signal);
  }

  /**
   * The same, fitting only once {@code signal} is complete ({@link Completion}): a failure there,
   * such as an input check's, then stops the run before any fit starts.
   */
  public KMeansFit waitingOn(PCollection<?> signal) {
    return new KMeansFit(ks, settings, checkNotNull(signal, "signal"));
  }

  /** The settings of every fit of a sweep; serializable, so that the fitting DoFn carries them. */
  record Settings(
      long seed,
      int maxIterations,
      double tolerance,
      int initSampleSize,
      CentroidUpdate centroidUpdate,
      int maxFrames)
      implements Serializable {}

  /**
   * Fits k-means for each k of {@code ks} (distinct, each at least 1), seed 0, and the defaults
   * above: the centroid update on the host on a CPU and on the device on a GPU.
   */
  public static KMeansFit forK(List<Integer> ks) {
    checkArgument(!ks.isEmpty(), "k must list at least one value");
    for (int k : ks) {
      checkArgument(k >= 1, "every k must be at least 1, got k=%s", ks);
    }
    checkArgument(ks.stream().distinct().count() == ks.size(), "k must be distinct, got k=%s", ks);
    return new KMeansFit(
        ImmutableList.sortedCopyOf(ks),
        new Settings(
            0,
            DEFAULT_MAX_ITERATIONS,
            DEFAULT_TOLERANCE,
            DEFAULT_INIT_SAMPLE_SIZE,
            DEFAULT_CENTROID_UPDATE,
            DEFAULT_MAX_FIT_FRAMES));
  }

  /** The same with {@code seed} for the sample, the initialisation and any subsample. */
  public KMeansFit withSeed(long seed) {
    Settings s = settings;
    return withSettings(
        ks,
        new Settings(
            seed, s.maxIterations, s.tolerance, s.initSampleSize, s.centroidUpdate, s.maxFrames));
  }

  /** The same with at most {@code maxIterations} (at least 1) Lloyd iterations. */
  public KMeansFit withMaxIterations(int maxIterations) {
    checkArgument(maxIterations >= 1, "maxIterations must be at least 1, got %s", maxIterations);
    Settings s = settings;
    return withSettings(
        ks,
        new Settings(
            s.seed, maxIterations, s.tolerance, s.initSampleSize, s.centroidUpdate, s.maxFrames));
  }

  /** The same, stopping when inertia falls by less than {@code tolerance} (relative, >= 0). */
  public KMeansFit withTolerance(double tolerance) {
    checkArgument(
        Double.isFinite(tolerance) && tolerance >= 0,
        "tolerance must be a finite number >= 0, got %s",
        tolerance);
    Settings s = settings;
    return withSettings(
        ks,
        new Settings(
            s.seed, s.maxIterations, tolerance, s.initSampleSize, s.centroidUpdate, s.maxFrames));
  }

  /** The same with k-means++ run on a sample of {@code initSampleSize} (at least 1) frames. */
  public KMeansFit withInitSampleSize(int initSampleSize) {
    checkArgument(initSampleSize >= 1, "initSampleSize must be at least 1, got %s", initSampleSize);
    Settings s = settings;
    return withSettings(
        ks,
        new Settings(
            s.seed, s.maxIterations, s.tolerance, initSampleSize, s.centroidUpdate, s.maxFrames));
  }

  /** The same with the centroid update on the DJL device or in plain Java on the host. */
  public KMeansFit withCentroidUpdate(CentroidUpdate centroidUpdate) {
    checkNotNull(centroidUpdate, "centroidUpdate");
    Settings s = settings;
    return withSettings(
        ks,
        new Settings(
            s.seed, s.maxIterations, s.tolerance, s.initSampleSize, centroidUpdate, s.maxFrames));
  }

  /**
   * The same, fitting on a seeded uniform sample of {@code maxFitFrames} frames (0: all frames).
   */
  public KMeansFit withMaxFitFrames(int maxFitFrames) {
    checkArgument(
        maxFitFrames >= 0, "maxFitFrames must be >= 0 (0: all frames), got %s", maxFitFrames);
    Settings s = settings;
    return withSettings(
        ks,
        new Settings(
            s.seed,
            s.maxIterations,
            s.tolerance,
            s.initSampleSize,
            s.centroidUpdate,
            maxFitFrames));
  }

  /** The values of k, in increasing order. */
  public ImmutableList<Integer> ks() {
    return ks;
  }

  @Override
  public PCollection<Fit> expand(PCollection<Track> sequences) {
    PCollection<Block> frames =
        sequences
            .apply(
                "IntensityBlocks",
                MapElements.into(TypeDescriptor.of(Block.class))
                    .via((Track track) -> new Block(track.id(), track.intensityMatrix())))
            .setCoder(new BlockCoder());
    PCollectionView<Iterable<Block>> blocks = frames.apply("AllFrames", View.asIterable());
    // Released once the frames, and the signal if any, are complete: their view is then ready.
    return Completion.integersAfter("Ks", ks, frames, signal)
        .apply("FitEachK", ParDo.of(new FitFn(blocks, settings)).withSideInputs(blocks))
        .setCoder(Fit.Coder.of());
  }

  /** Gathers the frames in a fixed order (with an optional seeded subsample), then fits one k. */
  static final class FitFn extends DoFn<Integer, Fit> {
    private final PCollectionView<Iterable<Block>> blocks;
    private final Settings settings;

    FitFn(PCollectionView<Iterable<Block>> blocks, Settings settings) {
      this.blocks = blocks;
      this.settings = settings;
    }

    @ProcessElement
    public void process(@Element Integer k, ProcessContext context) {
      float[] frames = gather(context.sideInput(blocks), settings.maxFrames(), settings.seed());
      int rows = frames.length / ActionUnits.COUNT;
      if (rows < k) {
        throw new UnusableInputException(
            String.format(
                "k = %d needs at least %d frames, but only %d frames are left after filtering and"
                    + " downsampling; use a smaller k or more recordings",
                k, k, rows));
      }
      long start = System.nanoTime();
      KMeans kmeans =
          KMeans.builder()
              .setK(k)
              .optSeed(settings.seed())
              .optMaxIterations(settings.maxIterations())
              .optTolerance(settings.tolerance())
              .optInitSampleSize(settings.initSampleSize())
              .optCentroidUpdate(settings.centroidUpdate())
              .build();
      KMeansResult result = kmeans.fit(frames, rows, ActionUnits.COUNT);
      context.output(
          new Fit(
              k,
              result.centroids(),
              rows,
              result.iterations(),
              result.converged(),
              result.inertia(),
              result.meanDistance(),
              result.inertiaHistory(),
              result.clusterSizes(),
              kmeans.device().toString(),
              (System.nanoTime() - start) / 1e9));
    }

    /**
     * Every block's rows in order of track id; a seeded uniform subsample when maxFrames is set.
     */
    static float[] gather(Iterable<Block> blocks, int maxFrames, long seed) {
      List<Block> sorted = new ArrayList<>();
      blocks.forEach(sorted::add);
      sorted.sort(Comparator.comparing(Block::id));
      int total = 0;
      for (Block block : sorted) {
        total += block.values.length;
      }
      float[] frames = new float[total];
      int offset = 0;
      for (Block block : sorted) {
        System.arraycopy(block.values, 0, frames, offset, block.values.length);
        offset += block.values.length;
      }
      int rows = total / ActionUnits.COUNT;
      if (maxFrames == 0 || rows <= maxFrames) {
        return frames;
      }
      int[] chosen = sampleRows(rows, maxFrames, new Random(seed));
      float[] sample = new float[maxFrames * ActionUnits.COUNT];
      for (int i = 0; i < chosen.length; i++) {
        System.arraycopy(
            frames,
            chosen[i] * ActionUnits.COUNT,
            sample,
            i * ActionUnits.COUNT,
            ActionUnits.COUNT);
      }
      return sample;
    }

    /**
     * {@code wanted} distinct row indices of {@code rows}, uniformly at random, in increasing
     * order.
     */
    private static int[] sampleRows(int rows, int wanted, Random random) {
      int[] order = new int[rows];
      for (int i = 0; i < rows; i++) {
        order[i] = i;
      }
      for (int i = 0; i < wanted; i++) {
        int j = i + random.nextInt(rows - i);
        int swap = order[i];
        order[i] = order[j];
        order[j] = swap;
      }
      int[] chosen = Arrays.copyOf(order, wanted);
      Arrays.sort(chosen);
      return chosen;
    }
  }

  /** The AU rows of one sequence, row-major. */
  static final class Block {
    private final TrackId id;
    private final float[] values;

    Block(TrackId id, float[] values) {
      this.id = id;
      this.values = values;
    }

    TrackId id() {
      return id;
    }
  }

  /** Coder of {@link Block}: the id, then the floats in one byte block. */
  static final class BlockCoder extends AtomicCoder<Block> {
    @Override
    public void encode(Block block, OutputStream out) throws IOException {
      TrackIdCoder.of().encode(block.id, out);
      VarInt.encode(block.values.length, out);
      ByteBuffer bytes = ByteBuffer.allocate(4 * block.values.length);
      bytes.asFloatBuffer().put(block.values);
      out.write(bytes.array());
    }

    @Override
    public Block decode(InputStream in) throws IOException {
      TrackId id = TrackIdCoder.of().decode(in);
      float[] values = new float[VarInt.decodeInt(in)];
      byte[] bytes = in.readNBytes(4 * values.length);
      if (bytes.length != 4 * values.length) {
        throw new CoderException("block " + id + ": the stream ended early");
      }
      ByteBuffer.wrap(bytes).asFloatBuffer().get(values);
      return new Block(id, values);
    }

    @Override
    public void verifyDeterministic() {}
  }

  /** The k-means fit of one k. Immutable. */
  public static final class Fit {
    private final int k;
    private final Centroids centroids;
    private final long frames;
    private final int iterations;
    private final boolean converged;
    private final double inertia;
    private final double meanDistance;
    private final double[] inertiaHistory;
    private final long[] clusterSizes;
    private final String device;
    private final double seconds;

    /** A fit; the arrays are copied. */
    public Fit(
        int k,
        Centroids centroids,
        long frames,
        int iterations,
        boolean converged,
        double inertia,
        double meanDistance,
        double[] inertiaHistory,
        long[] clusterSizes,
        String device,
        double seconds) {
      this.k = k;
      this.centroids = checkNotNull(centroids, "centroids");
      this.frames = frames;
      this.iterations = iterations;
      this.converged = converged;
      this.inertia = inertia;
      this.meanDistance = meanDistance;
      this.inertiaHistory = inertiaHistory.clone();
      this.clusterSizes = clusterSizes.clone();
      this.device = checkNotNull(device, "device");
      this.seconds = seconds;
    }

    public int k() {
      return k;
    }

    public Centroids centroids() {
      return centroids;
    }

    /** Frames the centres were fitted on. */
    public long frames() {
      return frames;
    }

    public int iterations() {
      return iterations;
    }

    /** Whether the tolerance stopped the iterations (rather than their maximum). */
    public boolean converged() {
      return converged;
    }

    /** Sum of squared distances of the frames to their centres. */
    public double inertia() {
      return inertia;
    }

    /** Mean Euclidean distance of a frame to its centre: the elbow metric. */
    public double meanDistance() {
      return meanDistance;
    }

    /** Inertia after each iteration. */
    public List<Double> inertiaHistory() {
      return Doubles.asList(inertiaHistory.clone());
    }

    /** Frames of the fit in each cluster. */
    public List<Long> clusterSizes() {
      return Longs.asList(clusterSizes.clone());
    }

    /** The device its tensor work ran on, as DJL names it: {@code cpu()}, {@code gpu(0)}. */
    public String device() {
      return device;
    }

    /** Wall time of the fit, in seconds (varies from run to run). */
    public double seconds() {
      return seconds;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Fit that
          && k == that.k
          && frames == that.frames
          && iterations == that.iterations
          && converged == that.converged
          && Double.compare(inertia, that.inertia) == 0
          && Double.compare(meanDistance, that.meanDistance) == 0
          && device.equals(that.device)
          && Double.compare(seconds, that.seconds) == 0
          && centroids.equals(that.centroids)
          && Arrays.equals(inertiaHistory, that.inertiaHistory)
          && Arrays.equals(clusterSizes, that.clusterSizes);
    }

    @Override
    public int hashCode() {
      return Objects.hash(k, frames, iterations, inertia, centroids);
    }

    @Override
    public String toString() {
      return String.format(
          "Fit{k=%d, frames=%d, iterations=%d, converged=%s, inertia=%.6g, meanDistance=%.6g}",
          k, frames, iterations, converged, inertia, meanDistance);
    }

    /** Deterministic coder of {@link Fit}. */
    public static final class Coder extends AtomicCoder<Fit> {
      private static final Coder INSTANCE = new Coder();
      private static final DoubleCoder DOUBLE = DoubleCoder.of();

      /** The coder. */
      public static Coder of() {
        return INSTANCE;
      }

      @Override
      public void encode(Fit fit, OutputStream out) throws IOException {
        VarInt.encode(fit.k, out);
        CentroidsCoder.of().encode(fit.centroids, out);
        VarInt.encode(fit.frames, out);
        VarInt.encode(fit.iterations, out);
        out.write(fit.converged ? 1 : 0);
        DOUBLE.encode(fit.inertia, out);
        DOUBLE.encode(fit.meanDistance, out);
        VarInt.encode(fit.inertiaHistory.length, out);
        for (double value : fit.inertiaHistory) {
          DOUBLE.encode(value, out);
        }
        VarInt.encode(fit.clusterSizes.length, out);
        for (long size : fit.clusterSizes) {
          VarInt.encode(size, out);
        }
        StringUtf8Coder.of().encode(fit.device, out);
        DOUBLE.encode(fit.seconds, out);
      }

      @Override
      public Fit decode(InputStream in) throws IOException {
        int k = VarInt.decodeInt(in);
        Centroids centroids = CentroidsCoder.of().decode(in);
        long frames = VarInt.decodeLong(in);
        int iterations = VarInt.decodeInt(in);
        boolean converged = in.read() == 1;
        double inertia = DOUBLE.decode(in);
        double meanDistance = DOUBLE.decode(in);
        double[] history = new double[VarInt.decodeInt(in)];
        for (int i = 0; i < history.length; i++) {
          history[i] = DOUBLE.decode(in);
        }
        long[] sizes = new long[VarInt.decodeInt(in)];
        for (int i = 0; i < sizes.length; i++) {
          sizes[i] = VarInt.decodeLong(in);
        }
        String device = StringUtf8Coder.of().decode(in);
        double seconds = DOUBLE.decode(in);
        return new Fit(
            k,
            centroids,
            frames,
            iterations,
            converged,
            inertia,
            meanDistance,
            history,
            sizes,
            device,
            seconds);
      }

      @Override
      public void verifyDeterministic() {}
    }
  }
}
