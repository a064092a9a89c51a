package io.auglove.models.kmeans;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import ai.djl.Device;
import io.auglove.models.Centroids;
import io.auglove.models.Devices;
import java.util.Arrays;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Euclidean k-means: k-means++ initialisation, then Lloyd iterations whose assignment (and, with
 * {@link CentroidUpdate#DEVICE}, centroid update) run as DJL NDArray operations on a device.
 *
 * <p>The fit, in order:
 *
 * <ol>
 *   <li>k-means++ (one D²-weighted candidate per step) over a uniform sample of {@code min(rows,
 *       max(k, initSampleSize))} rows;
 *   <li>each row assigned to its nearest centre ({@link NearestCentroid});
 *   <li>each iteration: every centre moves to the mean of its rows; each cluster left without rows
 *       takes as its centre the row currently farthest from its own centre (distinct points for
 *       distinct clusters, lowest cluster id first); every row is assigned again;
 *   <li>stop when no cluster was re-seeded and inertia fell by less than {@code tolerance} times
 *       its previous value, or after {@code maxIterations} iterations.
 * </ol>
 *
 * <p>Deterministic: the same rows, parameters and seed give bit-identical centres on the same
 * device and engine build. Each iteration is logged at INFO and reported to the listener.
 *
 * <pre>{@code
 * KMeansResult result =
 *     KMeans.builder().setK(1000).optSeed(7).build().fit(frames, rows, ActionUnits.COUNT);
 * }</pre>
 */
public final class KMeans {

  private static final Logger LOG = LoggerFactory.getLogger(KMeans.class);

  private final int k;
  private final long seed;
  private final int maxIterations;
  private final double tolerance;
  private final int initSampleSize;
  private final int chunkRows;
  private final Device device;
  private final CentroidUpdate centroidUpdate;
  private final KMeansListener listener;

  private KMeans(Builder builder) {
    this.k = builder.k;
    this.seed = builder.seed;
    this.maxIterations = builder.maxIterations;
    this.tolerance = builder.tolerance;
    this.initSampleSize = builder.initSampleSize;
    this.chunkRows = builder.chunkRows;
    this.device = builder.device != null ? builder.device : Devices.preferred();
    this.centroidUpdate = builder.centroidUpdate;
    this.listener = builder.listener;
  }

  /** A builder; {@link Builder#setK} is required, everything else has a default. */
  public static Builder builder() {
    return new Builder();
  }

  /** Number of clusters. */
  public int k() {
    return k;
  }

  /** Seed of the sampling and the k-means++ draws. */
  public long seed() {
    return seed;
  }

  /** Most Lloyd iterations run. */
  public int maxIterations() {
    return maxIterations;
  }

  /** Relative decrease of inertia under which the fit has converged. */
  public double tolerance() {
    return tolerance;
  }

  /** Rows sampled for the k-means++ initialisation (at least k are used). */
  public int initSampleSize() {
    return initSampleSize;
  }

  /** Rows per device chunk. */
  public int chunkRows() {
    return chunkRows;
  }

  /** The device the NDArray work runs on. */
  public Device device() {
    return device;
  }

  /** Where the centroid update sums the clusters. */
  public CentroidUpdate centroidUpdate() {
    return centroidUpdate;
  }

  /**
   * Fits k centres to the rows.
   *
   * @param rowMajor rows x dimension values, row after row; not modified
   * @throws IllegalArgumentException if there are fewer rows than k, the array length is not rows x
   *     dimension, or a value is not finite
   */
  public KMeansResult fit(float[] rowMajor, int rows, int dimension) {
    checkNotNull(rowMajor, "rowMajor");
    checkArgument(dimension >= 1, "dimension must be at least 1, got %s", dimension);
    checkArgument(rows >= k, "rows must be at least k = %s, got %s", k, rows);
    RowMatrix.check(rowMajor, rows, dimension);

    long start = System.nanoTime();
    int sampleSize = Math.min(rows, Math.max(k, initSampleSize));
    float[][] initial =
        KMeansPlusPlus.centres(rowMajor, rows, dimension, k, sampleSize, new Random(seed));
    Pass pass = pass(initial, rowMajor, rows, dimension);
    LOG.info(
        "k-means k={} initialised from {} sampled rows: inertia {}, mean distance {}, {} s",
        k,
        sampleSize,
        String.format("%.6g", pass.assignment.inertia()),
        String.format("%.6g", pass.assignment.meanDistance()),
        String.format("%.3f", seconds(start)));

    double[] history = new double[maxIterations];
    int iteration = 0;
    boolean converged = false;
    while (iteration < maxIterations && !converged) {
      long iterationStart = System.nanoTime();
      double previous = pass.assignment.inertia();
      float[][] centres = pass.sums.means();
      int reseeded = reseed(centres, pass.assignment, rowMajor, dimension);
      pass = pass(centres, rowMajor, rows, dimension);
      double inertia = pass.assignment.inertia();
      history[iteration++] = inertia;
      converged = reseeded == 0 && previous - inertia <= tolerance * previous;
      report(
          new KMeansIteration(
              k,
              iteration,
              inertia,
              pass.assignment.meanDistance(),
              reseeded,
              seconds(iterationStart)));
    }
    LOG.info(
        "k-means k={} {} after {} iterations, {} s",
        k,
        converged ? "converged" : "stopped unconverged",
        iteration,
        String.format("%.3f", seconds(start)));
    return result(pass, iteration, converged, Arrays.copyOf(history, iteration));
  }

  /** One assignment of every row to {@code centres} (null: empty), with the clusters' sums. */
  private Pass pass(float[][] centres, float[] rowMajor, int rows, int dimension) {
    Centroids centroids = Centroids.of(centres);
    try (NearestCentroid nearest = NearestCentroid.create(centroids, device, chunkRows)) {
      if (centroidUpdate == CentroidUpdate.DEVICE) {
        try (DeviceClusterSums sums = new DeviceClusterSums(device, k, dimension)) {
          Assignment assignment = nearest.assign(rowMajor, rows, sums);
          return new Pass(centres, assignment, sums.toClusterSums(assignment.clusterSizes(k)));
        }
      }
      Assignment assignment = nearest.assign(rowMajor, rows, null);
      return new Pass(centres, assignment, ClusterSums.onHost(rowMajor, dimension, assignment, k));
    }
  }

  /** Gives each empty centre the farthest row not yet taken; the number re-seeded. */
  private static int reseed(
      float[][] centres, Assignment assignment, float[] rowMajor, int dimension) {
    int[] empty = new int[centres.length];
    int emptyCount = 0;
    for (int c = 0; c < centres.length; c++) {
      if (centres[c] == null) {
        empty[emptyCount++] = c;
      }
    }
    if (emptyCount == 0) {
      return 0;
    }
    int[] rows = FarthestRows.pick(rowMajor, dimension, assignment.distancesView(), emptyCount);
    for (int i = 0; i < rows.length; i++) {
      centres[empty[i]] =
          Arrays.copyOfRange(rowMajor, rows[i] * dimension, (rows[i] + 1) * dimension);
    }
    return rows.length;
  }

  private KMeansResult result(Pass last, int iterations, boolean converged, double[] history) {
    long[] sizes = last.sums.counts();
    float[][] centres = last.centres.clone();
    for (int c = 0; c < k; c++) {
      if (sizes[c] == 0) {
        centres[c] = null;
      }
    }
    return new KMeansResult(
        Centroids.of(centres), last.assignment, sizes, iterations, converged, history);
  }

  private void report(KMeansIteration iteration) {
    LOG.info(
        "k-means k={} iteration {}: inertia {}, mean distance {}, {} reseeded, {} s",
        iteration.k(),
        iteration.iteration(),
        String.format("%.6g", iteration.inertia()),
        String.format("%.6g", iteration.meanDistance()),
        iteration.reseededClusters(),
        String.format("%.3f", iteration.seconds()));
    listener.onIteration(iteration);
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  /** The centres of one pass, every row's assignment to them, and the sums of their clusters. */
  private record Pass(float[][] centres, Assignment assignment, ClusterSums sums) {}

  /**
   * Configures a {@link KMeans}. Setters check their value and throw {@link
   * IllegalArgumentException} naming the parameter, the value and the valid range.
   */
  public static final class Builder {

    private int k;
    private long seed;
    private int maxIterations = 100;
    private double tolerance = 1e-4;
    private int initSampleSize = 100_000;
    private int chunkRows = NearestCentroid.DEFAULT_CHUNK_ROWS;
    private Device device;
    private CentroidUpdate centroidUpdate = CentroidUpdate.DEVICE;
    private KMeansListener listener = KMeansListener.NONE;

    private Builder() {}

    /** Number of clusters, at least 1. Required. */
    public Builder setK(int k) {
      checkArgument(k >= 1, "k must be at least 1, got %s", k);
      this.k = k;
      return this;
    }

    /** Seed of the sampling and the k-means++ draws; default 0. */
    public Builder optSeed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Most Lloyd iterations, at least 1; default 100. */
    public Builder optMaxIterations(int maxIterations) {
      checkArgument(maxIterations >= 1, "maxIterations must be at least 1, got %s", maxIterations);
      this.maxIterations = maxIterations;
      return this;
    }

    /**
     * Convergence threshold on the relative decrease of inertia, finite and at least 0 (0: run
     * until inertia stops falling); default 1e-4.
     */
    public Builder optTolerance(double tolerance) {
      checkArgument(
          Double.isFinite(tolerance) && tolerance >= 0,
          "tolerance must be a finite number >= 0, got %s",
          tolerance);
      this.tolerance = tolerance;
      return this;
    }

    /** Rows sampled for the k-means++ initialisation, at least 1 (k are used if more); 100,000. */
    public Builder optInitSampleSize(int initSampleSize) {
      checkArgument(
          initSampleSize >= 1, "initSampleSize must be at least 1, got %s", initSampleSize);
      this.initSampleSize = initSampleSize;
      return this;
    }

    /** Rows per device chunk, at least 1; default 2048. */
    public Builder optChunkRows(int chunkRows) {
      NearestCentroid.checkChunkRows(chunkRows);
      this.chunkRows = chunkRows;
      return this;
    }

    /** Device of the NDArray work; default {@link Devices#preferred()} when built. */
    public Builder optDevice(Device device) {
      this.device = checkNotNull(device, "device must not be null");
      return this;
    }

    /** Where the centroid update runs; default {@link CentroidUpdate#DEVICE}. */
    public Builder optCentroidUpdate(CentroidUpdate centroidUpdate) {
      this.centroidUpdate = checkNotNull(centroidUpdate, "centroidUpdate must not be null");
      return this;
    }

    /** Told of every iteration; default none. */
    public Builder optListener(KMeansListener listener) {
      this.listener = checkNotNull(listener, "listener must not be null");
      return this;
    }

    /**
     * The configured k-means.
     *
     * @throws IllegalStateException if k was not set
     */
    public KMeans build() {
      checkState(k >= 1, "k is required: call setK(k) with k >= 1");
      return new KMeans(this);
    }
  }
}
