package io.auglove.models.kmeans;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BoundedLloydTest {

  private static final int D = 5;

  private static KMeans.Builder lloyd(int k, Bounds bounds) {
    return KMeans.builder()
        .setK(k)
        .optSeed(3)
        .optInitialisations(1)
        .optTolerance(0)
        .optMaxIterations(40)
        .optBounds(bounds);
  }

  @Test
  void boundedGivesThePlainLloydIterationsFromTheSameStart() {
    float[] frames = TestData.blobs(4000, D, 30, 0.5, 17);

    KMeansResult plain = lloyd(40, Bounds.NONE).build().fit(frames, 4000, D);
    KMeansResult bounded = lloyd(40, Bounds.HAMERLY).build().fit(frames, 4000, D);

    assertArrayEquals(plain.labels(), bounded.labels());
    assertArrayEquals(plain.centroids().toRowMajor(), bounded.centroids().toRowMajor());
    assertArrayEquals(plain.inertiaHistory(), bounded.inertiaHistory());
    assertEquals(plain.iterations(), bounded.iterations());
  }

  @Test
  void boundedSkipsMostRowsOnceTheCentresSettle() {
    float[] frames = TestData.blobs(4000, D, 30, 0.5, 18);
    List<KMeansIteration> iterations = new ArrayList<>();

    lloyd(40, Bounds.HAMERLY).optListener(iterations::add).build().fit(frames, 4000, D);

    KMeansIteration last = iterations.get(iterations.size() - 1);
    assertTrue(last.searchedRows() < 4000 / 10, "searched " + last.searchedRows());
  }

  @Test
  void boundedLabelsAreTheBruteForceNearestWithTiesToTheLowestId() {
    // Integer points and centres on a small grid: many exact ties, duplicate centres, an empty one.
    Random random = new Random(5);
    int rows = 3000;
    int k = 60;
    float[] frames = new float[rows * D];
    for (int i = 0; i < frames.length; i++) {
      frames[i] = random.nextInt(4);
    }
    try (Workers workers = Workers.of(3)) {
      BoundedNearest bounded = new BoundedNearest(frames, rows, D, workers);
      float[] centres = new float[k * D];
      boolean[] present = new boolean[k];
      for (int step = 0; step < 12; step++) {
        for (int c = 0; c < k; c++) {
          present[c] = c != 7 || step % 3 != 0;
          for (int d = 0; d < D; d++) {
            // small moves most of the time, a jump now and then
            float move = random.nextInt(10) == 0 ? random.nextInt(3) - 1 : 0;
            centres[c * D + d] =
                step == 0 ? random.nextInt(4) : Math.max(0, Math.min(3, centres[c * D + d] + move));
          }
        }
        System.arraycopy(centres, 0, centres, 10 * D, D); // centre 10 duplicates centre 0

        int[] labels = bounded.labels(centres, present, workers);

        assertArrayEquals(
            TestData.floatBruteForceLabels(frames, rows, D, centres, present),
            labels,
            "step " + step);
      }
    }
  }

  @Test
  void aGuessDoesNotChangeTheLabels() {
    float[] frames = TestData.blobs(2000, D, 20, 0.7, 19);
    float[] centres = Arrays.copyOf(frames, 50 * D);
    boolean[] present = new boolean[50];
    Arrays.fill(present, true);
    int[] wrongGuess = new int[2000]; // every row guessed at centre 0
    try (Workers workers = Workers.of(2)) {
      int[] guessed =
          new BoundedNearest(frames, 2000, D, workers)
              .labels(centres, present, wrongGuess, workers);
      assertArrayEquals(TestData.floatBruteForceLabels(frames, 2000, D, centres, present), guessed);
    }
  }

  @Test
  void threadsDoNotChangeTheFit() {
    float[] frames = TestData.blobs(3000, D, 25, 0.6, 20);
    for (Bounds bounds : Bounds.values()) {
      KMeansResult one = lloyd(30, bounds).optThreads(1).build().fit(frames, 3000, D);
      KMeansResult three = lloyd(30, bounds).optThreads(3).build().fit(frames, 3000, D);
      assertArrayEquals(one.labels(), three.labels(), bounds.name());
      assertArrayEquals(one.centroids().toRowMajor(), three.centroids().toRowMajor());
      assertArrayEquals(one.inertiaHistory(), three.inertiaHistory());
    }
  }
}
