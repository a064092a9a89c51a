package io.auglove.models.kmeans;

import java.util.Random;

/** Generated data sets and an independent nearest-centre loop for the k-means tests. */
final class TestData {

  private TestData() {}

  /** Rows uniform in [0, 5), row-major. */
  static float[] uniform(int rows, int dimension, long seed) {
    Random random = new Random(seed);
    float[] values = new float[rows * dimension];
    for (int i = 0; i < values.length; i++) {
      values[i] = 5 * random.nextFloat();
    }
    return values;
  }

  /**
   * Rows drawn from {@code blobs} Gaussian blobs (standard deviation {@code sigma}) whose means are
   * sparse like AU activations: each coordinate is 0 with probability 0.7, else uniform in [1, 5].
   * Values are clipped to [0, 5] as OpenFace's are. Row i belongs to a blob drawn at random.
   */
  static float[] blobs(int rows, int dimension, int blobs, double sigma, long seed) {
    Random random = new Random(seed);
    float[][] means = new float[blobs][dimension];
    for (float[] mean : means) {
      for (int d = 0; d < dimension; d++) {
        mean[d] = random.nextDouble() < 0.3 ? 1 + 4 * random.nextFloat() : 0;
      }
    }
    float[] values = new float[rows * dimension];
    for (int row = 0; row < rows; row++) {
      float[] mean = means[random.nextInt(blobs)];
      for (int d = 0; d < dimension; d++) {
        double value = mean[d] + sigma * random.nextGaussian();
        values[row * dimension + d] = (float) Math.min(5, Math.max(0, value));
      }
    }
    return values;
  }

  /** Squared Euclidean distance from row {@code row} to {@code centre}, in double. */
  static double squaredDistance(float[] rowMajor, int dimension, int row, float[] centre) {
    double sum = 0;
    for (int d = 0; d < dimension; d++) {
      double difference = (double) rowMajor[row * dimension + d] - centre[d];
      sum += difference * difference;
    }
    return sum;
  }

  /** The nearest non-null centre of each row by a plain double loop; lowest id among ties. */
  static int[] bruteForceLabels(float[] rowMajor, int dimension, float[][] centres) {
    int rows = rowMajor.length / dimension;
    int[] labels = new int[rows];
    for (int row = 0; row < rows; row++) {
      double best = Double.POSITIVE_INFINITY;
      for (int c = 0; c < centres.length; c++) {
        if (centres[c] == null) {
          continue;
        }
        double squared = squaredDistance(rowMajor, dimension, row, centres[c]);
        if (squared < best) {
          best = squared;
          labels[row] = c;
        }
      }
    }
    return labels;
  }

  /** Every row against every present centre: float terms summed in dimension order, lowest id. */
  static int[] floatBruteForceLabels(
      float[] frames, int rows, int dimension, float[] centres, boolean[] present) {
    int[] labels = new int[rows];
    for (int row = 0; row < rows; row++) {
      float best = Float.POSITIVE_INFINITY;
      for (int c = 0; c < present.length; c++) {
        if (!present[c]) {
          continue;
        }
        float sum = 0;
        for (int d = 0; d < dimension; d++) {
          float difference = frames[row * dimension + d] - centres[c * dimension + d];
          sum += difference * difference;
        }
        if (sum < best) {
          best = sum;
          labels[row] = c;
        }
      }
    }
    return labels;
  }
}
