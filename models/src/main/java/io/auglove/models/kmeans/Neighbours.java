package io.auglove.models.kmeans;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * For each non-empty centre, its {@link #WIDTH} nearest other centres, nearest first, with their
 * distances, and its radius: a distance no other centre beyond the list is nearer than. Computed
 * per centre on demand: late in a fit few centres have rows that need them.
 */
final class Neighbours {

  /** Nearest other centres listed for each centre, for the local search. */
  static final int WIDTH = 128;

  final int width = WIDTH;
  final int[] count;
  final int[] ids;
  final double[] distances;
  final double[] radius;

  private final SortedCentres sorted;
  private final float[] centres;
  private final int dimension;
  private final AtomicIntegerArray ready;

  /** Lists computed on demand, the first time a row of a centre needs its list. */
  Neighbours(SortedCentres sorted, float[] centres, boolean[] present, int dimension) {
    int k = present.length;
    this.sorted = sorted;
    this.centres = centres;
    this.dimension = dimension;
    this.count = new int[k];
    this.ids = new int[k * width];
    this.distances = new double[k * width];
    this.radius = new double[k];
    this.ready = new AtomicIntegerArray(k);
  }

  /**
   * Makes centre c's list available. Threads that compute the same list at once write the same
   * values; the flag is set after the list, so a reader that sees it sees the list.
   */
  void ensure(int c) {
    if (ready.get(c) == 1) {
      return;
    }
    int m = sorted.count;
    float[] squared = new float[m];
    CentreDistances.floatSquaredByDimension(
        centres, c * dimension, sorted.byDimension, 0, m, squared);
    long[] keys = new long[m];
    int others = 0;
    for (int j = 0; j < m; j++) {
      if (sorted.ids[j] != c) {
        // non-negative floats sort like their bits; the id breaks ties
        keys[others++] = ((long) Float.floatToIntBits(squared[j]) << 32) | sorted.ids[j];
      }
    }
    int kept = Math.min(width, others);
    select(keys, others, kept);
    Arrays.sort(keys, 0, kept);
    for (int n = 0; n < kept; n++) {
      int id = (int) (keys[n] & 0xFFFFFFFFL);
      ids[c * width + n] = id;
      distances[c * width + n] =
          Math.sqrt(
              CentreDistances.squaredDifference(
                  centres, c * dimension, centres, id * dimension, dimension));
    }
    // the list was chosen by float keys: trust its radius only with the margin
    radius[c] =
        kept < others
            ? distances[c * width + kept - 1] * (1 - NearestTwoSearch.SLACK)
            : Double.POSITIVE_INFINITY;
    count[c] = kept;
    ready.set(c, 1);
  }

  /** Moves the {@code kept} smallest of {@code keys[0..size)} to its front (quickselect). */
  private static void select(long[] keys, int size, int kept) {
    int low = 0;
    int high = size - 1;
    while (low < high) {
      long pivot = keys[(low + high) >>> 1];
      int i = low;
      int j = high;
      while (i <= j) {
        while (keys[i] < pivot) {
          i++;
        }
        while (keys[j] > pivot) {
          j--;
        }
        if (i <= j) {
          long swap = keys[i];
          keys[i] = keys[j];
          keys[j] = swap;
          i++;
          j--;
        }
      }
      if (kept - 1 <= j) {
        high = j;
      } else if (kept - 1 >= i) {
        low = i;
      } else {
        return;
      }
    }
  }
}
