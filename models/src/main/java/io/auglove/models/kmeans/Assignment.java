package io.auglove.models.kmeans;

import java.util.Arrays;

/**
 * The nearest centre of each row and the Euclidean distance to it, with the totals k-means needs.
 *
 * <p>Immutable: the accessors that return arrays return copies; {@link #label(int)} and {@link
 * #distance(int)} read one row without copying.
 */
public final class Assignment {

  private final int[] labels;
  private final float[] distances;
  private final double sumOfSquares;
  private final double sumOfDistances;

  /** Takes ownership of the arrays, which the caller must not change afterwards. */
  Assignment(int[] labels, float[] distances, double sumOfSquares, double sumOfDistances) {
    this.labels = labels;
    this.distances = distances;
    this.sumOfSquares = sumOfSquares;
    this.sumOfDistances = sumOfDistances;
  }

  /** Number of rows assigned. */
  public int size() {
    return labels.length;
  }

  /** Id of the centre nearest to row {@code row}. */
  public int label(int row) {
    return labels[row];
  }

  /** Euclidean distance from row {@code row} to its nearest centre. */
  public float distance(int row) {
    return distances[row];
  }

  /** A copy of the nearest-centre id of every row. */
  public int[] labels() {
    return labels.clone();
  }

  /** A copy of the distance from every row to its nearest centre. */
  public float[] distances() {
    return distances.clone();
  }

  /** Sum of squared distances to the nearest centres (k-means inertia), summed in double. */
  public double inertia() {
    return sumOfSquares;
  }

  /** Mean Euclidean distance to the nearest centre: the elbow metric; 0 when there are no rows. */
  public double meanDistance() {
    return labels.length == 0 ? 0 : sumOfDistances / labels.length;
  }

  /** Number of rows assigned to each of the {@code k} centres. */
  public long[] clusterSizes(int k) {
    long[] sizes = new long[k];
    for (int label : labels) {
      sizes[label]++;
    }
    return sizes;
  }

  /** The labels themselves, not a copy, for this package's loops; never to be changed. */
  int[] labelsView() {
    return labels;
  }

  /** The distances themselves, not a copy, for this package's loops; never to be changed. */
  float[] distancesView() {
    return distances;
  }

  @Override
  public String toString() {
    return "Assignment{rows=" + labels.length + ", inertia=" + sumOfSquares + "}";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Assignment that
        && Arrays.equals(labels, that.labels)
        && Arrays.equals(distances, that.distances);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(labels) + Arrays.hashCode(distances);
  }
}
