package io.auglove.models.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.auglove.models.ActionUnits;
import io.auglove.models.regression.Sample;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DynamicFeaturesTest {

  private static final int AU01 = 0;
  private static final int AU02 = 1;
  private static final int AU04 = 2;

  /** Centres 0, 1, 2, 3 for every AU but AU04, whose two levels are centred at 0.5 and 4. */
  private static DynamicFeatures.Quantiser knownQuantiser() {
    double[][] centres = new double[ActionUnits.COUNT][];
    Arrays.fill(centres, new double[] {0, 1, 2, 3});
    centres[AU04] = new double[] {0.5, 4};
    return DynamicFeatures.Quantiser.ofCentres(centres);
  }

  /**
   * Eight frames in two sequences of four. AU01 0, 1.2, 2.1, 2.9 | 1.0, 3.0, 0, 0.2, levels 0, 1,
   * 2, 3 | 1, 3, 0, 0. AU02 0.3 throughout (never active). AU04 3.0 throughout (always active).
   */
  private static Sample twoSequences() {
    float[] au01 = {0, 1.2f, 2.1f, 2.9f, 1.0f, 3.0f, 0, 0.2f};
    float[][] aus = new float[8][ActionUnits.COUNT];
    for (int t = 0; t < 8; t++) {
      aus[t][AU01] = au01[t];
      aus[t][AU02] = 0.3f;
      aus[t][AU04] = 3.0f;
    }
    return new Sample("r", "p", aus, new int[8], new int[] {0, 4}, 0);
  }

  @Test
  void levelIsTheNearestCentreAndTheLowerOnATie() {
    DynamicFeatures.Quantiser q = knownQuantiser();

    // midpoints between 0, 1, 2, 3 are 0.5, 1.5, 2.5
    assertEquals(0, q.level(AU01, 0.5));
    assertEquals(1, q.level(AU01, 0.51));
    assertEquals(1, q.level(AU01, 1.5));
    assertEquals(3, q.level(AU01, 2.51));
    assertEquals(3, q.level(AU01, 5));
    assertEquals(0, q.level(AU01, -1));
    // AU04: one midpoint, 2.25
    assertEquals(0, q.level(AU04, 2.25));
    assertEquals(1, q.level(AU04, 2.26));
  }

  @Test
  void fiveFeaturesOfAnAuByHand() {
    double[] f = knownQuantiser().features(twoSequences());

    // AU01 levels 0, 1, 2, 3 | 1, 3, 0, 0.
    // activation ratio: 5 active frames of 8 = 0.625
    assertEquals(0.625, f[0], 1e-15);
    // activation level: centres of the active frames 1 + 2 + 3 + 1 + 3 = 10, / 5 = 2
    assertEquals(2.0, f[1], 1e-15);
    // activation length: runs 1-3 (3 frames) and 4-5 (2 frames); the boundary between frames 3
    // and 4 cuts what would otherwise be one run of 5. Mean 2.5 frames / 5 fps = 0.5 s.
    assertEquals(0.5, f[2], 1e-15);
    // pairs within sequences: 0-1, 1-2, 2-3 | 1-3, 3-0, 0-0: 6 pairs (the 3-1 pair across the
    // boundary is none). Changes: 1, 1, 1 | 1, 1, 0 = 5; change ratio 5/6.
    assertEquals(5.0 / 6, f[3], 1e-15);
    // jumps of more than one level: 1-3 and 3-0 = 2; fast change ratio 2/6
    assertEquals(2.0 / 6, f[4], 1e-15);
  }

  @Test
  void anAuThatIsNeverActiveHasOnlyZeros() {
    double[] f = knownQuantiser().features(twoSequences());

    // AU02 is 0.3 throughout: level 0 in every frame.
    assertArrayEquals(new double[5], Arrays.copyOfRange(f, 5, 10));
  }

  @Test
  void anAuActiveThroughoutHasOneRunPerSequence() {
    double[] f = knownQuantiser().features(twoSequences());

    // AU04 is 3.0 throughout: level 1 (centre 4) in every frame. Ratio 1; level 4; two runs of 4
    // frames, 4 / 5 = 0.8 s; no change.
    assertArrayEquals(new double[] {1, 4, 0.8, 0, 0}, Arrays.copyOfRange(f, 10, 15), 1e-15);
  }

  @Test
  void singleFrameSequencesHaveNoChanges() {
    float[][] aus = new float[3][ActionUnits.COUNT];
    aus[0][AU01] = 0;
    aus[1][AU01] = 3;
    aus[2][AU01] = 0;
    Sample s = new Sample("r", "p", aus, new int[3], new int[] {0, 1, 2}, 0);

    double[] f = knownQuantiser().features(s);

    // one active frame of 3, centre 3, one run of 1 frame = 0.2 s, no pairs
    assertArrayEquals(new double[] {1.0 / 3, 3, 0.2, 0, 0}, Arrays.copyOfRange(f, 0, 5), 1e-15);
  }

  @Test
  void kMeansFindsTheCentresOfAKnownSet() {
    double[] sorted = {0, 0, 0, 0, 0, 0, 1, 1.2, 3, 3.2, 5};

    // Starts at 0 + (j + 0.5) * 5 / 3: 0.8333, 2.5, 4.1667; midpoints 1.6667, 3.3333 cut
    // {0 x 6, 1, 1.2} | {3, 3.2} | {5}: centres 2.2 / 8 = 0.275, 3.1, 5. The new midpoints 1.6875
    // and 4.05 cut the same blocks, so it has converged.
    assertArrayEquals(
        new double[] {0.275, 3.1, 5}, DynamicFeatures.Quantiser.kMeans1d(sorted, 3), 1e-12);
  }

  @Test
  void kMeansDropsLevelsNoValueFalls() {
    // Starts 0.625, 1.875, 3.125, 4.375; midpoints 1.25, 2.5, 3.75: {0, 0, 0} | {} | {} | {5}.
    assertArrayEquals(
        new double[] {0, 5}, DynamicFeatures.Quantiser.kMeans1d(new double[] {0, 0, 0, 5}, 4));
  }

  @Test
  void fitQuantisesEachAuOnTheTrainingFrames() {
    float[][] a = new float[4][ActionUnits.COUNT];
    float[][] b = new float[2][ActionUnits.COUNT];
    a[3][AU01] = 5;
    b[0][AU02] = 1;
    b[1][AU02] = 2;
    Sample first = Sample.of("a", "p", a, new int[4], 0);
    Sample second = Sample.of("b", "p", b, new int[2], 0);

    DynamicFeatures.Quantiser q = DynamicFeatures.Quantiser.fit(List.of(first, second), 4);

    // AU01 frames 0, 0, 0, 5, 0, 0: levels at 0 and 5 (the two between stay empty).
    assertArrayEquals(new double[] {0, 5}, q.centres(AU01));
    // AU02 frames 0, 0, 0, 0, 1, 2: starts 0.25, 0.75, 1.25, 1.75; midpoints 0.5, 1, 1.5 cut
    // {0 x 4} | {1} | {} | {2}.
    assertArrayEquals(new double[] {0, 1, 2}, q.centres(AU02));
    // AU04 is 0 everywhere: a single level, never active.
    assertArrayEquals(new double[] {0}, q.centres(AU04));
    assertEquals(0, q.level(AU04, 5));
    // The order of the training samples does not matter.
    DynamicFeatures.Quantiser reversed = DynamicFeatures.Quantiser.fit(List.of(second, first), 4);
    for (int au = 0; au < ActionUnits.COUNT; au++) {
      assertArrayEquals(q.centres(au), reversed.centres(au));
    }
  }

  @Test
  void rejectsCentresThatDoNotIncrease() {
    double[][] centres = new double[ActionUnits.COUNT][];
    Arrays.fill(centres, new double[] {0, 1});
    centres[3] = new double[] {1, 1};

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> DynamicFeatures.Quantiser.ofCentres(centres));
    assertEquals(
        "dynamic features: AU05's centres must be finite and strictly increasing, got [1.0, 1.0]",
        e.getMessage());
  }

  @Test
  void rejectsFewerThanTwoLevels() {
    Sample s = Sample.of("a", "p", new float[1][ActionUnits.COUNT], new int[1], 0);

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> DynamicFeatures.Quantiser.fit(List.of(s), 1));
    assertEquals("dynamic features: levels must be at least 2, got 1", e.getMessage());
  }

  @Test
  void namesFollowTheActionUnitsInGroupsOfFive() {
    assertEquals(85, DynamicFeatures.names().size());
    assertEquals(
        List.of(
            "AU01_activation_ratio",
            "AU01_activation_level",
            "AU01_activation_length",
            "AU01_change_ratio",
            "AU01_fast_change_ratio",
            "AU02_activation_ratio"),
        DynamicFeatures.names().subList(0, 6));
    assertEquals("AU45_fast_change_ratio", DynamicFeatures.names().get(84));
  }
}
