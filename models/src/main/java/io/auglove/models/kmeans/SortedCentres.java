package io.auglove.models.kmeans;

import java.util.Arrays;

/** The non-empty centres in order of norm (ties by id), dimension-major for the block scans. */
final class SortedCentres {
  final int count;
  final double[] norms;
  final int[] ids;

  /** Value d of the i-th centre at {@code byDimension[d][i]}. */
  final float[][] byDimension;

  SortedCentres(float[] centres, boolean[] present, int dimension) {
    int k = present.length;
    int m = 0;
    Integer[] order = new Integer[k];
    double[] allNorms = new double[k];
    for (int c = 0; c < k; c++) {
      if (present[c]) {
        allNorms[c] = CentreDistances.norm(centres, c * dimension, dimension);
        order[m++] = c;
      }
    }
    order = Arrays.copyOf(order, m);
    Arrays.sort(
        order,
        (x, y) -> {
          int byNorm = Double.compare(allNorms[x], allNorms[y]);
          return byNorm != 0 ? byNorm : Integer.compare(x, y);
        });
    this.count = m;
    this.norms = new double[m];
    this.ids = new int[m];
    this.byDimension = new float[dimension][m];
    for (int i = 0; i < m; i++) {
      int c = order[i];
      norms[i] = allNorms[c];
      ids[i] = c;
      for (int d = 0; d < dimension; d++) {
        byDimension[d][i] = centres[c * dimension + d];
      }
    }
  }
}
