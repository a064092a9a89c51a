package io.auglove.models.kmeans;

import static com.google.common.base.Preconditions.checkArgument;

import ai.djl.ndarray.NDArray;

/** Checks on the row-major float matrices k-means reads. */
final class RowMatrix {

  private RowMatrix() {}

  /**
   * Refuses a matrix whose length is not rows x dimension or that holds a value that is not finite
   * (a NaN would win or lose every {@link NDArray#argMin()} arbitrarily).
   */
  static void check(float[] rowMajor, int rows, int dimension) {
    checkArgument(rows >= 0, "rows must be at least 0, got %s", rows);
    checkArgument(dimension >= 1, "dimension must be at least 1, got %s", dimension);
    checkArgument(
        rowMajor.length == (long) rows * dimension,
        "rowMajor has %s values, expected rows x dimension = %s x %s = %s",
        rowMajor.length,
        rows,
        dimension,
        (long) rows * dimension);
    for (int i = 0; i < rowMajor.length; i++) {
      if (!Float.isFinite(rowMajor[i])) {
        throw new IllegalArgumentException(
            String.format(
                "row %s value %s is not finite: %s", i / dimension, i % dimension, rowMajor[i]));
      }
    }
  }
}
