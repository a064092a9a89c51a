package io.auglove.models.kmeans;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Picks the rows that re-seed empty clusters: those farthest from their assigned centre. */
final class FarthestRows {

  private FarthestRows() {}

  /**
   * Up to {@code wanted} rows, farthest from their centre first (equal distances: lower row first).
   * Skips rows that sit on their centre and rows with the same values as a row already picked, so
   * that two empty clusters never get the same new centre; returns fewer rows when the data hold
   * fewer such points.
   */
  static int[] pick(float[] rowMajor, int dimension, float[] distances, int wanted) {
    // Distances are >= 0, so their float bits sort like the floats; the low half puts lower rows
    // last among equals, so that reading the sorted keys backwards takes them first.
    long[] keys = new long[distances.length];
    int candidates = 0;
    for (int row = 0; row < distances.length; row++) {
      if (distances[row] > 0) {
        keys[candidates++] =
            ((long) Float.floatToIntBits(distances[row]) << 32) | (0xFFFFFFFFL - row);
      }
    }
    Arrays.sort(keys, 0, candidates);
    List<Integer> picked = new ArrayList<>();
    for (int i = candidates - 1; i >= 0 && picked.size() < wanted; i--) {
      int row = (int) (0xFFFFFFFFL - (keys[i] & 0xFFFFFFFFL));
      if (!samePointAsAny(rowMajor, dimension, row, picked)) {
        picked.add(row);
      }
    }
    return picked.stream().mapToInt(Integer::intValue).toArray();
  }

  private static boolean samePointAsAny(
      float[] rowMajor, int dimension, int row, List<Integer> others) {
    for (int other : others) {
      if (Arrays.equals(
          rowMajor,
          row * dimension,
          (row + 1) * dimension,
          rowMajor,
          other * dimension,
          (other + 1) * dimension)) {
        return true;
      }
    }
    return false;
  }
}
