package io.auglove.models.kmeans;

/** The sum and the number of the rows of each cluster: what the Lloyd update divides. */
final class ClusterSums {

  private final int dimension;
  private final double[] sums;
  private final long[] counts;

  private ClusterSums(int dimension, double[] sums, long[] counts) {
    this.dimension = dimension;
    this.sums = sums;
    this.counts = counts;
  }

  /** Sums k x dimension, row-major, and the count of each cluster; takes ownership of both. */
  static ClusterSums of(int dimension, double[] sums, long[] counts) {
    return new ClusterSums(dimension, sums, counts);
  }

  /** A copy of the number of rows in each cluster. */
  long[] counts() {
    return counts.clone();
  }

  /** The mean of each cluster's rows, {@code null} for a cluster with no rows. */
  float[][] means() {
    float[][] means = new float[counts.length][];
    for (int c = 0; c < counts.length; c++) {
      if (counts[c] == 0) {
        continue;
      }
      means[c] = new float[dimension];
      for (int d = 0; d < dimension; d++) {
        means[c][d] = (float) (sums[c * dimension + d] / counts[c]);
      }
    }
    return means;
  }
}
