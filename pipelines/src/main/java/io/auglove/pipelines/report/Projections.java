package io.auglove.pipelines.report;

import java.util.Arrays;
import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/** Two-dimensional maps of vectors: PCA, and t-SNE ({@link Tsne}, exact and seeded). */
final class Projections {

  /**
   * The most points t-SNE maps. Exact t-SNE costs n² per iteration (about 20 s for 3,000 points); a
   * larger vocabulary is mapped by a seeded sample of this many of its clusters.
   */
  static final int TSNE_MAX_POINTS = 3000;

  /**
   * Points on two axes.
   *
   * @param explained the share of the variance each axis explains (PCA), or null (t-SNE)
   */
  record Map2d(double[][] points, double[] explained) {}

  private Projections() {}

  /** The rows of {@code vectors} scaled to unit length, so that distance follows cosine. */
  static double[][] unitRows(float[][] vectors) {
    double[][] rows = new double[vectors.length][];
    for (int i = 0; i < vectors.length; i++) {
      double norm = 0;
      for (float v : vectors[i]) {
        norm += (double) v * v;
      }
      norm = Math.sqrt(norm);
      rows[i] = new double[vectors[i].length];
      for (int d = 0; d < rows[i].length; d++) {
        rows[i][d] = norm == 0 ? 0 : vectors[i][d] / norm;
      }
    }
    return rows;
  }

  /** The first two principal components of {@code rows} (at least two rows). */
  static Map2d pca(double[][] rows) {
    int n = rows.length;
    int d = rows[0].length;
    double[][] centred = new double[n][d];
    for (int j = 0; j < d; j++) {
      double mean = 0;
      for (double[] row : rows) {
        mean += row[j];
      }
      mean /= n;
      for (int i = 0; i < n; i++) {
        centred[i][j] = rows[i][j] - mean;
      }
    }
    SingularValueDecomposition svd =
        new SingularValueDecomposition(new Array2DRowRealMatrix(centred, false));
    RealMatrix u = svd.getU();
    double[] s = svd.getSingularValues();
    double total = 0;
    for (double value : s) {
      total += value * value;
    }
    double[][] points = new double[n][2];
    double[] explained = new double[2];
    for (int axis = 0; axis < 2; axis++) {
      double sigma = axis < s.length ? s[axis] : 0;
      explained[axis] = total == 0 ? 0 : sigma * sigma / total;
      for (int i = 0; i < n; i++) {
        points[i][axis] = axis < u.getColumnDimension() ? u.getEntry(i, axis) * sigma : 0;
      }
    }
    return new Map2d(points, explained);
  }

  /**
   * The rows t-SNE maps, in increasing order: all {@code n}, or when there are more than {@link
   * #TSNE_MAX_POINTS} a sample of that many drawn without replacement, the same for the same seed.
   */
  static int[] tsneSample(int n, long seed) {
    int[] indices = new int[n];
    Arrays.setAll(indices, i -> i);
    if (n <= TSNE_MAX_POINTS) {
      return indices;
    }
    // The first TSNE_MAX_POINTS steps of a Fisher-Yates shuffle.
    Random random = new Random(seed);
    for (int i = 0; i < TSNE_MAX_POINTS; i++) {
      int j = i + random.nextInt(n - i);
      int swapped = indices[i];
      indices[i] = indices[j];
      indices[j] = swapped;
    }
    int[] sample = Arrays.copyOf(indices, TSNE_MAX_POINTS);
    Arrays.sort(sample);
    return sample;
  }

  /**
   * A t-SNE map of {@code rows}, the same for the same seed: perplexity 30, or a third of the
   * points when there are fewer than 91 (see {@link Tsne}).
   */
  static Map2d tsne(double[][] rows, long seed) {
    return new Map2d(Tsne.create().withSeed(seed).embed(rows), null);
  }
}
