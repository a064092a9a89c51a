package io.auglove.models.kmeans;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.auglove.models.Centroids;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExactNearestTest {

  private static final int D = 5;

  @Test
  void labelsAreTheBruteForceNearestWithTiesToTheLowestId() {
    // Integer points and centres on a small grid: many exact ties, a duplicate centre, an empty
    // one.
    Random random = new Random(5);
    int rows = 3000;
    int k = 60;
    float[] frames = grid(rows * D, random);
    float[][] centres = new float[k][];
    for (int c = 0; c < k; c++) {
      centres[c] = grid(D, random);
    }
    centres[10] = centres[0].clone();
    centres[7] = null;

    assertExact(frames, rows, centres);
  }

  @Test
  void rowsInRunsBeyondTheNeighbourListsGetTheBruteForceNearest() {
    // 400 centres: a centre's 128 listed neighbours do not cover the others, so rows that the local
    // search cannot settle search by norm. Runs of rows near one blob, as frames of a sequence are.
    int rows = 6000;
    float[] blobs = TestData.blobs(rows, D, 40, 0.8, 21);
    float[] frames = new float[rows * D];
    Random random = new Random(22);
    for (int row = 0; row < rows; ) {
      int source = random.nextInt(rows);
      for (int run = 1 + random.nextInt(12); run > 0 && row < rows; run--, row++) {
        for (int d = 0; d < D; d++) {
          frames[row * D + d] = blobs[source * D + d] + (float) (0.2 * random.nextGaussian());
        }
      }
    }
    float[][] centres = new float[400][];
    for (int c = 0; c < centres.length; c++) {
      centres[c] = Arrays.copyOfRange(blobs, (rows - 1 - c) * D, (rows - c) * D);
    }

    assertExact(frames, rows, centres);
  }

  @Test
  void rowsInRandomOrderGetTheBruteForceNearest() {
    // Each row far from the last one's centre: most rows search by norm.
    int rows = 6000;
    float[] frames = TestData.blobs(rows, D, 40, 0.8, 31);
    float[][] centres = new float[400][];
    Random random = new Random(32);
    for (int c = 0; c < centres.length; c++) {
      int source = random.nextInt(rows);
      centres[c] = Arrays.copyOfRange(frames, source * D, (source + 1) * D);
    }

    assertExact(frames, rows, centres);
  }

  @Test
  void rowsBeyondTheEndOfTheirPivotsListGetTheBruteForceNearest() {
    // 1500 centres: more than a pivot lists, so rows far from every centre run past the end of
    // their list and search by norm; the rest settle in their list.
    int rows = 4000;
    float[] frames = TestData.blobs(rows, D, 60, 0.8, 41);
    Random random = new Random(42);
    for (int row = 0; row < rows; row += 10) {
      for (int d = 0; d < D; d++) {
        frames[row * D + d] = (float) (40 * random.nextGaussian());
      }
    }
    float[][] centres = new float[1500][];
    for (int c = 0; c < centres.length; c++) {
      int source = random.nextInt(rows);
      centres[c] = Arrays.copyOfRange(frames, source * D, (source + 1) * D);
    }

    assertExact(frames, rows, centres);
  }

  @Test
  void threadsDoNotChangeTheAssignment() {
    // Enough rows for several parts, each starting its search afresh.
    int rows = 20_000;
    float[] frames = TestData.blobs(rows, D, 30, 0.6, 23);
    float[][] centres = new float[200][];
    for (int c = 0; c < centres.length; c++) {
      centres[c] = Arrays.copyOfRange(frames, c * 7 * D, (c * 7 + 1) * D);
    }
    ExactNearest nearest = ExactNearest.of(Centroids.of(centres));

    Assignment one = nearest.assign(frames, rows);
    Assignment three = nearest.assign(frames, rows, 3);

    assertArrayEquals(one.labels(), three.labels());
    assertArrayEquals(one.distances(), three.distances());
    assertEquals(one.inertia(), three.inertia());
  }

  @Test
  void refusesAValueThatIsNotFinite() {
    float[] frames = new float[2 * D];
    frames[D + 3] = Float.NaN;
    ExactNearest nearest = ExactNearest.of(Centroids.of(new float[][] {new float[D]}));

    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> nearest.assign(frames, 2));

    assertEquals("row 1 value 3 is not finite: NaN", error.getMessage());
  }

  /** The search's labels are the brute force's, and its distances are to those centres. */
  private static void assertExact(float[] frames, int rows, float[][] centres) {
    Assignment assignment = ExactNearest.of(Centroids.of(centres)).assign(frames, rows);

    assertArrayEquals(bruteForce(frames, rows, centres), assignment.labels());
    assertDistancesAreToTheLabels(frames, centres, assignment);
  }

  private static float[] grid(int values, Random random) {
    float[] grid = new float[values];
    for (int i = 0; i < values; i++) {
      grid[i] = random.nextInt(4);
    }
    return grid;
  }

  private static int[] bruteForce(float[] frames, int rows, float[][] centres) {
    float[] rowMajor = new float[centres.length * D];
    boolean[] present = new boolean[centres.length];
    for (int c = 0; c < centres.length; c++) {
      if (centres[c] != null) {
        present[c] = true;
        System.arraycopy(centres[c], 0, rowMajor, c * D, D);
      }
    }
    return TestData.floatBruteForceLabels(frames, rows, D, rowMajor, present);
  }

  private static void assertDistancesAreToTheLabels(
      float[] frames, float[][] centres, Assignment assignment) {
    double inertia = 0;
    for (int row = 0; row < assignment.size(); row++) {
      double squared = TestData.squaredDistance(frames, D, row, centres[assignment.label(row)]);
      assertEquals((float) Math.sqrt(squared), assignment.distance(row), "row " + row);
      inertia += squared;
    }
    assertEquals(inertia, assignment.inertia(), 1e-9 * inertia);
  }
}
