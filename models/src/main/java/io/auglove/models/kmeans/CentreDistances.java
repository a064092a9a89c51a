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
   * Fills {@code out[from .. to)} with a row's squared distances to the centres {@code from .. to -
   * 1} of {@code byDimension} (value d of centre i at {@code byDimension[d][i]}), rounded as {@link
   * #floatSquared} rounds them. Both arrays are indexed alike on purpose: the JIT compiles the loop
   * over centres to vector instructions only when it can see that a store into {@code out} cannot
   * change a value still to be loaded, which it cannot see for two arrays indexed differently.
   */
  static void floatSquaredByDimension(
      float[] rows, int rowStart, float[][] byDimension, int from, int to, float[] out) {
    float[] column = byDimension[0];
    float value = rows[rowStart];
    for (int i = from; i < to; i++) {
      float difference = value - column[i];
      out[i] = difference * difference;
    }
    for (int d = 1; d < byDimension.length; d++) {
      column = byDimension[d];
      value = rows[rowStart + d];
      for (int i = from; i < to; i++) {
        float difference = value - column[i];
        out[i] += difference * difference;
      }
    }
  }

  /** The index of the least of {@code values[from .. to)}, the first of equal ones. */
  static int argMin(float[] values, int from, int to) {
    int best = from;
    for (int i = from + 1; i < to; i++) {
      if (values[i] < values[best]) {
        best = i;
      }
    }
    return best;
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
