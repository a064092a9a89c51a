package io.auglove.pipelines.generate;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * How each score sets one aspect of the latent semi-Markov process. Each mapping is monotone in its
 * score and touches nothing else; see the package documentation for why no score changes the
 * stationary state distribution.
 *
 * <ul>
 *   <li>{@code dwell} scales the mean dwell time of every state, geometrically from {@value
 *       #SHORTEST_MEAN_DWELL_SECONDS} s (score 1) to {@value #LONGEST_MEAN_DWELL_SECONDS} s (score
 *       7);
 *   <li>{@code order} sets the probability that a cycle is followed forwards, linearly from {@value
 *       #MOST_FORWARD} (score 1) to {@value #LEAST_FORWARD} (score 7);
 *   <li>{@code regularity} sets the gamma shape of the dwell-time distribution at a fixed mean,
 *       geometrically from {@value #MOST_REGULAR_SHAPE} (score 1, coefficient of variation 0.21) to
 *       1 (score 7, exponential, coefficient of variation 0.85);
 *   <li>{@code control} drives nothing.
 * </ul>
 */
public final class PlantedDynamics {

  /** Mean dwell time at dwell score 1, in seconds. */
  public static final double SHORTEST_MEAN_DWELL_SECONDS = 0.6;

  /** Mean dwell time at dwell score 7, in seconds. */
  public static final double LONGEST_MEAN_DWELL_SECONDS = 2.5;

  /** Forward probability at order score 1. */
  public static final double MOST_FORWARD = 0.85;

  /** Forward probability at order score 7. */
  public static final double LEAST_FORWARD = 0.15;

  /** Gamma shape of the dwell times at regularity score 1 (score 7 gives shape 1). */
  public static final double MOST_REGULAR_SHAPE = 16;

  /**
   * Shortest dwell as a fraction of the mean: every dwell is {@code mean * (FLOOR + (1 - FLOOR) *
   * G)} with {@code G} gamma-distributed with mean 1, so that an expression lasts at least a few
   * frames and the coefficient of variation, {@code (1 - FLOOR) / sqrt(shape)}, does not depend on
   * the mean.
   */
  public static final double DWELL_FLOOR_FRACTION = 0.15;

  private PlantedDynamics() {}

  /** Mean dwell time of every state, in seconds, for a dwell score. */
  public static double meanDwellSeconds(int dwellScore) {
    double t = fraction("dwell", dwellScore);
    return SHORTEST_MEAN_DWELL_SECONDS
        * StrictMath.pow(LONGEST_MEAN_DWELL_SECONDS / SHORTEST_MEAN_DWELL_SECONDS, t);
  }

  /** Probability of following a cycle forwards rather than backwards, for an order score. */
  public static double forwardProbability(int orderScore) {
    double t = fraction("order", orderScore);
    return MOST_FORWARD + (LEAST_FORWARD - MOST_FORWARD) * t;
  }

  /** Gamma shape of the dwell-time distribution, for a regularity score. */
  public static double dwellShape(int regularityScore) {
    double t = fraction("regularity", regularityScore);
    return StrictMath.pow(MOST_REGULAR_SHAPE, 1 - t);
  }

  /** Coefficient of variation of the dwell times (before rounding to frames). */
  public static double dwellCoefficientOfVariation(int regularityScore) {
    return (1 - DWELL_FLOOR_FRACTION) / Math.sqrt(dwellShape(regularityScore));
  }

  /**
   * Among moves from one expression to the next that land on a cycle neighbour, the expected
   * fraction that land on the successor: forward moves plus the jumps that happen to land there.
   */
  public static double expectedForwardFraction(
      int orderScore, double jumpProbability, int expressionCount) {
    double p = forwardProbability(orderScore);
    double jumpToOne = jumpProbability / (expressionCount - 1);
    return ((1 - jumpProbability) * p + jumpToOne) / ((1 - jumpProbability) + 2 * jumpToOne);
  }

  private static double fraction(String name, int score) {
    checkArgument(
        score >= Scores.MIN && score <= Scores.MAX,
        "score %s must be in [%s, %s], got %s",
        name,
        Scores.MIN,
        Scores.MAX,
        score);
    return (score - Scores.MIN) / (double) (Scores.MAX - Scores.MIN);
  }
}
