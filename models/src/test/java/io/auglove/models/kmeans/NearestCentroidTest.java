package io.auglove.models.kmeans;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.Device;
import io.auglove.models.ActionUnits;
import io.auglove.models.Centroids;
import org.junit.jupiter.api.Test;

class NearestCentroidTest {

  private static final int D = ActionUnits.COUNT;

  /** 40 random centres with centre 20 empty. */
  private static float[][] centresWithEmptyMiddle() {
    float[] values = TestData.uniform(40, D, 11);
    float[][] centres = new float[40][];
    for (int c = 0; c < 40; c++) {
      if (c != 20) {
        centres[c] = java.util.Arrays.copyOfRange(values, c * D, (c + 1) * D);
      }
    }
    return centres;
  }

  @Test
  void matchesBruteForceWithAnEmptyCentre() {
    float[][] centres = centresWithEmptyMiddle();
    int rows = 3000;
    float[] frames = TestData.uniform(rows, D, 12);
    int[] expected = TestData.bruteForceLabels(frames, D, centres);

    Assignment assignment;
    try (NearestCentroid nearest = NearestCentroid.create(Centroids.of(centres), Device.cpu())) {
      assignment = nearest.assign(frames, rows);
    }

    assertArrayEquals(expected, assignment.labels());
    double sumOfSquares = 0;
    double sumOfDistances = 0;
    for (int row = 0; row < rows; row++) {
      double squared = TestData.squaredDistance(frames, D, row, centres[expected[row]]);
      assertEquals(Math.sqrt(squared), assignment.distance(row), 1e-4, "row " + row);
      sumOfSquares += squared;
      sumOfDistances += Math.sqrt(squared);
    }
    assertEquals(0, assignment.clusterSizes(40)[20]);
    assertEquals(sumOfSquares, assignment.inertia(), 1e-9 * sumOfSquares);
    assertEquals(sumOfDistances / rows, assignment.meanDistance(), 1e-6);
  }

  @Test
  void chunkBoundariesDoNotChangeTheAssignment() {
    float[][] centres = centresWithEmptyMiddle();
    int rows = 2049; // default chunks: 2048 + 1
    float[] frames = TestData.uniform(rows, D, 13);
    int[] expected = TestData.bruteForceLabels(frames, D, centres);
    Centroids centroids = Centroids.of(centres);

    for (int chunkRows : new int[] {1, 7, 2048, 5000}) {
      try (NearestCentroid nearest = NearestCentroid.create(centroids, Device.cpu(), chunkRows)) {
        assertArrayEquals(
            expected, nearest.assign(frames, rows).labels(), "chunkRows " + chunkRows);
      }
    }
  }

  @Test
  void emptyCentreIsNeverChosenEvenForARowOnItsPlace() {
    // An empty centre is stored as zeros: a row at the origin sits where it would be.
    Centroids centroids = Centroids.of(new float[][] {null, {3, 4}, {6, 8}});
    float[] frames = {0, 0, 6, 8, 3, 4};

    try (NearestCentroid nearest = NearestCentroid.create(centroids, Device.cpu())) {
      Assignment assignment = nearest.assign(frames, 3);

      assertArrayEquals(new int[] {1, 2, 1}, assignment.labels());
      assertArrayEquals(new float[] {5, 0, 0}, assignment.distances());
      assertEquals(25, assignment.inertia(), 0);
      assertEquals(5.0 / 3, assignment.meanDistance(), 1e-12);
    }
  }

  @Test
  void noRowsGiveAnEmptyAssignment() {
    try (NearestCentroid nearest =
        NearestCentroid.create(Centroids.of(new float[][] {{1, 2}}), Device.cpu())) {
      Assignment assignment = nearest.assign(new float[0], 0);

      assertEquals(0, assignment.size());
      assertEquals(0, assignment.inertia());
      assertEquals(0, assignment.meanDistance());
    }
  }

  @Test
  void chunksLeaveNoArrayBehind() {
    float[][] centres = centresWithEmptyMiddle();
    float[] frames = TestData.uniform(1000, D, 14);
    try (NearestCentroid nearest = NearestCentroid.create(Centroids.of(centres), Device.cpu(), 64);
        DeviceClusterSums sums = new DeviceClusterSums(Device.cpu(), 40, D)) {
      int before = nearest.managedArrayCount();

      nearest.assign(frames, 1000, sums);
      nearest.assign(frames, 1000, sums);

      assertEquals(1, before); // -2C^T with the row of ||c||^2
      assertEquals(before, nearest.managedArrayCount());
      assertEquals(1, sums.managedArrayCount()); // the k x d total only
    }
  }

  @Test
  void refusesRowsOfTheWrongLength() {
    try (NearestCentroid nearest =
        NearestCentroid.create(Centroids.of(new float[][] {{1, 2}}), Device.cpu())) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> nearest.assign(new float[5], 3));
      assertEquals("rowMajor has 5 values, expected rows x dimension = 3 x 2 = 6", e.getMessage());
    }
  }

  @Test
  void refusesNonFiniteValues() {
    try (NearestCentroid nearest =
        NearestCentroid.create(Centroids.of(new float[][] {{1, 2}}), Device.cpu())) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> nearest.assign(new float[] {0, 0, 1, Float.NaN}, 2));
      assertEquals("row 1 value 1 is not finite: NaN", e.getMessage());
    }
  }

  @Test
  void refusesChunkRowsBelowOne() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> NearestCentroid.create(Centroids.of(new float[][] {{1}}), Device.cpu(), 0));
    assertEquals("chunkRows must be at least 1, got 0", e.getMessage());
  }
}
