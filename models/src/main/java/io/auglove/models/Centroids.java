package io.auglove.models;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;

/**
 * The k cluster centres of a vocabulary, each a point in AU space. A centre may be empty (a cluster
 * that received no frames when it was fitted, like row 689 of the paper's published k = 1000
 * centres): it keeps its id, so that ids stay aligned with a counts file, and no frame can be
 * assigned to it.
 *
 * <p>Immutable: the arrays given are copied and never exposed.
 */
public final class Centroids {

  private final int dimension;
  private final float[] values;
  private final boolean[] empty;

  private Centroids(int dimension, float[] values, boolean[] empty) {
    this.dimension = dimension;
    this.values = values;
    this.empty = empty;
  }

  /**
   * Centroids from rows of equal length; a {@code null} row is an empty centre.
   *
   * @throws IllegalArgumentException if there are no rows, no non-empty row, rows of different
   *     lengths, or a value that is not finite
   */
  public static Centroids of(float[][] rows) {
    checkArgument(rows.length > 0, "centroids: need at least one row, got none");
    int dimension = -1;
    for (float[] row : rows) {
      if (row != null) {
        dimension = row.length;
        break;
      }
    }
    checkArgument(dimension > 0, "centroids: every one of the %s rows is empty", rows.length);
    float[] values = new float[rows.length * dimension];
    boolean[] empty = new boolean[rows.length];
    for (int c = 0; c < rows.length; c++) {
      float[] row = rows[c];
      if (row == null) {
        empty[c] = true;
        continue;
      }
      checkArgument(
          row.length == dimension,
          "centroids: row %s has %s values, expected %s like the rows before it",
          c,
          row.length,
          dimension);
      for (int d = 0; d < dimension; d++) {
        checkArgument(
            Float.isFinite(row[d]), "centroids: row %s value %s is not finite: %s", c, d, row[d]);
        values[c * dimension + d] = row[d];
      }
    }
    return new Centroids(dimension, values, empty);
  }

  /** Number of centres, empty ones included: the k of the vocabulary. */
  public int k() {
    return empty.length;
  }

  /** Length of every centre (17 AUs for the method). */
  public int dimension() {
    return dimension;
  }

  /** Whether centre {@code id} is empty: no frame can be assigned to it. */
  public boolean isEmpty(int id) {
    return empty[id];
  }

  /** Number of non-empty centres. */
  public int nonEmptyCount() {
    int count = 0;
    for (boolean e : empty) {
      if (!e) {
        count++;
      }
    }
    return count;
  }

  /** A copy of centre {@code id}, or {@code null} if it is empty. */
  public float[] row(int id) {
    return empty[id] ? null : Arrays.copyOfRange(values, id * dimension, (id + 1) * dimension);
  }

  /** Value {@code d} of centre {@code id} (0 for an empty centre). */
  public float value(int id, int d) {
    return values[id * dimension + d];
  }

  /** A row-major copy of every centre, k x dimension; empty centres are rows of zeros. */
  public float[] toRowMajor() {
    return values.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Centroids that
        && dimension == that.dimension
        && Arrays.equals(values, that.values)
        && Arrays.equals(empty, that.empty);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(values) + Arrays.hashCode(empty);
  }

  @Override
  public String toString() {
    return "Centroids{k="
        + k()
        + ", dimension="
        + dimension
        + ", empty="
        + (k() - nonEmptyCount())
        + "}";
  }
}
