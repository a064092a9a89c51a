package io.auglove.models.baselines;

import io.auglove.models.ActionUnits;
import io.auglove.models.regression.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;

/** Random samples for the baselines' tests. */
final class SyntheticSamples {

  /** The AU whose activation drives the targets of {@link #activation}. */
  static final int AU12 = 8;

  private SyntheticSamples() {}

  /**
   * Samples of 20 frames in two sequences of 10, every intensity uniform in [0, 5), and the target
   * that {@code target} computes from the sample (its target field ignored).
   */
  static List<Sample> uniform(int count, long seed, ToDoubleFunction<Sample> target) {
    Random random = new Random(seed);
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      float[][] aus = new float[20][ActionUnits.COUNT];
      for (float[] frame : aus) {
        for (int au = 0; au < ActionUnits.COUNT; au++) {
          frame[au] = 5 * random.nextFloat();
        }
      }
      Sample s = new Sample("s" + i, "p" + i, aus, new int[20], new int[] {0, 10}, 0);
      samples.add(s.withTarget(target.applyAsDouble(s)));
    }
    return samples;
  }

  /**
   * Samples of 40 frames in two sequences of 20 whose AU12 is active (intensity 2 to 3) in a random
   * fraction r of the frames, in a few bursts, and at rest (0 to 0.3) otherwise; every other AU is
   * noise in [0, 0.5). The target is {@code slope} × (active frames / 40) plus Gaussian noise of
   * standard deviation 0.1.
   */
  static List<Sample> activation(int count, long seed, double slope) {
    Random random = new Random(seed);
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      float[][] aus = new float[40][ActionUnits.COUNT];
      double r = random.nextDouble();
      int active = 0;
      for (int t = 0; t < aus.length; t++) {
        for (int au = 0; au < ActionUnits.COUNT; au++) {
          aus[t][au] = 0.5f * random.nextFloat();
        }
        // Bursts: frames t in [0, 40) whose position within a 10-frame block is below 10 r.
        boolean on = (t % 10) < Math.round(10 * r);
        aus[t][AU12] = on ? 2 + random.nextFloat() : 0.3f * random.nextFloat();
        active += on ? 1 : 0;
      }
      double target = slope * active / aus.length + 0.1 * random.nextGaussian();
      samples.add(new Sample("s" + i, "p" + i, aus, new int[40], new int[] {0, 20}, target));
    }
    return samples;
  }

  static double rmse(double[] predictions, double[] targets) {
    double sum = 0;
    for (int i = 0; i < targets.length; i++) {
      sum += (predictions[i] - targets[i]) * (predictions[i] - targets[i]);
    }
    return Math.sqrt(sum / targets.length);
  }
}
