package io.auglove.models.kmeans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ElbowTest {

  private static final int[] PAPER_KS = {100, 200, 500, 1000, 2000, 5000, 10000};

  @Test
  void kneeOfAnLShapeIsItsCorner() {
    // Scaled x = log(k/100) / log(100): 0, .151, .349, .5, .651, .849, 1.
    // Scaled y = (y - 0.8) / 3.2: 1, .531, .0625, .0469, .0313, .0156, 0; the chord is 1 - x.
    // Depth below the chord: .318, .588, .453, .319, .135: deepest at k = 500.
    double[] distances = {4.0, 2.5, 1.0, 0.95, 0.9, 0.85, 0.8};

    assertEquals(OptionalInt.of(500), Elbow.knee(PAPER_KS, distances));
  }

  @Test
  void inputOrderDoesNotMatter() {
    int[] ks = {1000, 100, 10000, 500, 2000, 200, 5000};
    double[] distances = {0.95, 4.0, 0.8, 1.0, 0.9, 2.5, 0.85};

    assertEquals(OptionalInt.of(500), Elbow.knee(ks, distances));
  }

  @Test
  void kneeIsMeasuredOnLogK() {
    // Scaled log k: 0, .5, .849, 1 (chord 1 - x); scaled y: 1, .375, 0, 0.
    // Depths: .5 - .375 = .125 at 1000, .151 at 5000: knee 5000. On a linear k axis
    // (0, .091, .495, 1) the depths would be .534 and .505, and the knee 1000.
    int[] ks = {100, 1000, 5000, 10000};
    double[] distances = {1.0, 0.375, 0.0, 0.0};

    assertEquals(OptionalInt.of(5000), Elbow.knee(ks, distances));
  }

  @Test
  void straightLineInLogKHasNoKnee() {
    double[] distances = new double[PAPER_KS.length];
    for (int i = 0; i < distances.length; i++) {
      distances[i] = 10 - Math.log(PAPER_KS[i]);
    }

    assertEquals(OptionalInt.empty(), Elbow.knee(PAPER_KS, distances));
  }

  @Test
  void concaveCurveHasNoKnee() {
    double[] distances = {1.0, 0.99, 0.97, 0.9, 0.7, 0.4, 0.0};

    assertEquals(OptionalInt.empty(), Elbow.knee(PAPER_KS, distances));
  }

  @Test
  void twoPointsHaveNoKnee() {
    assertEquals(OptionalInt.empty(), Elbow.knee(new int[] {100, 200}, new double[] {2, 1}));
  }

  @Test
  void flatCurveHasNoKnee() {
    assertEquals(OptionalInt.empty(), Elbow.knee(new int[] {1, 2, 3}, new double[] {1, 1, 1}));
  }

  @Test
  void refusesARepeatedK() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Elbow.knee(new int[] {100, 200, 100}, new double[] {3, 2, 1}));
    assertEquals("k = 100 appears more than once", e.getMessage());
  }

  @Test
  void refusesArraysOfDifferentLengths() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Elbow.knee(new int[] {100, 200}, new double[] {3, 2, 1}));
    assertEquals("ks has 2 values but meanDistances has 3", e.getMessage());
  }

  @Test
  void refusesANonFiniteDistance() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Elbow.knee(new int[] {100, 200, 300}, new double[] {3, Double.NaN, 1}));
    assertEquals("mean distance for k = 200 must be finite, got NaN", e.getMessage());
  }
}
