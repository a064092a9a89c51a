package io.auglove.models.kmeans;

import java.util.Arrays;

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
   * change a value still to be loaded, which it cannot see for two arrays indexed differently. Four
   * dimensions are added per pass over {@code out}, in dimension order: a quarter of the loads and
   * stores of {@code out}, the same sums bit for bit (an exact pass at k = 1000 took a fifth less
   * time than with one dimension per pass; eight per pass took twice as long).
   */
  static void floatSquaredByDimension(
      float[] rows, int rowStart, float[][] byDimension, int from, int to, float[] out) {
    int dimension = byDimension.length;
    int d = 0;
    if (dimension < 4) {
      Arrays.fill(out, from, to, 0f);
    } else {
      // The first four start from nothing: 0 + t0² is t0² exactly.
      float[] c0 = byDimension[0];
      float[] c1 = byDimension[1];
      float[] c2 = byDimension[2];
      float[] c3 = byDimension[3];
      float x0 = rows[rowStart];
      float x1 = rows[rowStart + 1];
      float x2 = rows[rowStart + 2];
      float x3 = rows[rowStart + 3];
      for (int i = from; i < to; i++) {
        float t0 = x0 - c0[i];
        float t1 = x1 - c1[i];
        float t2 = x2 - c2[i];
        float t3 = x3 - c3[i];
        out[i] = ((t0 * t0 + t1 * t1) + t2 * t2) + t3 * t3;
      }
      d = 4;
    }
    for (; d + 4 <= dimension; d += 4) {
      float[] c0 = byDimension[d];
      float[] c1 = byDimension[d + 1];
      float[] c2 = byDimension[d + 2];
      float[] c3 = byDimension[d + 3];
      float x0 = rows[rowStart + d];
      float x1 = rows[rowStart + d + 1];
      float x2 = rows[rowStart + d + 2];
      float x3 = rows[rowStart + d + 3];
      for (int i = from; i < to; i++) {
        float t0 = x0 - c0[i];
        float t1 = x1 - c1[i];
        float t2 = x2 - c2[i];
        float t3 = x3 - c3[i];
        out[i] = (((out[i] + t0 * t0) + t1 * t1) + t2 * t2) + t3 * t3;
      }
    }
    for (; d < dimension; d++) {
      float[] column = byDimension[d];
      float value = rows[rowStart + d];
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
