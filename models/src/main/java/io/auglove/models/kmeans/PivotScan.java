package io.auglove.models.kmeans;

import java.util.Arrays;

/**
 * Each pivot's centres in order of their distance from it, stored by dimension, for a scan that
 * finds a row's nearest centre in a few blocks of vector instructions, whatever the order of the
 * rows. By the triangle inequality a centre c lies at least d(p, c) − d(p, x) from a row x, so with
 * the row's nearest pivot p and the best centre found so far at distance u, only the centres with
 * d(p, c) ≤ d(p, x) + u can be nearer: a prefix of p's list, which shrinks as u does.
 *
 * <p>A list holds at most {@link #MAX_LIST} centres, which bounds the memory at large k (80 bytes
 * per pivot and centre: 7.6 MB at k = 1000, 25 MB at k = 10,000); a row whose prefix runs past its
 * list's end is left unsettled for a full search.
 */
final class PivotScan {

  /** Centres whose distances are computed at once, and the first block scanned. */
  private static final int BLOCK = 64;

  /**
   * Pivots per √k: more pivots are more distances per row to find its pivot, and shorter scans
   * (measured fastest at k = 1000 and 10,000 among 0.5, 1, 2, 3 and 4).
   */
  private static final double PIVOTS_PER_ROOT = 3;

  /** The longest list of centres per pivot. */
  private static final int MAX_LIST = 1024;

  private final int pivots;
  private final float[][] pivotsByDimension;
  private final int length;
  private final boolean complete;

  /** Pivot p's centres: value d of its i-th centre at {@code lists[p][d][i]}. */
  private final float[][][] lists;

  private final int[] ids;

  /** d(p, i-th centre of p) at {@code p * length + i}, ascending in i. */
  private final double[] reach;

  /** The lists of the non-empty centres ({@code present}, at least one) of {@code rowMajor}. */
  PivotScan(float[] rowMajor, boolean[] present, int dimension) {
    int m = 0;
    for (boolean p : present) {
      m += p ? 1 : 0;
    }
    int[] presentIds = new int[m];
    float[] points = new float[m * dimension];
    for (int c = 0, i = 0; c < present.length; c++) {
      if (present[c]) {
        System.arraycopy(rowMajor, c * dimension, points, i * dimension, dimension);
        presentIds[i++] = c;
      }
    }
    this.pivots = Math.min(m, (int) Math.round(PIVOTS_PER_ROOT * Math.sqrt(m)));
    float[] means = Pivots.means(points, m, dimension, pivots);
    this.pivotsByDimension = new float[dimension][pivots];
    for (int p = 0; p < pivots; p++) {
      for (int d = 0; d < dimension; d++) {
        pivotsByDimension[d][p] = means[p * dimension + d];
      }
    }
    this.length = Math.min(m, MAX_LIST);
    this.complete = length == m;
    this.lists = new float[pivots][dimension][length];
    this.ids = new int[pivots * length];
    this.reach = new double[pivots * length];
    Integer[] order = new Integer[m];
    double[] distance = new double[present.length];
    float[] pivot = new float[dimension];
    for (int p = 0; p < pivots; p++) {
      for (int d = 0; d < dimension; d++) {
        pivot[d] = pivotsByDimension[d][p];
      }
      for (int i = 0; i < m; i++) {
        int c = presentIds[i];
        distance[c] =
            Math.sqrt(
                CentreDistances.squaredDifference(pivot, 0, rowMajor, c * dimension, dimension));
        order[i] = c;
      }
      // By distance, ties by id, so that the lists do not depend on the sort's stability.
      Arrays.sort(
          order,
          (a, b) -> {
            int byDistance = Double.compare(distance[a], distance[b]);
            return byDistance != 0 ? byDistance : Integer.compare(a, b);
          });
      for (int i = 0; i < length; i++) {
        int c = order[i];
        ids[p * length + i] = c;
        reach[p * length + i] = distance[c];
        for (int d = 0; d < dimension; d++) {
          lists[p][d][i] = rowMajor[c * dimension + d];
        }
      }
    }
  }

  /** The length of the scratch space {@link #scan} needs. */
  int scratchLength() {
    return Math.max(pivots, length);
  }

  /**
   * Searches the row's nearest centre in the list of its nearest pivot, into {@code search} (reset
   * by the caller, which may have considered centres already). Returns true when the best found is
   * the row's nearest centre; false when the list ran out first, the best so far then the start of
   * a full search.
   */
  boolean scan(float[] rows, int rowStart, NearestTwoSearch search, float[] scratch) {
    CentreDistances.floatSquaredByDimension(rows, rowStart, pivotsByDimension, 0, pivots, scratch);
    int p = CentreDistances.argMin(scratch, 0, pivots);
    double toPivot = Math.sqrt(scratch[p]);
    int listStart = p * length;
    float[][] list = lists[p];
    int i = 0;
    while (i < length) {
      double limit = (toPivot + Math.sqrt(search.bestSquared)) * (1 + NearestTwoSearch.SLACK);
      if (reach[listStart + i] > limit) {
        return true;
      }
      int end = Math.min(length, i + BLOCK);
      CentreDistances.floatSquaredByDimension(rows, rowStart, list, i, end, scratch);
      for (int j = i; j < end; j++) {
        if (scratch[j] <= search.bestSquared) {
          search.consider(ids[listStart + j], scratch[j]);
        }
      }
      i = end;
    }
    return complete;
  }
}
