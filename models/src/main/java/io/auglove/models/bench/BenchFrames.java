package io.auglove.models.bench;

import java.util.Random;

/**
 * Deterministic AU-like frames for benchmarks and reference files: a mixture of sparse expression
 * prototypes (1 to 4 active AUs each, Zipf-like prevalence) plus noise, 17 values in 0..5 rounded
 * to two decimals as OpenFace writes them, so exact zeros and repeated frames are common. The
 * benchmarks of {@code auglove bench --fits} and the k-means reference tests draw from it.
 */
public final class BenchFrames {

  /** AU intensities per frame. */
  public static final int DIMENSION = 17;

  private static final int PROTOTYPES = 400;

  private BenchFrames() {}

  /** {@code rows} frames, row-major, from {@code seed}. */
  public static float[] generate(int rows, long seed) {
    Random random = new Random(seed);
    float[][] prototypes = new float[PROTOTYPES][DIMENSION];
    double[] cumulative = new double[PROTOTYPES];
    double total = 0;
    for (int p = 0; p < PROTOTYPES; p++) {
      int active = 1 + random.nextInt(4);
      for (int a = 0; a < active; a++) {
        prototypes[p][random.nextInt(DIMENSION)] = (float) (0.5 + 3.5 * random.nextDouble());
      }
      total += 1 / Math.pow(p + 1, 0.8);
      cumulative[p] = total;
    }
    float[] frames = new float[rows * DIMENSION];
    for (int row = 0; row < rows; row++) {
      double u = random.nextDouble() * total;
      int p = 0;
      while (cumulative[p] <= u && p < PROTOTYPES - 1) {
        p++;
      }
      for (int d = 0; d < DIMENSION; d++) {
        float base = prototypes[p][d];
        double noise = random.nextGaussian() * (base > 0 ? 0.35 : 0.15);
        double value = Math.max(0, Math.min(5, base + noise));
        frames[row * DIMENSION + d] = Math.round(value * 100) / 100f;
      }
    }
    return frames;
  }
}
