package io.auglove.models.kmeans;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CentreDistancesTest {

  @Test
  void distancesByDimensionAreTheOneCentreDistancesBitForBit() {
    // Every dimension count around the groups of four the kernel adds at once, and the 17 AUs;
    // values of very different magnitudes, where a change in the order of the additions shows.
    Random random = new Random(3);
    for (int dimension : new int[] {1, 2, 3, 4, 5, 7, 8, 9, 12, 17}) {
      int centres = 70;
      float[] row = new float[dimension];
      float[] rowMajor = new float[centres * dimension];
      for (int d = 0; d < dimension; d++) {
        row[d] = value(random);
      }
      for (int n = 0; n < rowMajor.length; n++) {
        rowMajor[n] = value(random);
      }
      float[][] byDimension = new float[dimension][centres];
      for (int c = 0; c < centres; c++) {
        for (int d = 0; d < dimension; d++) {
          byDimension[d][c] = rowMajor[c * dimension + d];
        }
      }
      float[] out = new float[centres];
      out[2] = -1; // left alone: outside the range asked for
      CentreDistances.floatSquaredByDimension(row, 0, byDimension, 3, centres, out);
      assertEquals(-1f, out[2]);
      for (int c = 3; c < centres; c++) {
        float expected = CentreDistances.floatSquared(row, 0, rowMajor, c * dimension, dimension);
        assertEquals(
            Float.floatToIntBits(expected),
            Float.floatToIntBits(out[c]),
            "dimension " + dimension + ", centre " + c);
      }
    }
  }

  private static float value(Random random) {
    return (float) (random.nextGaussian() * Math.pow(10, random.nextInt(7) - 3));
  }
}
