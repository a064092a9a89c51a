package io.auglove.models.kmeans;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;
import java.util.OptionalInt;

/**
 * Suggests the knee of an elbow sweep: the k after which a larger vocabulary stops bringing the
 * mean distance to the nearest centre down much.
 *
 * <p>Definition (Kneedle, Satopää et al. 2011, for a decreasing curve): take x = log k, scale x and
 * the mean distance y each to [0, 1] by their minimum and maximum, draw the straight line from the
 * first point to the last, and take the point that lies farthest below it, measured vertically. The
 * log is there because the sweep's k are roughly log-spaced (the paper's 100, 200, 500, 1000, 2000,
 * 5000, 10000) and the distance falls roughly with log k: on a linear x axis the first gap would
 * dominate and the knee would always be one of the smallest k. There is no knee with fewer than
 * three points, with a flat curve, or when no point lies below the line (a straight or concave
 * curve in log k).
 */
public final class Elbow {

  /** How far below the line, in scaled units, a point must lie to count as a knee. */
  private static final double MIN_DEPTH = 1e-9;

  private Elbow() {}

  /**
   * The suggested k, or empty when the curve has no knee.
   *
   * @param ks the k of each point of the sweep, distinct and at least 1, in any order
   * @param meanDistances the mean distance to the nearest centre at each k, finite
   * @throws IllegalArgumentException on arrays of different lengths, a repeated k, a k below 1 or a
   *     distance that is not finite
   */
  public static OptionalInt knee(int[] ks, double[] meanDistances) {
    checkArgument(
        ks.length == meanDistances.length,
        "ks has %s values but meanDistances has %s",
        ks.length,
        meanDistances.length);
    int n = ks.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      checkArgument(ks[i] >= 1, "k must be at least 1, got %s at index %s", ks[i], i);
      checkArgument(
          Double.isFinite(meanDistances[i]),
          "mean distance for k = %s must be finite, got %s",
          ks[i],
          Double.valueOf(meanDistances[i]));
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Integer.compare(ks[a], ks[b]));
    for (int i = 1; i < n; i++) {
      checkArgument(
          ks[order[i]] != ks[order[i - 1]], "k = %s appears more than once", ks[order[i]]);
    }
    if (n < 3) {
      return OptionalInt.empty();
    }

    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = Math.log(ks[order[i]]);
      y[i] = meanDistances[order[i]];
    }
    double yMin = Arrays.stream(y).min().getAsDouble();
    double yMax = Arrays.stream(y).max().getAsDouble();
    if (yMax == yMin) {
      return OptionalInt.empty();
    }
    double xMin = x[0];
    double xSpan = x[n - 1] - x[0];
    double ySpan = yMax - yMin;
    double firstY = (y[0] - yMin) / ySpan;
    double lastY = (y[n - 1] - yMin) / ySpan;

    int knee = -1;
    double deepest = MIN_DEPTH;
    for (int i = 1; i < n - 1; i++) {
      double scaledX = (x[i] - xMin) / xSpan;
      double line = firstY + (lastY - firstY) * scaledX;
      double depth = line - (y[i] - yMin) / ySpan;
      if (depth > deepest) {
        deepest = depth;
        knee = i;
      }
    }
    return knee < 0 ? OptionalInt.empty() : OptionalInt.of(ks[order[knee]]);
  }
}
