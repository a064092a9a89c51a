package io.auglove.models.kmeans;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.auglove.models.ActionUnits;
import io.auglove.models.Centroids;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class KMeansTest {

  private static final int D = ActionUnits.COUNT;

  private static KMeans.Builder kMeans(int k) {
    return KMeans.builder().setK(k).optDevice(Device.cpu());
  }

  /** Centres sorted by their first value, so that tests need not know the cluster ids. */
  private static float[][] sortedCentres(Centroids centroids) {
    float[][] rows = new float[centroids.k()][];
    for (int c = 0; c < rows.length; c++) {
      rows[c] = centroids.row(c);
    }
    Arrays.sort(rows, Comparator.comparingDouble(row -> row[0]));
    return rows;
  }

  @Test
  void findsTwoObviousSquaresExactly() {
    float[] points = {
      0, 0, 0, 2, 2, 0, 2, 2, // square around (1, 1)
      10, 10, 10, 12, 12, 10, 12, 12 // square around (11, 11)
    };

    KMeansResult result = kMeans(2).optSeed(3).build().fit(points, 8, 2);

    assertArrayEquals(new float[][] {{1, 1}, {11, 11}}, sortedCentres(result.centroids()));
    assertEquals(16, result.inertia(), 1e-9); // 8 points, each at squared distance 2
    assertEquals(Math.sqrt(2), result.meanDistance(), 1e-6);
    assertArrayEquals(new long[] {4, 4}, result.clusterSizes());
    int[] labels = result.labels();
    assertEquals(1, Arrays.stream(labels, 0, 4).distinct().count());
    assertEquals(1, Arrays.stream(labels, 4, 8).distinct().count());
    assertNotEquals(labels[0], labels[4]);
    assertTrue(result.converged());
  }

  @Test
  void findsTwoGroupsOnALine() {
    float[] points = {0, 1, 2, 10, 11, 12};

    KMeansResult result = kMeans(2).optSeed(5).build().fit(points, 6, 1);

    assertArrayEquals(new float[][] {{1}, {11}}, sortedCentres(result.centroids()));
    assertEquals(4, result.inertia(), 1e-9); // 1 + 0 + 1 twice
    assertEquals(4.0 / 6, result.meanDistance(), 1e-6);
    assertArrayEquals(new float[] {1, 0, 1, 1, 0, 1}, result.distances());
  }

  @Test
  void sameSeedGivesBitIdenticalCentres() {
    float[] frames = TestData.uniform(4000, D, 21);
    KMeans kMeans = kMeans(20).optSeed(42).optInitSampleSize(1000).build();

    KMeansResult first = kMeans.fit(frames, 4000, D);
    KMeansResult second = kMeans.fit(frames, 4000, D);
    KMeansResult otherSeed =
        kMeans(20).optSeed(43).optInitSampleSize(1000).build().fit(frames, 4000, D);

    assertArrayEquals(first.centroids().toRowMajor(), second.centroids().toRowMajor());
    assertArrayEquals(first.labels(), second.labels());
    assertArrayEquals(first.inertiaHistory(), second.inertiaHistory());
    // Uniform data have many local optima: a seed that changed nothing would not be used.
    assertFalse(Arrays.equals(first.centroids().toRowMajor(), otherSeed.centroids().toRowMajor()));
  }

  @Test
  void deviceAndHostUpdatesAgree() {
    float[] frames = TestData.blobs(5000, D, 25, 0.4, 31);
    KMeans.Builder builder =
        kMeans(30).optSeed(9).optChunkRows(700).optBounds(Bounds.NONE).optInitialisations(1);

    KMeansResult device =
        builder.optCentroidUpdate(CentroidUpdate.DEVICE).build().fit(frames, 5000, D);
    KMeansResult host = builder.optCentroidUpdate(CentroidUpdate.HOST).build().fit(frames, 5000, D);

    float[] deviceCentres = device.centroids().toRowMajor();
    float[] hostCentres = host.centroids().toRowMajor();
    for (int i = 0; i < deviceCentres.length; i++) {
      assertEquals(hostCentres[i], deviceCentres[i], 1e-4, "centre value " + i);
    }
    assertArrayEquals(host.labels(), device.labels());
    assertEquals(host.iterations(), device.iterations());
    assertEquals(host.inertia(), device.inertia(), 1e-6 * host.inertia());
  }

  @Test
  void emptyClustersAreReseededWithTheFarthestRows() {
    // 1000 copies of the origin and two far points: the k-means++ sample (3 rows) is all origin,
    // so all three initial centres coincide and two clusters start empty.
    int rows = 1002;
    float[] frames = new float[rows * 2];
    frames[2000] = 10;
    frames[2001] = 0;
    frames[2002] = 0;
    frames[2003] = 20;
    List<KMeansIteration> iterations = new ArrayList<>();

    KMeansResult result =
        kMeans(3)
            .optSeed(1)
            .optInitialisations(1)
            .optInitSampleSize(1)
            .optListener(iterations::add)
            .build()
            .fit(frames, rows, 2);

    assertTrue(iterations.get(0).reseededClusters() > 0, "reseeded " + iterations);
    assertEquals(2, iterations.stream().mapToInt(KMeansIteration::reseededClusters).sum());
    long[] sizes = result.clusterSizes();
    Arrays.sort(sizes);
    assertArrayEquals(new long[] {1, 1, 1000}, sizes);
    assertEquals(3, result.centroids().nonEmptyCount());
    assertEquals(0, result.inertia());
    assertTrue(result.converged());
  }

  @Test
  void fewerDistinctPointsThanKLeaveAnEmptyCentre() {
    float[] frames = {1, 1, 1, 1, 4, 4, 4, 4, 1, 4};

    KMeansResult result = kMeans(3).optSeed(2).build().fit(frames, 10, 1);

    assertEquals(2, result.centroids().nonEmptyCount());
    int empty = result.clusterSizes()[0] == 0 ? 0 : result.clusterSizes()[1] == 0 ? 1 : 2;
    assertEquals(0, result.clusterSizes()[empty]);
    assertNull(result.centroids().row(empty));
    assertEquals(0, result.inertia());
    assertTrue(result.converged());
  }

  @Test
  void reportsEveryIterationAndStopsAtMaxIterations() {
    float[] frames = TestData.uniform(3000, D, 41);
    List<KMeansIteration> iterations = new ArrayList<>();

    KMeansResult result =
        kMeans(15)
            .optSeed(4)
            .optInitialisations(1)
            .optMaxIterations(3)
            .optListener(iterations::add)
            .build()
            .fit(frames, 3000, D);

    assertEquals(3, result.iterations());
    assertFalse(result.converged());
    assertEquals(3, iterations.size());
    double[] history = result.inertiaHistory();
    for (int i = 0; i < 3; i++) {
      KMeansIteration iteration = iterations.get(i);
      assertEquals(i + 1, iteration.iteration());
      assertEquals(15, iteration.k());
      assertEquals(history[i], iteration.inertia());
      assertTrue(iteration.seconds() >= 0);
      if (i > 0) {
        assertTrue(history[i] <= history[i - 1], "Lloyd never raises inertia: " + iterations);
      }
    }
    assertEquals(history[2], result.inertia());
    assertEquals(iterations.get(2).meanDistance(), result.meanDistance());
  }

  @Test
  void resultIsTheAssignmentToTheReturnedCentres() {
    float[] frames = TestData.blobs(3000, D, 12, 0.5, 51);

    KMeansResult result = kMeans(12).optSeed(6).build().fit(frames, 3000, D);

    float[][] centres = new float[12][];
    for (int c = 0; c < 12; c++) {
      centres[c] = result.centroids().row(c);
    }
    int[] expected = TestData.bruteForceLabels(frames, D, centres);
    assertArrayEquals(expected, result.labels());
    long[] sizes = new long[12];
    double meanDistance = 0;
    for (int row = 0; row < 3000; row++) {
      sizes[expected[row]]++;
      meanDistance += Math.sqrt(TestData.squaredDistance(frames, D, row, centres[expected[row]]));
    }
    assertArrayEquals(sizes, result.clusterSizes());
    assertEquals(meanDistance / 3000, result.meanDistance(), 1e-6);
    assertTrue(result.converged());
    assertTrue(result.iterations() < 100);
  }

  private static void assertRefused(String message, Executable executable) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, executable);
    assertEquals(message, e.getMessage());
  }

  @Test
  void refusesKBelowOne() {
    assertRefused("k must be at least 1, got 0", () -> KMeans.builder().setK(0));
  }

  @Test
  void refusesFewerRowsThanK() {
    KMeans kMeans = kMeans(4).build();
    assertRefused("rows must be at least k = 4, got 3", () -> kMeans.fit(new float[6], 3, 2));
  }

  @Test
  void refusesADimensionMismatch() {
    KMeans kMeans = kMeans(2).build();
    assertRefused(
        "rowMajor has 7 values, expected rows x dimension = 4 x 2 = 8",
        () -> kMeans.fit(new float[7], 4, 2));
  }

  @Test
  void refusesADimensionBelowOne() {
    KMeans kMeans = kMeans(2).build();
    assertRefused("dimension must be at least 1, got 0", () -> kMeans.fit(new float[0], 4, 0));
  }

  @Test
  void refusesNonFiniteValues() {
    KMeans kMeans = kMeans(2).build();
    assertRefused(
        "row 2 value 0 is not finite: Infinity",
        () -> kMeans.fit(new float[] {0, 0, 1, 1, Float.POSITIVE_INFINITY, 0}, 3, 2));
  }

  @Test
  void refusesBadOptions() {
    KMeans.Builder builder = KMeans.builder();
    assertRefused("maxIterations must be at least 1, got 0", () -> builder.optMaxIterations(0));
    assertRefused(
        "tolerance must be a finite number >= 0, got -1.0", () -> builder.optTolerance(-1));
    assertRefused(
        "tolerance must be a finite number >= 0, got NaN", () -> builder.optTolerance(Double.NaN));
    assertRefused("initSampleSize must be at least 1, got 0", () -> builder.optInitSampleSize(0));
    assertRefused("chunkRows must be at least 1, got -5", () -> builder.optChunkRows(-5));
  }

  @Test
  void requiresK() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> KMeans.builder().build());
    assertEquals("k is required: call setK(k) with k >= 1", e.getMessage());
  }
}
