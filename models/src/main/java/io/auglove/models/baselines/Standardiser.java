package io.auglove.models.baselines;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Z-scores feature vectors with the means and population standard deviations of a training fold. A
 * feature that is constant on the fold carries no information and maps to 0 everywhere; it counts
 * as constant when its standard deviation is at most 1e-12 × max(1, |mean|), which absorbs the
 * rounding of the mean of equal values.
 */
final class Standardiser {

  private final double[] means;
  private final double[] scales;

  private Standardiser(double[] means, double[] scales) {
    this.means = means;
    this.scales = scales;
  }

  /** The standardiser of the rows of {@code rows}, which must not be empty. */
  static Standardiser fit(double[][] rows) {
    checkArgument(rows.length > 0, "standardiser: no rows to fit");
    int n = rows.length;
    int p = rows[0].length;
    double[] means = new double[p];
    double[] scales = new double[p];
    for (int j = 0; j < p; j++) {
      double sum = 0;
      for (double[] row : rows) {
        sum += row[j];
      }
      double mean = sum / n;
      double squares = 0;
      for (double[] row : rows) {
        squares += (row[j] - mean) * (row[j] - mean);
      }
      double std = Math.sqrt(squares / n);
      means[j] = mean;
      scales[j] = std <= 1e-12 * Math.max(1, Math.abs(mean)) ? 0 : 1 / std;
    }
    return new Standardiser(means, scales);
  }

  /** {@code row} in standard units; constant features become 0. */
  double[] apply(double[] row) {
    checkArgument(
        row.length == means.length,
        "standardiser: fitted on %s features, got %s",
        means.length,
        row.length);
    double[] z = new double[row.length];
    for (int j = 0; j < row.length; j++) {
      z[j] = (row[j] - means[j]) * scales[j];
    }
    return z;
  }
}
