package io.auglove.models.metrics;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * A score of predictions against targets, both in the targets' units.
 *
 * <p>The correlations are undefined, and reported as such ({@link Double#NaN}), when the
 * predictions or the targets are constant (zero variance) or there are fewer than two of them: a
 * model that predicts one value for every sample has no PCC, and a fold whose targets are all equal
 * cannot tell a good model from a bad one. CCC is treated the same way although its formula would
 * give 0 when only one side is constant, so that every correlation column is undefined in the same
 * cases. RMSE is defined for any non-empty input. A NaN among the inputs gives NaN.
 *
 * <p>Moments are population moments (divided by n), as Lin (1989) defines CCC; PCC does not depend
 * on the choice.
 */
public enum Metric {

  /** Pearson's correlation coefficient, signed: a model that ranks backwards scores below 0. */
  PCC("PCC", true),

  /** |PCC|: an extra column only, since it rewards a model that ranks backwards. */
  ABS_PCC("|PCC|", true),

  /** Root mean squared error, in the targets' units. */
  RMSE("RMSE", false),

  /**
   * Lin's concordance correlation coefficient, 2·cov(p, t) / (var(p) + var(t) + (mean(p) −
   * mean(t))²): PCC penalised for predictions off the targets' scale or location.
   */
  CCC("CCC", true);

  private final String label;
  private final boolean higherIsBetter;

  Metric(String label, boolean higherIsBetter) {
    this.label = label;
    this.higherIsBetter = higherIsBetter;
  }

  /** The column heading, for example {@code |PCC|}. */
  public String label() {
    return label;
  }

  /** Whether a larger value is a better model (false for RMSE only). */
  public boolean higherIsBetter() {
    return higherIsBetter;
  }

  /**
   * The metric of {@code predictions} against {@code targets}, pair by pair.
   *
   * @return the value, or {@link Double#NaN} where it is undefined (see the class comment)
   * @throws IllegalArgumentException if the lengths differ or both are empty
   */
  public double of(double[] predictions, double[] targets) {
    checkNotNull(predictions, "%s: predictions are null", label);
    checkNotNull(targets, "%s: targets are null", label);
    checkArgument(
        predictions.length == targets.length,
        "%s: %s predictions but %s targets; they must pair up",
        label,
        predictions.length,
        targets.length);
    checkArgument(targets.length > 0, "%s of no predictions and no targets", label);
    return switch (this) {
      case PCC -> pearson(predictions, targets);
      case ABS_PCC -> Math.abs(pearson(predictions, targets));
      case RMSE -> rmse(predictions, targets);
      case CCC -> concordance(predictions, targets);
    };
  }

  /**
   * The mean of the metric over several draws of predictions for the same targets (the random
   * baseline's): undefined draws are left out of the mean, and if every draw is undefined so is the
   * result.
   *
   * @throws IllegalArgumentException if there are no draws, or a draw and the targets differ in
   *     length, or they are empty
   */
  public double ofDraws(double[][] drawsOfPredictions, double[] targets) {
    checkNotNull(drawsOfPredictions, "%s: draws are null", label);
    checkArgument(drawsOfPredictions.length > 0, "%s: no draws of predictions", label);
    double sum = 0;
    int defined = 0;
    for (double[] draw : drawsOfPredictions) {
      double value = of(draw, targets);
      if (!Double.isNaN(value)) {
        sum += value;
        defined++;
      }
    }
    return defined == 0 ? Double.NaN : sum / defined;
  }

  private static double pearson(double[] p, double[] t) {
    if (p.length < 2 || isConstant(p) || isConstant(t)) {
      return Double.NaN;
    }
    Moments m = Moments.of(p, t);
    double r = m.sxy / (Math.sqrt(m.sxx) * Math.sqrt(m.syy));
    // Rounding can carry a perfect correlation a hair past ±1.
    return Math.max(-1, Math.min(1, r));
  }

  private static double concordance(double[] p, double[] t) {
    if (p.length < 2 || isConstant(p) || isConstant(t)) {
      return Double.NaN;
    }
    Moments m = Moments.of(p, t);
    int n = p.length;
    double shift = m.meanX - m.meanY;
    return 2 * (m.sxy / n) / (m.sxx / n + m.syy / n + shift * shift);
  }

  private static double rmse(double[] p, double[] t) {
    double sum = 0;
    for (int i = 0; i < p.length; i++) {
      double error = p[i] - t[i];
      sum += error * error;
    }
    return Math.sqrt(sum / p.length);
  }

  /**
   * Whether every value equals the first. Tested directly rather than as a zero variance: the mean
   * of equal values such as 0.1 is not always exactly that value, which leaves a variance of
   * rounding noise that would give a meaningless correlation.
   */
  private static boolean isConstant(double[] values) {
    for (double value : values) {
      if (value != values[0]) {
        return false;
      }
    }
    return true;
  }

  /** Means and sums of centred products, by two passes (stable for values far from 0). */
  private record Moments(double meanX, double meanY, double sxx, double syy, double sxy) {

    static Moments of(double[] x, double[] y) {
      double meanX = 0;
      double meanY = 0;
      for (int i = 0; i < x.length; i++) {
        meanX += x[i];
        meanY += y[i];
      }
      meanX /= x.length;
      meanY /= y.length;
      double sxx = 0;
      double syy = 0;
      double sxy = 0;
      for (int i = 0; i < x.length; i++) {
        double dx = x[i] - meanX;
        double dy = y[i] - meanY;
        sxx += dx * dx;
        syy += dy * dy;
        sxy += dx * dy;
      }
      return new Moments(meanX, meanY, sxx, syy, sxy);
    }
  }
}
