package io.auglove.pipelines.report;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import smile.manifold.TSNE;
import smile.math.MathEx;

/** Two-dimensional maps of vectors: PCA, and t-SNE (Smile's exact t-SNE, seeded). */
final class Projections {

  /** The fewest points t-SNE is run on: its perplexity must stay below a third of them. */
  static final int TSNE_MIN_POINTS = 7;

  private static final double TSNE_PERPLEXITY = 30;
  private static final double TSNE_LEARNING_RATE = 200;
  private static final int TSNE_ITERATIONS = 1000;

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
   * A t-SNE map of {@code rows} (at least {@link #TSNE_MIN_POINTS}), the same for the same seed:
   * the perplexity is 30, or a third of the points when there are fewer than 91.
   */
  static Map2d tsne(double[][] rows, long seed) {
    if (rows.length < TSNE_MIN_POINTS) {
      throw new IllegalArgumentException(
          "t-SNE needs at least " + TSNE_MIN_POINTS + " points, not " + rows.length);
    }
    double perplexity = Math.min(TSNE_PERPLEXITY, (rows.length - 1) / 3.0);
    // Smile draws t-SNE's starting points from its per-thread generator.
    MathEx.setSeed(seed);
    TSNE tsne = new TSNE(rows, 2, perplexity, TSNE_LEARNING_RATE, TSNE_ITERATIONS);
    return new Map2d(tsne.coordinates, null);
  }
}
