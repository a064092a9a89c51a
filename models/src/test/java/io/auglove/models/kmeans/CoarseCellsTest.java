package io.auglove.models.kmeans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CoarseCellsTest {

  private static final int D = 5;

  private static float[] randomCentres(int k, long seed) {
    Random random = new Random(seed);
    float[] centres = new float[k * D];
    for (int i = 0; i < centres.length; i++) {
      centres[i] = (float) (5 * random.nextDouble());
    }
    return centres;
  }

  @Test
  void aRowAtACentreIsGuessedThatCentre() {
    // the row's nearest pivot is its centre's, whose cell holds the centre at distance 0
    int k = 300;
    float[] centres = randomCentres(k, 1);
    boolean[] present = new boolean[k];
    Arrays.fill(present, true);
    CoarseCells cells = new CoarseCells(centres, present, D);
    float[] scratch = new float[cells.scratchLength()];
    for (int c = 0; c < k; c++) {
      assertEquals(c, cells.guess(centres, c * D, scratch), "centre " + c);
    }
  }

  @Test
  void everyGuessIsAPresentCentreNearerThanMostOthers() {
    int k = 200;
    float[] centres = randomCentres(k, 2);
    boolean[] present = new boolean[k];
    for (int c = 0; c < k; c++) {
      present[c] = c % 3 != 0;
    }
    CoarseCells cells = new CoarseCells(centres, present, D);
    float[] scratch = new float[cells.scratchLength()];
    float[] rows = randomCentres(2_000, 3);
    double rankSum = 0;
    for (int row = 0; row < 2_000; row++) {
      int guess = cells.guess(rows, row * D, scratch);
      assertTrue(present[guess], "guessed an empty centre " + guess);
      float guessed = CentreDistances.floatSquared(rows, row * D, centres, guess * D, D);
      int nearer = 0;
      for (int c = 0; c < k; c++) {
        if (present[c]
            && CentreDistances.floatSquared(rows, row * D, centres, c * D, D) < guessed) {
          nearer++;
        }
      }
      rankSum += nearer;
    }
    // a guess, not the answer: but on average among the few nearest of 133 centres
    double meanRank = rankSum / 2_000;
    assertTrue(meanRank < 5, "mean number of centres nearer than the guess: " + meanRank);
  }

  @Test
  void oneCentreIsAlwaysTheGuess() {
    float[] centre = {1, 2, 3, 4, 5};
    CoarseCells cells = new CoarseCells(centre, new boolean[] {true}, D);
    float[] rows = randomCentres(10, 4);
    for (int row = 0; row < 10; row++) {
      assertEquals(0, cells.guess(rows, row * D, new float[cells.scratchLength()]));
    }
  }
}
