package io.auglove.models.kmeans;

import java.util.Arrays;
import java.util.Random;

/**
 * k-means++ initialisation (Arthur and Vassilvitskii, 2007): the first centre uniformly at random,
 * each next one a row drawn with probability proportional to its squared distance to the nearest
 * centre chosen so far (one candidate per step), over a uniform sample of the rows.
 */
final class KMeansPlusPlus {

  private KMeansPlusPlus() {}

  /**
   * k initial centres drawn from a uniform sample (without replacement) of {@code sampleSize} of
   * the rows; the same {@code random} state gives the same centres.
   */
  static float[][] centres(
      float[] rowMajor, int rows, int dimension, int k, int sampleSize, Random random) {
    float[] sample = sample(rowMajor, rows, dimension, sampleSize, random);
    float[][] centres = new float[k][];
    int first = random.nextInt(sampleSize);
    centres[0] = Arrays.copyOfRange(sample, first * dimension, (first + 1) * dimension);
    double[] nearest = new double[sampleSize];
    Arrays.fill(nearest, Double.POSITIVE_INFINITY);
    for (int c = 1; c < k; c++) {
      double total = lowerNearest(sample, dimension, centres[c - 1], nearest);
      int next = total > 0 ? drawProportional(nearest, total, random) : random.nextInt(sampleSize);
      centres[c] = Arrays.copyOfRange(sample, next * dimension, (next + 1) * dimension);
    }
    return centres;
  }

  /** The rows of a uniform sample, in their input order; all rows when the sample is that big. */
  private static float[] sample(
      float[] rowMajor, int rows, int dimension, int sampleSize, Random random) {
    if (sampleSize >= rows) {
      return rowMajor;
    }
    // Partial Fisher-Yates: the first sampleSize slots end up a uniform sample.
    int[] order = new int[rows];
    for (int i = 0; i < rows; i++) {
      order[i] = i;
    }
    for (int i = 0; i < sampleSize; i++) {
      int j = i + random.nextInt(rows - i);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    int[] chosen = Arrays.copyOf(order, sampleSize);
    Arrays.sort(chosen);
    float[] sample = new float[sampleSize * dimension];
    for (int i = 0; i < sampleSize; i++) {
      System.arraycopy(rowMajor, chosen[i] * dimension, sample, i * dimension, dimension);
    }
    return sample;
  }

  /** Lowers each row's squared distance to its nearest centre by the new centre; the total. */
  private static double lowerNearest(
      float[] sample, int dimension, float[] centre, double[] nearest) {
    double total = 0;
    for (int row = 0; row < nearest.length; row++) {
      double squared = 0;
      int start = row * dimension;
      for (int d = 0; d < dimension; d++) {
        double difference = (double) sample[start + d] - centre[d];
        squared += difference * difference;
      }
      if (squared < nearest[row]) {
        nearest[row] = squared;
      }
      total += nearest[row];
    }
    return total;
  }

  /** A row drawn with probability proportional to its weight; {@code total} is their sum. */
  private static int drawProportional(double[] weights, double total, Random random) {
    double target = random.nextDouble() * total;
    double cumulative = 0;
    int last = -1;
    for (int row = 0; row < weights.length; row++) {
      if (weights[row] > 0) {
        cumulative += weights[row];
        last = row;
        if (cumulative > target) {
          return row;
        }
      }
    }
    return last; // rounding left the target just above the cumulative sum
  }
}
