package io.auglove.models.kmeans;

import java.util.Arrays;

/**
 * A coarse partition of the centres that makes a cheap first guess at a row's nearest centre: about
 * √k pivots (a small k-means of the centres themselves), each centre in the cell of its nearest
 * pivot, and the guess the nearest centre in the cell of the row's nearest pivot: about 2√k
 * distances instead of k. A guess only: the exact searches check it and correct it, so it need not
 * be right, only near, which makes the check short.
 */
final class CoarseCells {

  private final int pivots;
  private final float[][] pivotsByDimension;
  private final int centres;
  private final int[] cellStart;
  private final int[] cellIds;

  /** The centres cell after cell: value d of the i-th at {@code cellsByDimension[d][i]}. */
  private final float[][] cellsByDimension;

  /** The cells of the non-empty centres ({@code present}) of {@code rowMajor}; at least one. */
  CoarseCells(float[] rowMajor, boolean[] present, int dimension) {
    int[] ids = new int[present.length];
    int m = 0;
    for (int c = 0; c < present.length; c++) {
      if (present[c]) {
        ids[m++] = c;
      }
    }
    ids = Arrays.copyOf(ids, m);
    float[] points = new float[m * dimension];
    for (int i = 0; i < m; i++) {
      System.arraycopy(rowMajor, ids[i] * dimension, points, i * dimension, dimension);
    }
    float[] means = Pivots.means(points, m, dimension, Math.max(1, (int) Math.round(Math.sqrt(m))));
    int[] cell = Pivots.nearest(points, m, dimension, means);
    // keep the pivots whose cell is not empty, so that every guess finds a centre
    int count = means.length / dimension;
    int[] size = new int[count];
    for (int i = 0; i < m; i++) {
      size[cell[i]]++;
    }
    int[] kept = new int[count];
    int keptCount = 0;
    for (int p = 0; p < count; p++) {
      kept[p] = size[p] > 0 ? keptCount++ : -1;
    }
    this.pivots = keptCount;
    this.pivotsByDimension = new float[dimension][keptCount];
    this.cellStart = new int[keptCount + 1];
    for (int p = 0; p < count; p++) {
      if (kept[p] >= 0) {
        for (int d = 0; d < dimension; d++) {
          pivotsByDimension[d][kept[p]] = means[p * dimension + d];
        }
        cellStart[kept[p] + 1] = size[p];
      }
    }
    for (int p = 0; p < keptCount; p++) {
      cellStart[p + 1] += cellStart[p];
    }
    this.centres = m;
    this.cellIds = new int[m];
    this.cellsByDimension = new float[dimension][m];
    int[] next = Arrays.copyOf(cellStart, keptCount);
    for (int i = 0; i < m; i++) {
      int slot = next[kept[cell[i]]]++;
      cellIds[slot] = ids[i];
      for (int d = 0; d < dimension; d++) {
        cellsByDimension[d][slot] = points[i * dimension + d];
      }
    }
  }

  /** The length of the scratch space {@link #guess} needs. */
  int scratchLength() {
    return Math.max(pivots, centres);
  }

  /** The nearest centre in the cell of the row's nearest pivot (ties to the first found). */
  int guess(float[] rows, int rowStart, float[] scratch) {
    CentreDistances.floatSquaredByDimension(rows, rowStart, pivotsByDimension, 0, pivots, scratch);
    int p = CentreDistances.argMin(scratch, 0, pivots);
    int from = cellStart[p];
    int to = cellStart[p + 1];
    CentreDistances.floatSquaredByDimension(rows, rowStart, cellsByDimension, from, to, scratch);
    return cellIds[CentreDistances.argMin(scratch, from, to)];
  }
}
