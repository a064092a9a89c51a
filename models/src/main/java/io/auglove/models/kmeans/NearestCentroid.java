package io.auglove.models.kmeans;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import com.google.common.annotations.VisibleForTesting;
import io.auglove.models.Centroids;
import io.auglove.models.TorchEngine;
import java.nio.FloatBuffer;

/**
 * Assigns rows to their nearest centre by Euclidean distance, on a DJL device.
 *
 * <p>The centres are put on the device once, as one (dimension + 1) x k matrix: -2C<sup>T</sup>
 * with the squared norms ||c||² as its last row. Each chunk of rows goes there with a column of
 * ones appended, in its own sub-manager, so that one {@code matMul} gives ||c||² - 2x·c (the
 * squared distance without ||x||², which does not change the argmin) and one {@code argMin} the
 * nearest centre. An empty centre gets an infinite norm, so no row is ever assigned to it. The
 * distance to the chosen centre is then computed exactly in Java (about dimension operations per
 * row, against dimension x k on the device), because the expanded form in float32 loses about 1e-4
 * of a squared distance to cancellation, which matters near a distance threshold. Chunks are spread
 * over the threads of a fit (PyTorch then best runs one intra-op thread per call: {@code
 * -Dai.djl.pytorch.num_threads=1}).
 *
 * <p>Ties: when two centres are equally near in float32, the row goes to whichever {@code argMin}
 * returns; PyTorch returns the lowest id, but this is not a documented guarantee.
 *
 * <p>Not thread-safe: one instance per thread. Holds native memory until {@link #close()}.
 *
 * <pre>{@code
 * try (NearestCentroid nearest = NearestCentroid.create(centroids, Devices.preferred())) {
 *   Assignment assignment = nearest.assign(frames, rows);
 * }
 * }</pre>
 */
public final class NearestCentroid implements AutoCloseable {

  /** Rows per chunk unless told otherwise: small enough for cache-friendly temporaries. */
  public static final int DEFAULT_CHUNK_ROWS = 2048;

  private final Centroids centroids;
  private final float[] centres;
  private final int chunkRows;
  private final NDManager manager;
  private final NDArray augmented;

  private NearestCentroid(Centroids centroids, Device device, int chunkRows) {
    this.centroids = centroids;
    this.centres = centroids.toRowMajor();
    this.chunkRows = chunkRows;
    int k = centroids.k();
    int dimension = centroids.dimension();
    float[] transposed = new float[(dimension + 1) * k];
    for (int c = 0; c < k; c++) {
      if (centroids.isEmpty(c)) {
        transposed[dimension * k + c] = Float.POSITIVE_INFINITY;
        continue;
      }
      double norm = 0;
      for (int d = 0; d < dimension; d++) {
        float value = centres[c * dimension + d];
        transposed[d * k + c] = -2 * value;
        norm += (double) value * value;
      }
      transposed[dimension * k + c] = (float) norm;
    }
    TorchEngine.prepareThread();
    this.manager = NDManager.newBaseManager(device);
    try {
      this.augmented = manager.create(transposed, new Shape(dimension + 1, k));
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  /** Nearest-centre assignment to {@code centroids} on {@code device}, 2048 rows per chunk. */
  public static NearestCentroid create(Centroids centroids, Device device) {
    return create(centroids, device, DEFAULT_CHUNK_ROWS);
  }

  /**
   * Nearest-centre assignment to {@code centroids} on {@code device}, {@code chunkRows} rows per
   * chunk (the device holds a chunkRows x k float32 matrix at a time).
   */
  public static NearestCentroid create(Centroids centroids, Device device, int chunkRows) {
    checkNotNull(centroids, "centroids");
    checkNotNull(device, "device");
    checkChunkRows(chunkRows);
    return new NearestCentroid(centroids, device, chunkRows);
  }

  static void checkChunkRows(int chunkRows) {
    checkArgument(chunkRows >= 1, "chunkRows must be at least 1, got %s", chunkRows);
  }

  /** The centres rows are assigned to. */
  public Centroids centroids() {
    return centroids;
  }

  /**
   * The nearest non-empty centre of each of the first {@code rows} rows and the distance to it.
   *
   * @param rowMajor rows x {@code centroids().dimension()} values, row after row
   * @throws IllegalArgumentException if {@code rowMajor} does not hold exactly that many values, or
   *     holds a value that is not finite
   */
  public Assignment assign(float[] rowMajor, int rows) {
    RowMatrix.check(rowMajor, rows, centroids.dimension());
    return assign(rowMajor, rows, null);
  }

  /**
   * As {@link #assign(float[], int)}, with the chunks spread over {@code threads} threads (at least
   * 1); the assignment does not depend on the number of threads.
   */
  public Assignment assign(float[] rowMajor, int rows, int threads) {
    checkArgument(threads >= 1, "threads must be at least 1, got %s", threads);
    RowMatrix.check(rowMajor, rows, centroids.dimension());
    try (Workers workers = Workers.of(threads)) {
      int[] labels = labels(rowMajor, rows, workers);
      return HostStatistics.assignment(rowMajor, centroids.dimension(), centres, labels, workers);
    }
  }

  /**
   * As {@link #assign(float[], int)}, without checking the values, calling {@code visitor} (or
   * nothing when it is null) on each chunk while it is on the device, one chunk at a time.
   */
  Assignment assign(float[] rowMajor, int rows, ChunkVisitor visitor) {
    int[] labels = new int[rows];
    label(rowMajor, rows, labels, 0, 1, visitor);
    return exactDistances(rowMajor, labels);
  }

  /**
   * The nearest non-empty centre of each row, the chunks spread over {@code workers}; the labels do
   * not depend on the number of workers.
   */
  int[] labels(float[] rowMajor, int rows, Workers workers) {
    int[] labels = new int[rows];
    int tasks = workers.threads();
    workers.run(tasks, task -> label(rowMajor, rows, labels, task, tasks, null));
    return labels;
  }

  /** Labels chunks {@code first}, {@code first + step}, ... of the rows. */
  private void label(
      float[] rowMajor, int rows, int[] labels, int first, int step, ChunkVisitor visitor) {
    int dimension = centroids.dimension();
    int width = dimension + 1;
    float[] buffer = new float[Math.min(chunkRows, Math.max(rows, 1)) * width];
    for (int chunkIndex = first; (long) chunkIndex * chunkRows < rows; chunkIndex += step) {
      int start = chunkIndex * chunkRows;
      int count = Math.min(chunkRows, rows - start);
      for (int i = 0; i < count; i++) {
        System.arraycopy(rowMajor, (start + i) * dimension, buffer, i * width, dimension);
        buffer[i * width + dimension] = 1;
      }
      long[] nearest;
      try (NDManager chunkManager = manager.newSubManager()) {
        NDArray chunk =
            chunkManager.create(
                FloatBuffer.wrap(buffer, 0, count * width), new Shape(count, width));
        NDArray chunkLabels = chunk.matMul(augmented).argMin(1);
        nearest = chunkLabels.toLongArray();
        if (visitor != null) {
          visitor.visit(chunk.get(new NDIndex(":, :" + dimension)), chunkLabels, start);
        }
      }
      for (int i = 0; i < count; i++) {
        labels[start + i] = (int) nearest[i];
      }
    }
  }

  /** The assignment to {@code labels}, with each row's distance computed exactly in Java. */
  private Assignment exactDistances(float[] rowMajor, int[] labels) {
    double sumOfSquares = 0;
    double sumOfDistances = 0;
    float[] distances = new float[labels.length];
    for (int row = 0; row < labels.length; row++) {
      double squared = squaredDistance(rowMajor, row, labels[row]);
      distances[row] = (float) Math.sqrt(squared);
      sumOfSquares += squared;
      sumOfDistances += Math.sqrt(squared);
    }
    return new Assignment(labels, distances, sumOfSquares, sumOfDistances);
  }

  private double squaredDistance(float[] rowMajor, int row, int centre) {
    int dimension = centroids.dimension();
    int rowStart = row * dimension;
    int centreStart = centre * dimension;
    double sum = 0;
    for (int d = 0; d < dimension; d++) {
      double difference = (double) rowMajor[rowStart + d] - centres[centreStart + d];
      sum += difference * difference;
    }
    return sum;
  }

  /** Arrays alive on this instance's manager and its sub-managers: 1 between calls. */
  @VisibleForTesting
  int managedArrayCount() {
    return manager.getManagedArrays().size();
  }

  /** Frees the device copies of the centres. */
  @Override
  public void close() {
    manager.close();
  }
}
