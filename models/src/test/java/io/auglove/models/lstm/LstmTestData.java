package io.auglove.models.lstm;

import io.auglove.models.ActionUnits;
import io.auglove.models.regression.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small synthetic samples for the LSTM tests. */
final class LstmTestData {

  private LstmTestData() {}

  /** A sample of {@code length} frames of AU intensities uniform in [0, 5) and ids in 0..V-1. */
  static Sample sample(String id, int length, int vocabularySize, double target, Random random) {
    float[][] aus = new float[length][ActionUnits.COUNT];
    int[] ids = new int[length];
    for (int t = 0; t < length; t++) {
      for (int a = 0; a < ActionUnits.COUNT; a++) {
        aus[t][a] = 5 * random.nextFloat();
      }
      ids[t] = random.nextInt(vocabularySize);
    }
    return Sample.of(id, "g" + id, aus, ids, target);
  }

  /** Samples of {@code lengths} frames, target 0. */
  static List<Sample> samples(int[] lengths, int vocabularySize, long seed) {
    Random random = new Random(seed);
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < lengths.length; i++) {
      samples.add(sample("s" + i, lengths[i], vocabularySize, 0, random));
    }
    return samples;
  }

  /**
   * {@code count} samples of {@code length} frames whose target is the mean of AU01 over the
   * sequence (a task the network can learn). Each sample's AU01 varies uniformly by ±1 around a
   * level of its own, uniform in [1, 4], so that the targets spread over most of [1, 4].
   */
  static List<Sample> meanOfAu01(int count, int length, long seed) {
    Random random = new Random(seed);
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Sample sample = sample("m" + seed + "-" + i, length, 10, 0, random);
      double level = 1 + 3 * random.nextDouble();
      double sum = 0;
      for (float[] frame : sample.aus()) {
        frame[0] = (float) (level + 2 * random.nextDouble() - 1);
        sum += frame[0];
      }
      samples.add(sample.withTarget(sum / length));
    }
    return samples;
  }

  /** A V × d table of values uniform in [-1, 1). */
  static float[][] table(int vocabularySize, int dimension, long seed) {
    Random random = new Random(seed);
    float[][] table = new float[vocabularySize][dimension];
    for (float[] row : table) {
      for (int j = 0; j < dimension; j++) {
        row[j] = 2 * random.nextFloat() - 1;
      }
    }
    return table;
  }

  /** A copy of {@code sample} with frame {@code t} of its AUs and token id replaced. */
  static Sample withFrame(Sample sample, int t, float au, int tokenId) {
    float[][] aus = new float[sample.length()][];
    for (int i = 0; i < aus.length; i++) {
      aus[i] = sample.aus()[i].clone();
    }
    java.util.Arrays.fill(aus[t], au);
    int[] ids = sample.tokenIds().clone();
    ids[t] = tokenId;
    return new Sample(
        sample.id(), sample.group(), aus, ids, sample.sequenceStarts(), sample.target());
  }
}
