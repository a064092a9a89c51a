package io.auglove.models.kmeans;

import java.util.Arrays;
import java.util.Random;

/**
 * A coarse partition of the centres that makes a cheap first guess at a row's nearest centre: about
 * √k pivots (a small k-means of the centres themselves), each centre in the cell of its nearest
 * pivot, and the guess the nearest centre in the cell of the row's nearest pivot: about 2√k
 * distances instead of k. A guess only: the exact searches check it and correct it, so it need not
 * be right, only near, which makes the check short.
 */
final class CoarseCells {

  /** Lloyd iterations of the pivots' k-means over the centres. */
  private static final int ITERATIONS = 5;

  private final int dimension;
  private final int pivots;
  private final float[] pivotsByDimension;
  private final int centres;
  private final int[] cellStart;
  private final int[] cellIds;
  private final float[] cellsByDimension;
  private final int largest;

  /** The cells of the non-empty centres ({@code present}) of {@code rowMajor}; at least one. */
  CoarseCells(float[] rowMajor, boolean[] present, int dimension) {
    this.dimension = dimension;
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
    float[] means = pivots(points, m, Math.max(1, (int) Math.round(Math.sqrt(m))));
    int[] cell = nearest(points, m, means);
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
    this.pivotsByDimension = new float[dimension * keptCount];
    this.cellStart = new int[keptCount + 1];
    int most = 0;
    for (int p = 0; p < count; p++) {
      if (kept[p] >= 0) {
        for (int d = 0; d < dimension; d++) {
          pivotsByDimension[d * keptCount + kept[p]] = means[p * dimension + d];
        }
        cellStart[kept[p] + 1] = size[p];
        most = Math.max(most, size[p]);
      }
    }
    for (int p = 0; p < keptCount; p++) {
      cellStart[p + 1] += cellStart[p];
    }
    this.centres = m;
    this.cellIds = new int[m];
    this.cellsByDimension = new float[dimension * m];
    int[] next = Arrays.copyOf(cellStart, keptCount);
    for (int i = 0; i < m; i++) {
      int slot = next[kept[cell[i]]]++;
      cellIds[slot] = ids[i];
      for (int d = 0; d < dimension; d++) {
        cellsByDimension[d * m + slot] = points[i * dimension + d];
      }
    }
    this.largest = Math.max(keptCount, most);
  }

  /** The length of the scratch space {@link #guess} needs. */
  int scratchLength() {
    return largest;
  }

  /** The nearest centre in the cell of the row's nearest pivot (ties to the first found). */
  int guess(float[] rows, int rowStart, float[] scratch) {
    CentreDistances.floatSquaredToColumns(
        rows, rowStart, pivotsByDimension, pivots, 0, pivots, dimension, scratch);
    int p = argMin(scratch, pivots);
    int from = cellStart[p];
    int to = cellStart[p + 1];
    CentreDistances.floatSquaredToColumns(
        rows, rowStart, cellsByDimension, centres, from, to, dimension, scratch);
    return cellIds[from + argMin(scratch, to - from)];
  }

  private static int argMin(float[] values, int length) {
    int best = 0;
    for (int i = 1; i < length; i++) {
      if (values[i] < values[best]) {
        best = i;
      }
    }
    return best;
  }

  /**
   * {@code count} means of the m points: greedy k-means++ ({@link KMeansPlusPlus}) from a fixed
   * seed, then a few Lloyd steps.
   */
  private float[] pivots(float[] points, int m, int count) {
    float[][] seeds;
    try (Workers one = Workers.of(1)) {
      seeds =
          KMeansPlusPlus.centres(
              points,
              m,
              dimension,
              count,
              m,
              KMeansPlusPlus.defaultCandidates(count),
              new Random(0),
              one);
    }
    float[] means = new float[count * dimension];
    for (int p = 0; p < count; p++) {
      System.arraycopy(seeds[p], 0, means, p * dimension, dimension);
    }
    for (int iteration = 0; iteration < ITERATIONS; iteration++) {
      int[] cell = nearest(points, m, means);
      double[] sums = new double[count * dimension];
      int[] sizes = new int[count];
      for (int i = 0; i < m; i++) {
        sizes[cell[i]]++;
        for (int d = 0; d < dimension; d++) {
          sums[cell[i] * dimension + d] += points[i * dimension + d];
        }
      }
      for (int p = 0; p < count; p++) {
        for (int d = 0; d < dimension && sizes[p] > 0; d++) {
          means[p * dimension + d] = (float) (sums[p * dimension + d] / sizes[p]);
        }
      }
    }
    return means;
  }

  /** Each point's nearest mean (ties to the lowest index). */
  private int[] nearest(float[] points, int m, float[] means) {
    int count = means.length / dimension;
    int[] cell = new int[m];
    for (int i = 0; i < m; i++) {
      double best = Double.POSITIVE_INFINITY;
      for (int p = 0; p < count; p++) {
        double squared =
            CentreDistances.squaredDifference(
                points, i * dimension, means, p * dimension, dimension);
        if (squared < best) {
          best = squared;
          cell[i] = p;
        }
      }
    }
    return cell;
  }
}
