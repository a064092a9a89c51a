package io.auglove.models.kmeans;

import java.util.Random;

/**
 * Pivots of a set of centres: a small k-means of the centres themselves, from which the coarse
 * searches ({@link CoarseCells}, {@link PivotScan}) start.
 */
final class Pivots {

  /** Lloyd iterations of the pivots' k-means over the centres. */
  private static final int ITERATIONS = 5;

  private Pivots() {}

  /**
   * {@code count} means of the m points: greedy k-means++ ({@link KMeansPlusPlus}) from a fixed
   * seed, then a few Lloyd steps.
   */
  static float[] means(float[] points, int m, int dimension, int count) {
    float[][] seeds;
    try (Workers one = Workers.of(1)) {
      seeds =
          KMeansPlusPlus.centres(
              points,
              m,
              dimension,
              count,
              m,
              KMeansPlusPlus.defaultCandidates(count),
              new Random(0),
              one);
    }
    float[] means = new float[count * dimension];
    for (int p = 0; p < count; p++) {
      System.arraycopy(seeds[p], 0, means, p * dimension, dimension);
    }
    for (int iteration = 0; iteration < ITERATIONS; iteration++) {
      int[] cell = nearest(points, m, dimension, means);
      double[] sums = new double[count * dimension];
      int[] sizes = new int[count];
      for (int i = 0; i < m; i++) {
        sizes[cell[i]]++;
        for (int d = 0; d < dimension; d++) {
          sums[cell[i] * dimension + d] += points[i * dimension + d];
        }
      }
      for (int p = 0; p < count; p++) {
        for (int d = 0; d < dimension && sizes[p] > 0; d++) {
          means[p * dimension + d] = (float) (sums[p * dimension + d] / sizes[p]);
        }
      }
    }
    return means;
  }

  /** Each point's nearest mean (ties to the lowest index). */
  static int[] nearest(float[] points, int m, int dimension, float[] means) {
    int count = means.length / dimension;
    int[] cell = new int[m];
    for (int i = 0; i < m; i++) {
      double best = Double.POSITIVE_INFINITY;
      for (int p = 0; p < count; p++) {
        double squared =
            CentreDistances.squaredDifference(
                points, i * dimension, means, p * dimension, dimension);
        if (squared < best) {
          best = squared;
          cell[i] = p;
        }
      }
    }
    return cell;
  }
}
