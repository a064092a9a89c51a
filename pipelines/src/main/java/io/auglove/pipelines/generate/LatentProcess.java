package io.auglove.pipelines.generate;

import java.util.Arrays;

/**
 * The semi-Markov process over expression states, with transitions set by the {@code order} score
 * and dwell times set by the {@code dwell} and {@code regularity} scores (see {@link
 * PlantedDynamics} and the package documentation).
 *
 * <p>Which states follow which and how long they last come from two separate random streams, so
 * that a change of the order score leaves the dwell times as they were, and a change of the dwell
 * or regularity score leaves the sequence of states as it was.
 */
final class LatentProcess {

  /** Mean dwell times simulated before the first frame, so the video starts in equilibrium. */
  private static final int BURN_IN_DWELLS = 10;

  private final ExpressionPrototypes prototypes;
  private final double neutralProbability;
  private final double jumpProbability;

  LatentProcess(
      ExpressionPrototypes prototypes, double neutralProbability, double jumpProbability) {
    this.prototypes = prototypes;
    this.neutralProbability = neutralProbability;
    this.jumpProbability = jumpProbability;
  }

  LatentTrace simulate(Scores scores, double fps, int frameCount, Rng states, Rng dwells) {
    double meanSeconds = PlantedDynamics.meanDwellSeconds(scores.dwell());
    double shape = PlantedDynamics.dwellShape(scores.regularity());
    double forward = PlantedDynamics.forwardProbability(scores.order());
    int expressions = prototypes.expressionCount();

    // Start from the stationary distribution of the sequence of states.
    int lastExpression = 1 + states.nextInt(expressions);
    double neutralShare = neutralProbability / (1 + neutralProbability);
    int current = states.bernoulli(neutralShare) ? ExpressionPrototypes.NEUTRAL : lastExpression;
    int previous = ExpressionPrototypes.NEUTRAL;

    int capacity = 16;
    int[] segStates = new int[capacity];
    int[] segStarts = new int[capacity];
    int[] segLengths = new int[capacity];
    int[] segPrevious = new int[capacity];
    int count = 0;

    int start = -(int) Math.ceil(BURN_IN_DWELLS * meanSeconds * fps);
    while (start < frameCount) {
      int length = dwellFrames(dwells, meanSeconds, shape, fps);
      if (start + length > 0) {
        if (count == capacity) {
          capacity *= 2;
          segStates = Arrays.copyOf(segStates, capacity);
          segStarts = Arrays.copyOf(segStarts, capacity);
          segLengths = Arrays.copyOf(segLengths, capacity);
          segPrevious = Arrays.copyOf(segPrevious, capacity);
        }
        segStates[count] = current;
        segStarts[count] = start;
        segLengths[count] = length;
        segPrevious[count] = previous;
        count++;
      }
      start += length;
      previous = current;
      if (current != ExpressionPrototypes.NEUTRAL && states.bernoulli(neutralProbability)) {
        lastExpression = current;
        current = ExpressionPrototypes.NEUTRAL;
      } else {
        int from = current == ExpressionPrototypes.NEUTRAL ? lastExpression : current;
        current = move(from, forward, states);
      }
    }
    return new LatentTrace(
        fps,
        frameCount,
        Arrays.copyOf(segStates, count),
        Arrays.copyOf(segStarts, count),
        Arrays.copyOf(segLengths, count),
        Arrays.copyOf(segPrevious, count));
  }

  /** The expression after {@code from}: a jump anywhere else, or a cycle neighbour. */
  private int move(int from, double forward, Rng rng) {
    if (rng.bernoulli(jumpProbability)) {
      int to = 1 + rng.nextInt(prototypes.expressionCount() - 1);
      return to >= from ? to + 1 : to;
    }
    return rng.bernoulli(forward) ? prototypes.successor(from) : prototypes.predecessor(from);
  }

  private static int dwellFrames(Rng rng, double meanSeconds, double shape, double fps) {
    double unitMean = rng.gamma(shape) / shape;
    double seconds =
        meanSeconds
            * (PlantedDynamics.DWELL_FLOOR_FRACTION
                + (1 - PlantedDynamics.DWELL_FLOOR_FRACTION) * unitMean);
    return Math.max(1, (int) Math.round(seconds * fps));
  }
}
