package io.auglove.models.kmeans;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import ai.djl.Device;
import io.auglove.models.Centroids;
import io.auglove.models.Devices;
import io.auglove.models.Seeds;
import java.util.Arrays;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Euclidean k-means: greedy k-means++ initialisation, then Lloyd iterations, several times from
 * different initialisations when that is cheap, the lowest inertia winning.
 *
 * <p>One fit, in order:
 *
 * <ol>
 *   <li>greedy k-means++ ({@code candidates} D²-weighted candidates per step, the one that lowers
 *       the total most kept; default 2 + ⌊ln k⌋ as in scikit-learn) over a uniform sample of {@code
 *       min(rows, max(k, initSampleSize))} rows;
 *   <li>each row assigned to its nearest centre: with {@link Bounds#HAMERLY} by the exact
 *       accelerated search of {@link BoundedNearest} in Java, with {@link Bounds#NONE} as matrix
 *       products on the DJL device ({@link NearestCentroid});
 *   <li>each iteration: every centre moves to the mean of its rows; each cluster left without rows
 *       takes as its centre the row currently farthest from its own centre (distinct points for
 *       distinct clusters, lowest cluster id first); every row is assigned again;
 *   <li>stop when no cluster was re-seeded and inertia fell by less than {@code tolerance} times
 *       its previous value, or after {@code maxIterations} iterations.
 * </ol>
 *
 * <p>{@code initialisations} fits run one after the other from independent k-means++ draws; the one
 * with the lowest final inertia is returned (ties: the earliest). The default ({@link
 * #AUTO_INITIALISATIONS}) runs as many as fit in {@link #INITIALISATION_BUDGET} row-centre pairs,
 * between 1 and 10: ten for small data, as scikit-learn's {@code n_init}, one at the paper's scale.
 *
 * <p>Host work (the bounded search, distances, centroid sums, k-means++) runs on {@code threads}
 * threads, all processors by default; the device passes of {@link Bounds#NONE} spread their chunks
 * over the same threads. Deterministic: the same rows, parameters and seed give bit-identical
 * centres for any number of threads, on the same device and engine build. Each iteration is logged
 * at INFO and reported to the listener.
 *
 * <pre>{@code
 * KMeansResult result =
 *     KMeans.builder().setK(1000).optSeed(7).build().fit(frames, rows, ActionUnits.COUNT);
 * }</pre>
 */
public final class KMeans {

  private static final Logger LOG = LoggerFactory.getLogger(KMeans.class);

  /** Default most Lloyd iterations of one fit. */
  public static final int DEFAULT_MAX_ITERATIONS = 100;

  /** Default relative decrease of inertia under which a fit has converged. */
  public static final double DEFAULT_TOLERANCE = 1e-4;

  /** Default number of rows k-means++ draws from. */
  public static final int DEFAULT_INIT_SAMPLE_SIZE = 100_000;

  /** Initialisations: as many as {@link #INITIALISATION_BUDGET} allows, 1 to 10. */
  public static final int AUTO_INITIALISATIONS = 0;

  /** Row-centre pairs (rows x k) the automatic number of initialisations may spend, in total. */
  public static final long INITIALISATION_BUDGET = 1_000_000_000L;

  /** Most initialisations the automatic choice runs: scikit-learn's {@code n_init}. */
  public static final int MAX_AUTO_INITIALISATIONS = 10;

  /** k-means++ candidates per step: 2 + ⌊ln k⌋, as scikit-learn. */
  public static final int AUTO_CANDIDATES = 0;

  /** Threads: one per available processor. */
  public static final int ALL_PROCESSORS = 0;

  /** Default place of the centroid update: the host on a CPU, the device on a GPU. */
  public static final CentroidUpdate DEFAULT_CENTROID_UPDATE = CentroidUpdate.AUTO;

  /** Default bounds: Hamerly's on a CPU, none on a GPU. */
  public static final Bounds DEFAULT_BOUNDS = Bounds.AUTO;

  private final int k;
  private final long seed;
  private final int maxIterations;
  private final double tolerance;
  private final int initSampleSize;
  private final int initialisations;
  private final int candidates;
  private final int chunkRows;
  private final int threads;
  private final Device device;
  private final CentroidUpdate centroidUpdate;
  private final Bounds bounds;
  private final KMeansListener listener;

  private KMeans(Builder builder) {
    this.k = builder.k;
    this.seed = builder.seed;
    this.maxIterations = builder.maxIterations;
    this.tolerance = builder.tolerance;
    this.initSampleSize = builder.initSampleSize;
    this.initialisations = builder.initialisations;
    this.candidates =
        builder.candidates == AUTO_CANDIDATES
            ? KMeansPlusPlus.defaultCandidates(builder.k)
            : builder.candidates;
    this.chunkRows = builder.chunkRows;
    this.threads =
        builder.threads == ALL_PROCESSORS
            ? Runtime.getRuntime().availableProcessors()
            : builder.threads;
    this.device = builder.device != null ? builder.device : Devices.preferred();
    boolean gpu = device.isGpu();
    this.bounds =
        builder.bounds == Bounds.AUTO ? (gpu ? Bounds.NONE : Bounds.HAMERLY) : builder.bounds;
    this.centroidUpdate =
        bounds == Bounds.HAMERLY
            ? CentroidUpdate.HOST
            : builder.centroidUpdate == CentroidUpdate.AUTO
                ? (gpu ? CentroidUpdate.DEVICE : CentroidUpdate.HOST)
                : builder.centroidUpdate;
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

  /** k-means++ candidates per step. */
  public int candidates() {
    return candidates;
  }

  /** Rows per device chunk. */
  public int chunkRows() {
    return chunkRows;
  }

  /** Threads of the host work. */
  public int threads() {
    return threads;
  }

  /** The device the NDArray work runs on. */
  public Device device() {
    return device;
  }

  /** Where the centroid update sums the clusters: {@link CentroidUpdate#AUTO} resolved. */
  public CentroidUpdate centroidUpdate() {
    return centroidUpdate;
  }

  /** Whether the assignment uses bounds: {@link Bounds#AUTO} resolved. */
  public Bounds bounds() {
    return bounds;
  }

  /** The number of initialisations a fit of {@code rows} rows runs. */
  public int initialisations(int rows) {
    if (initialisations != AUTO_INITIALISATIONS) {
      return initialisations;
    }
    long pairs = Math.max(1, (long) rows * k);
    return (int) Math.max(1, Math.min(MAX_AUTO_INITIALISATIONS, INITIALISATION_BUDGET / pairs));
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
    int runs = initialisations(rows);
    KMeansResult best = null;
    try (Workers workers = Workers.of(threads)) {
      for (int run = 1; run <= runs; run++) {
        KMeansResult result = fitOnce(rowMajor, rows, dimension, run, workers);
        if (best == null || result.inertia() < best.inertia()) {
          best = result;
        }
      }
    }
    LOG.info(
        "k-means k={} best of {} initialisations: inertia {}, {} threads, bounds {}, {} s",
        k,
        runs,
        String.format("%.6g", best.inertia()),
        threads,
        bounds,
        String.format("%.3f", seconds(start)));
    return best;
  }

  /** One initialisation and its Lloyd iterations. */
  private KMeansResult fitOnce(
      float[] rowMajor, int rows, int dimension, int run, Workers workers) {
    long start = System.nanoTime();
    int sampleSize = Math.min(rows, Math.max(k, initSampleSize));
    float[][] initial =
        KMeansPlusPlus.centres(
            rowMajor,
            rows,
            dimension,
            k,
            sampleSize,
            candidates,
            new Random(Seeds.stream(seed, run)),
            workers);
    Stepper stepper =
        bounds == Bounds.HAMERLY
            ? new BoundedStepper(rowMajor, rows, dimension, workers)
            : new PlainStepper(rowMajor, rows, dimension, workers);
    Pass pass = stepper.pass(initial);
    LOG.info(
        "k-means k={} initialisation {} from {} sampled rows: inertia {}, mean distance {}, {} s",
        k,
        run,
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
      pass = stepper.pass(centres);
      double inertia = pass.assignment.inertia();
      history[iteration++] = inertia;
      converged = reseeded == 0 && previous - inertia <= tolerance * previous;
      report(
          new KMeansIteration(
              k,
              run,
              iteration,
              inertia,
              pass.assignment.meanDistance(),
              reseeded,
              pass.searchedRows,
              seconds(iterationStart)));
    }
    LOG.info(
        "k-means k={} initialisation {} {} after {} iterations: inertia {}, {} s",
        k,
        run,
        converged ? "converged" : "stopped unconverged",
        iteration,
        String.format("%.6g", pass.assignment.inertia()),
        String.format("%.3f", seconds(start)));
    return result(pass, iteration, converged, Arrays.copyOf(history, iteration));
  }

  /** Assigns every row to a set of centres and sums the clusters. */
  private interface Stepper {
    /** The assignment to {@code centres} (null: empty) with the sums of the clusters. */
    Pass pass(float[][] centres);
  }

  /** Every row against every centre on the device. */
  private final class PlainStepper implements Stepper {
    private final float[] rowMajor;
    private final int rows;
    private final int dimension;
    private final Workers workers;

    PlainStepper(float[] rowMajor, int rows, int dimension, Workers workers) {
      this.rowMajor = rowMajor;
      this.rows = rows;
      this.dimension = dimension;
      this.workers = workers;
    }

    @Override
    public Pass pass(float[][] centres) {
      Centroids centroids = Centroids.of(centres);
      try (NearestCentroid nearest = NearestCentroid.create(centroids, device, chunkRows)) {
        if (centroidUpdate == CentroidUpdate.DEVICE) {
          try (DeviceClusterSums sums = new DeviceClusterSums(device, k, dimension)) {
            Assignment assignment = nearest.assign(rowMajor, rows, sums);
            return new Pass(
                centres, assignment, sums.toClusterSums(assignment.clusterSizes(k)), rows);
          }
        }
        int[] labels = nearest.labels(rowMajor, rows, workers);
        Assignment assignment =
            HostStatistics.assignment(rowMajor, dimension, centroids.toRowMajor(), labels, workers);
        return new Pass(
            centres,
            assignment,
            HostStatistics.sums(rowMajor, dimension, assignment, k, workers),
            rows);
      }
    }
  }

  /** Hamerly's bounds: most rows keep their centre without a distance computed. */
  private final class BoundedStepper implements Stepper {
    private final float[] rowMajor;
    private final int dimension;
    private final Workers workers;
    private final BoundedNearest nearest;
    private final int rows;
    private boolean first = true;

    BoundedStepper(float[] rowMajor, int rows, int dimension, Workers workers) {
      this.rowMajor = rowMajor;
      this.rows = rows;
      this.dimension = dimension;
      this.workers = workers;
      this.nearest = new BoundedNearest(rowMajor, rows, dimension, workers);
    }

    @Override
    public Pass pass(float[][] centres) {
      float[] flat = new float[k * dimension];
      boolean[] present = new boolean[k];
      for (int c = 0; c < k; c++) {
        if (centres[c] != null) {
          present[c] = true;
          System.arraycopy(centres[c], 0, flat, c * dimension, dimension);
        }
      }
      int[] guess = null;
      if (first) {
        // The first assignment has no bounds yet: the coarse cells guess, the bounds check it.
        guess = coarseGuess(flat, present);
        first = false;
      }
      int[] labels = nearest.labels(flat, present, guess, workers);
      Assignment assignment = HostStatistics.assignment(rowMajor, dimension, flat, labels, workers);
      return new Pass(
          centres,
          assignment,
          HostStatistics.sums(rowMajor, dimension, assignment, k, workers),
          nearest.searches());
    }

    /** Each row's coarse guess at its nearest centre ({@link CoarseCells}), on every worker. */
    private int[] coarseGuess(float[] flat, boolean[] present) {
      CoarseCells cells = new CoarseCells(flat, present, dimension);
      int[] guess = new int[rows];
      workers.runParts(
          Workers.PARTS,
          part -> {
            float[] scratch = new float[cells.scratchLength()];
            int to = Workers.partStart(rows, Workers.PARTS, part + 1);
            for (int row = Workers.partStart(rows, Workers.PARTS, part); row < to; row++) {
              guess[row] = cells.guess(rowMajor, row * dimension, scratch);
            }
          });
      return guess;
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
        "k-means k={} initialisation {} iteration {}: inertia {}, mean distance {}, {} reseeded,"
            + " {} rows searched, {} s",
        iteration.k(),
        iteration.initialisation(),
        iteration.iteration(),
        String.format("%.6g", iteration.inertia()),
        String.format("%.6g", iteration.meanDistance()),
        iteration.reseededClusters(),
        iteration.searchedRows(),
        String.format("%.3f", iteration.seconds()));
    listener.onIteration(iteration);
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  /**
   * The centres of one pass, every row's assignment to them, the sums of their clusters, and how
   * many rows were searched.
   */
  private record Pass(
      float[][] centres, Assignment assignment, ClusterSums sums, long searchedRows) {}

  /**
   * Configures a {@link KMeans}. Setters check their value and throw {@link
   * IllegalArgumentException} naming the parameter, the value and the valid range.
   */
  public static final class Builder {

    private int k;
    private long seed;
    private int maxIterations = DEFAULT_MAX_ITERATIONS;
    private double tolerance = DEFAULT_TOLERANCE;
    private int initSampleSize = DEFAULT_INIT_SAMPLE_SIZE;
    private int initialisations = AUTO_INITIALISATIONS;
    private int candidates = AUTO_CANDIDATES;
    private int chunkRows = NearestCentroid.DEFAULT_CHUNK_ROWS;
    private int threads = ALL_PROCESSORS;
    private Device device;
    private CentroidUpdate centroidUpdate = DEFAULT_CENTROID_UPDATE;
    private Bounds bounds = DEFAULT_BOUNDS;
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

    /**
     * Fits from independent k-means++ draws, the lowest inertia kept; at least 1, or {@link
     * #AUTO_INITIALISATIONS} (the default) for as many as {@link #INITIALISATION_BUDGET} allows.
     */
    public Builder optInitialisations(int initialisations) {
      checkArgument(
          initialisations >= 0,
          "initialisations must be at least 1, or 0 for automatic, got %s",
          initialisations);
      this.initialisations = initialisations;
      return this;
    }

    /**
     * k-means++ candidates per step, at least 1 (1: plain k-means++), or {@link #AUTO_CANDIDATES}
     * (the default) for 2 + ⌊ln k⌋.
     */
    public Builder optCandidates(int candidates) {
      checkArgument(
          candidates >= 0, "candidates must be at least 1, or 0 for 2 + ln k, got %s", candidates);
      this.candidates = candidates;
      return this;
    }

    /**
     * Threads of the host work, at least 1, or {@link #ALL_PROCESSORS} (the default): a fit that
     * runs alone uses every core; give fewer when several fits or workers share the machine.
     */
    public Builder optThreads(int threads) {
      checkArgument(
          threads >= 0, "threads must be at least 1, or 0 for all processors, got %s", threads);
      this.threads = threads;
      return this;
    }

    /** Whether the assignment uses bounds; default {@link Bounds#AUTO}. */
    public Builder optBounds(Bounds bounds) {
      this.bounds = checkNotNull(bounds, "bounds must not be null");
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

    /**
     * Where the centroid update of {@link Bounds#NONE} runs; default {@link CentroidUpdate#AUTO}.
     */
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
