package io.auglove.models.kmeans;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.common.annotations.VisibleForTesting;
import io.auglove.models.Centroids;
import java.nio.FloatBuffer;

/**
 * Assigns rows to their nearest centre by Euclidean distance, on a DJL device.
 *
 * <p>The centres are put on the device once, as -2C<sup>T</sup> (dimension x k) and the squared
 * norms ||c||² (k); the rows then go through in chunks, each chunk in its own sub-manager, as one
 * {@code matMul}, one in-place {@code addi} and one {@code argMin}: ||x||² - 2x·c + ||c||² without
 * ||x||², which does not change the argmin. An empty centre gets an infinite norm, so no row is
 * ever assigned to it. The distance to the chosen centre is then computed exactly in Java (about
 * dimension operations per row, against dimension x k on the device), because the expanded form in
 * float32 loses about 1e-4 of a squared distance to cancellation, which matters near a distance
 * threshold.
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
  private final NDArray minusTwoTransposed;
  private final NDArray squaredNorms;

  private NearestCentroid(Centroids centroids, Device device, int chunkRows) {
    this.centroids = centroids;
    this.centres = centroids.toRowMajor();
    this.chunkRows = chunkRows;
    int k = centroids.k();
    int dimension = centroids.dimension();
    float[] transposed = new float[dimension * k];
    float[] norms = new float[k];
    for (int c = 0; c < k; c++) {
      if (centroids.isEmpty(c)) {
        norms[c] = Float.POSITIVE_INFINITY;
        continue;
      }
      double norm = 0;
      for (int d = 0; d < dimension; d++) {
        float value = centres[c * dimension + d];
        transposed[d * k + c] = -2 * value;
        norm += (double) value * value;
      }
      norms[c] = (float) norm;
    }
    this.manager = NDManager.newBaseManager(device);
    try {
      this.minusTwoTransposed = manager.create(transposed, new Shape(dimension, k));
      this.squaredNorms = manager.create(norms, new Shape(k));
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
   * As {@link #assign(float[], int)}, without checking the values, calling {@code visitor} (or
   * nothing when it is null) on each chunk while it is on the device.
   */
  Assignment assign(float[] rowMajor, int rows, ChunkVisitor visitor) {
    int dimension = centroids.dimension();
    int[] labels = new int[rows];
    float[] distances = new float[rows];
    double sumOfSquares = 0;
    double sumOfDistances = 0;
    for (int first = 0; first < rows; first += chunkRows) {
      int count = Math.min(chunkRows, rows - first);
      long[] nearest;
      try (NDManager chunkManager = manager.newSubManager()) {
        NDArray chunk =
            chunkManager.create(
                FloatBuffer.wrap(rowMajor, first * dimension, count * dimension),
                new Shape(count, dimension));
        NDArray chunkLabels = chunk.matMul(minusTwoTransposed).addi(squaredNorms).argMin(1);
        nearest = chunkLabels.toLongArray();
        if (visitor != null) {
          visitor.visit(chunk, chunkLabels, first);
        }
      }
      for (int i = 0; i < count; i++) {
        int row = first + i;
        int label = (int) nearest[i];
        double squared = squaredDistance(rowMajor, row, label);
        labels[row] = label;
        distances[row] = (float) Math.sqrt(squared);
        sumOfSquares += squared;
        sumOfDistances += Math.sqrt(squared);
      }
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

  /** Arrays alive on this instance's manager and its sub-managers: 2 between calls. */
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
