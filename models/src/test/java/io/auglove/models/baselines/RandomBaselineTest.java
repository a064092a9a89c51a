package io.auglove.models.baselines;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auglove.models.ActionUnits;
import io.auglove.models.metrics.Bootstrap;
import io.auglove.models.metrics.Metric;
import io.auglove.models.regression.Predictor;
import io.auglove.models.regression.Sample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;

class RandomBaselineTest {

  private static List<Sample> samples(double... targets) {
    List<Sample> samples = new ArrayList<>(targets.length);
    for (int i = 0; i < targets.length; i++) {
      samples.add(
          Sample.of("s" + i, "p" + i, new float[1][ActionUnits.COUNT], new int[1], targets[i]));
    }
    return samples;
  }

  private static List<Sample> unlabelled(int n) {
    return samples(new double[n]);
  }

  @Test
  void drawsFollowTheTrainingTargetFrequencies() {
    // Training targets 0 ×3, 1 ×2, 2 ×1, 3 ×4: frequencies 0.3, 0.2, 0.1, 0.4.
    List<Sample> train = samples(0, 0, 0, 1, 1, 2, 3, 3, 3, 3);
    double[][] draws = new RandomBaseline(100).fit(train, List.of(), 7).draws(unlabelled(1000));
    assertEquals(100, draws.length);
    long[] observed = new long[4];
    for (double[] draw : draws) {
      assertEquals(1000, draw.length);
      for (double value : draw) {
        observed[(int) value]++;
      }
    }
    double[] expected = {0.3, 0.2, 0.1, 0.4};
    double total = 100_000;
    for (int v = 0; v < 4; v++) {
      // The standard deviation of each proportion is at most sqrt(0.25 / 100000) = 0.0016.
      assertEquals(expected[v], observed[v] / total, 0.01, "frequency of " + v);
    }
    double pValue = new ChiSquareTest().chiSquareTest(expected, observed);
    assertTrue(pValue > 0.001, "chi-square p-value " + pValue);
  }

  @Test
  void onlyTrainingValuesAppearAndAllOfThemDo() {
    List<Sample> train = samples(1.5, 7, 12, 7);
    double[][] draws = new RandomBaseline(20).fit(train, List.of(), 3).draws(unlabelled(50));
    Set<Double> seen = new TreeSet<>();
    for (double[] draw : draws) {
      for (double value : draw) {
        seen.add(value);
      }
    }
    assertEquals(Set.of(1.5, 7.0, 12.0), seen);
  }

  @Test
  void sameSeedSameDrawsOtherSeedOtherDraws() {
    List<Sample> train = samples(1, 2, 3, 4, 5);
    List<Sample> test = unlabelled(30);
    RandomBaseline baseline = new RandomBaseline(10);
    double[][] first = baseline.fit(train, List.of(), 11).draws(test);
    assertArrayEquals(first, baseline.fit(train, List.of(), 11).draws(test));
    assertFalse(Arrays.deepEquals(first, baseline.fit(train, List.of(), 12).draws(test)));
    // Validation samples change nothing.
    assertArrayEquals(first, baseline.fit(train, samples(100, 200), 11).draws(test));
  }

  @Test
  void drawsAreIndependentAndPredictIsTheFirst() {
    List<Sample> train = samples(1, 2, 3, 4, 5);
    List<Sample> test = unlabelled(30);
    Predictor predictor = new RandomBaseline(5).fit(train, List.of(), 4);
    double[][] draws = predictor.draws(test);
    assertEquals(5, draws.length);
    assertFalse(Arrays.equals(draws[0], draws[1]));
    assertArrayEquals(draws[0], predictor.predict(test));
    // Asking again gives the same values.
    assertArrayEquals(draws, predictor.draws(test));
  }

  @Test
  void bootstrapValueOverDrawsIsTheMeanOfPerDrawMetrics() {
    double[] trainTargets = new double[40];
    double[] testTargets = new double[200];
    for (int i = 0; i < trainTargets.length; i++) {
      trainTargets[i] = i % 7;
    }
    for (int i = 0; i < testTargets.length; i++) {
      testTargets[i] = (i * 13) % 7;
    }
    Predictor predictor = new RandomBaseline().fit(samples(trainTargets), List.of(), 5);
    double[][] draws = predictor.draws(samples(testTargets));
    assertEquals(RandomBaseline.DEFAULT_DRAWS, draws.length);
    Bootstrap bootstrap = new Bootstrap(2, 50);
    for (Metric m : Metric.values()) {
      double sum = 0;
      for (double[] draw : draws) {
        sum += m.of(draw, testTargets);
      }
      assertEquals(sum / draws.length, bootstrap.estimate(m, draws, testTargets).value(), 1e-12);
    }
    // Random predictions correlate with nothing: the averaged PCC is near 0 (its standard error
    // is about 1 / sqrt(200 * 100) = 0.007).
    assertEquals(0, bootstrap.estimate(Metric.PCC, draws, testTargets).value(), 0.03);
  }

  @Test
  void nameAndSettings() {
    assertEquals("Random", new RandomBaseline().name());
    assertEquals(100, new RandomBaseline().draws());
    assertEquals(3, new RandomBaseline(3).draws());
    IllegalArgumentException draws =
        assertThrows(IllegalArgumentException.class, () -> new RandomBaseline(0));
    assertTrue(draws.getMessage().contains("got 0"), draws.getMessage());
    IllegalArgumentException empty =
        assertThrows(
            IllegalArgumentException.class,
            () -> new RandomBaseline().fit(List.of(), List.of(), 1));
    assertTrue(empty.getMessage().contains("no training samples"), empty.getMessage());
  }
}
