package io.auglove.models.regression;

import com.google.common.base.Preconditions;

/**
 * Maps targets linearly onto [-1, 1] using the smallest and largest target of a training fold, and
 * predictions back into the targets' units. A fold whose targets are all equal maps every target to
 * 0 and every output back to that value.
 */
public final class TargetScaler {

  private final double min;
  private final double max;

  private TargetScaler(double min, double max) {
    this.min = min;
    this.max = max;
  }

  /** A scaler for {@code targets}, which must not be empty. */
  public static TargetScaler fit(double[] targets) {
    Preconditions.checkArgument(targets.length > 0, "no targets to scale");
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double t : targets) {
      min = Math.min(min, t);
      max = Math.max(max, t);
    }
    return new TargetScaler(min, max);
  }

  /** {@code target} on the [-1, 1] scale. */
  public double scale(double target) {
    return max == min ? 0 : 2 * (target - min) / (max - min) - 1;
  }

  /** {@code scaled} back in the targets' units. */
  public double unscale(double scaled) {
    return max == min ? min : (scaled + 1) / 2 * (max - min) + min;
  }

  public double min() {
    return min;
  }

  public double max() {
    return max;
  }
}
