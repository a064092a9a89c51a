package io.auglove.models.kmeans;

/** The distances the exact searches share, each with its rounding stated. */
final class CentreDistances {

  private CentreDistances() {}

  /**
   * The squared distance of the brute force the exact searches reproduce: each term and the sum in
   * float, in dimension order.
   */
  static float floatSquared(
      float[] rows, int rowStart, float[] centres, int centreStart, int dimension) {
    float sum = 0;
    for (int d = 0; d < dimension; d++) {
      float difference = rows[rowStart + d] - centres[centreStart + d];
      sum += difference * difference;
    }
    return sum;
  }

  /** The squared distance between two float vectors, each difference and the sum in double. */
  static double squaredDifference(float[] a, int aStart, float[] b, int bStart, int dimension) {
    double sum = 0;
    for (int d = 0; d < dimension; d++) {
      double difference = (double) a[aStart + d] - b[bStart + d];
      sum += difference * difference;
    }
    return sum;
  }

  /** The Euclidean norm of {@code values[start .. start + dimension)}, in double. */
  static double norm(float[] values, int start, int dimension) {
    double sum = 0;
    for (int d = start; d < start + dimension; d++) {
      sum += (double) values[d] * values[d];
    }
    return Math.sqrt(sum);
  }
}
