package io.auglove.models.baselines;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.auglove.models.Seeds;
import io.auglove.models.regression.Predictor;
import io.auglove.models.regression.Regressor;
import io.auglove.models.regression.Sample;
import java.util.List;
import java.util.Random;

/**
 * The paper's random baseline: predictions "sampled based on the rating distribution of the
 * training set", with results "averaged from 100 independent predictions" (Section IV.C).
 *
 * <p>Each prediction is one training target drawn uniformly with replacement, so values appear as
 * often as they do among the training labels and no value outside them ever appears. The predictor
 * returns {@link #draws()} independent sets of such predictions from {@link Predictor#draws}; the
 * evaluation averages each metric over them. It ignores the samples' frames and the validation
 * samples: what it shows is the score a model gets from knowing only the label distribution.
 *
 * <p>The draws follow from the seed given to {@link #fit} alone: every call to the predictor's
 * {@code draws} or {@code predict} for the same number of samples returns the same values, and
 * {@code predict} returns the first draw.
 */
public final class RandomBaseline implements Regressor {

  /** Independent draws when none are given: the paper's 100. */
  public static final int DEFAULT_DRAWS = 100;

  /** Distinguishes this class's random stream from others seeded with the same value. */
  private static final long STREAM = 0x72616E64L;

  private final int draws;

  /** A baseline of {@link #DEFAULT_DRAWS} draws. */
  public RandomBaseline() {
    this(DEFAULT_DRAWS);
  }

  /** A baseline of {@code draws} independent draws; at least 1. */
  public RandomBaseline(int draws) {
    checkArgument(draws >= 1, "random baseline: draws must be at least 1, got %s", draws);
    this.draws = draws;
  }

  /** The number of independent sets of predictions. */
  public int draws() {
    return draws;
  }

  @Override
  public String name() {
    return "Random";
  }

  /**
   * Remembers the training targets.
   *
   * @throws IllegalArgumentException if {@code train} is empty
   */
  @Override
  public Predictor fit(List<Sample> train, List<Sample> validation, long seed) {
    checkNotNull(train, "random baseline: train is null");
    checkArgument(!train.isEmpty(), "random baseline: no training samples to draw targets from");
    return new Drawer(Sample.targets(train), draws, seed);
  }

  @Override
  public String toString() {
    return "RandomBaseline{draws=" + draws + "}";
  }

  /** Draws from the remembered training targets. */
  private static final class Drawer implements Predictor {

    private final double[] trainingTargets;
    private final int draws;
    private final long seed;

    Drawer(double[] trainingTargets, int draws, long seed) {
      this.trainingTargets = trainingTargets;
      this.draws = draws;
      this.seed = seed;
    }

    @Override
    public double[] predict(List<Sample> samples) {
      return draw(samples.size(), 1)[0];
    }

    @Override
    public double[][] draws(List<Sample> samples) {
      return draw(samples.size(), draws);
    }

    /** The first {@code count} draws of {@code n} predictions each. */
    private double[][] draw(int n, int count) {
      Random random = new Random(Seeds.stream(seed, STREAM));
      double[][] result = new double[count][n];
      for (double[] predictions : result) {
        for (int i = 0; i < n; i++) {
          predictions[i] = trainingTargets[random.nextInt(trainingTargets.length)];
        }
      }
      return result;
    }
  }
}
