package io.auglove.models.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.auglove.models.ActionUnits;
import io.auglove.models.regression.Sample;
import org.junit.jupiter.api.Test;

class StaticFeaturesTest {

  private static final int AU01 = 0;
  private static final int AU02 = 1;
  private static final int AU45 = 16;

  /** Six frames in two sequences of three: AU01 1, 2, 4 | 0, 0, 3; AU02 2.5 throughout. */
  private static Sample twoSequences() {
    float[][] aus = new float[6][ActionUnits.COUNT];
    float[] au01 = {1, 2, 4, 0, 0, 3};
    float[] au45 = {0.5f, 0.25f, 0, 0, 0, 0};
    for (int t = 0; t < 6; t++) {
      aus[t][AU01] = au01[t];
      aus[t][AU02] = 2.5f;
      aus[t][AU45] = au45[t];
    }
    return new Sample("r", "p", aus, new int[6], new int[] {0, 3}, 1.0);
  }

  @Test
  void meanStdAndDiffOfTwoSequencesByHand() {
    double[] f = StaticFeatures.of(twoSequences());

    // AU01: mean = (1 + 2 + 4 + 0 + 0 + 3) / 6 = 10 / 6 = 1.6666666666666667
    assertEquals(10.0 / 6, f[0], 1e-15);
    // deviations -2/3, 1/3, 7/3, -5/3, -5/3, 4/3; squares sum to 120/9; / 6 = 20/9;
    // std = sqrt(20/9) = 1.4907119849998598 (population, as numpy.std)
    assertEquals(1.4907119849998598, f[1], 1e-15);
    // differences within sequences: 2-1 = 1, 4-2 = 2 | 0-0 = 0, 3-0 = 3: sum 6 over 4 pairs = 1.5
    // (counting the 4 -> 0 pair across the boundary would give (6 - 4) / 5 = 0.4)
    assertEquals(1.5, f[2], 1e-15);
  }

  @Test
  void constantAuHasItsValueAsMeanAndNoSpreadOrChange() {
    double[] f = StaticFeatures.of(twoSequences());

    assertArrayEquals(new double[] {2.5, 0, 0}, new double[] {f[3], f[4], f[5]}, 1e-15);
  }

  @Test
  void lastAuIsLastInTheVector() {
    double[] f = StaticFeatures.of(twoSequences());

    // AU45: 0.5, 0.25, 0 | 0, 0, 0. mean = 0.75 / 6 = 0.125
    // deviations 0.375, 0.125, -0.125 x 4: squares 0.140625 + 0.015625 + 4 x 0.015625 = 0.21875
    // std = sqrt(0.21875 / 6) = sqrt(0.036458333333333336) = 0.19094065395649334
    // diff: (0.25 - 0.5) + (0 - 0.25) | 0 + 0 = -0.5 over 4 pairs = -0.125
    assertEquals(51, f.length);
    assertEquals(0.125, f[48], 1e-15);
    assertEquals(0.19094065395649334, f[49], 1e-15);
    assertEquals(-0.125, f[50], 1e-15);
    // Every AU not set is 0 in every frame.
    for (int i = 6; i < 48; i++) {
      assertEquals(0, f[i], "feature " + StaticFeatures.names().get(i));
    }
  }

  @Test
  void singleFrameSequencesHaveNoDifferences() {
    float[][] aus = new float[3][ActionUnits.COUNT];
    aus[0][AU01] = 0;
    aus[1][AU01] = 3;
    aus[2][AU01] = 6;
    Sample s = new Sample("r", "p", aus, new int[3], new int[] {0, 1, 2}, 0);

    double[] f = StaticFeatures.of(s);

    // mean 3; deviations -3, 0, 3; std = sqrt(18 / 3) = sqrt(6); no within-sequence pair: diff 0
    assertEquals(3, f[0], 1e-15);
    assertEquals(Math.sqrt(6), f[1], 1e-15);
    assertEquals(0, f[2]);
  }

  @Test
  void oneSequenceCountsEveryPair() {
    float[][] aus = new float[3][ActionUnits.COUNT];
    aus[0][AU01] = 0;
    aus[1][AU01] = 3;
    aus[2][AU01] = 6;
    Sample s = Sample.of("r", "p", aus, new int[3], 0);

    // (3 - 0) + (6 - 3) = 6 over 2 pairs
    assertEquals(3, StaticFeatures.of(s)[2], 1e-15);
  }

  @Test
  void namesFollowTheActionUnitsInGroupsOfThree() {
    assertEquals(StaticFeatures.COUNT, StaticFeatures.names().size());
    assertEquals("AU01_mean", StaticFeatures.names().get(0));
    assertEquals("AU01_std", StaticFeatures.names().get(1));
    assertEquals("AU01_diff", StaticFeatures.names().get(2));
    assertEquals("AU02_mean", StaticFeatures.names().get(3));
    assertEquals("AU45_diff", StaticFeatures.names().get(50));
  }
}
