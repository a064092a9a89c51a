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

  /**
   * Fills {@code out[0 .. to - from)} with a row's squared distances to the centres {@code from ..
   * to - 1} of {@code columns} (value d of centre i at {@code d * stride + i}), rounded as {@link
   * #floatSquared} rounds them: a loop over centres inside a loop over dimensions, which the JIT
   * compiles to vector instructions.
   */
  static void floatSquaredToColumns(
      float[] rows,
      int rowStart,
      float[] columns,
      int stride,
      int from,
      int to,
      int dimension,
      float[] out) {
    int length = to - from;
    float value = rows[rowStart];
    for (int i = 0; i < length; i++) {
      float difference = value - columns[from + i];
      out[i] = difference * difference;
    }
    for (int d = 1; d < dimension; d++) {
      value = rows[rowStart + d];
      int base = d * stride + from;
      for (int i = 0; i < length; i++) {
        float difference = value - columns[base + i];
        out[i] += difference * difference;
      }
    }
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
