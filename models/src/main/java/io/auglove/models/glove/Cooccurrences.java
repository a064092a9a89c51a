package io.auglove.models.glove;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;

/**
 * A sparse co-occurrence matrix X over a vocabulary of V tokens with dense ids {@code 0..V-1}: the
 * non-zero entries X[row][column], each a finite value greater than 0.
 *
 * <p>Entries are kept in a canonical order, by row and then by column, whatever the order they were
 * added in, so that a matrix built from the same entries is equal and trains to the same model. The
 * matrix need not be symmetric, and an entry on the diagonal is an ordinary entry.
 *
 * <p>Immutable: the arrays behind it are never exposed.
 *
 * <pre>{@code
 * Cooccurrences x =
 *     Cooccurrences.builder(3).add(0, 1, 12.0).add(1, 0, 12.0).add(2, 2, 4.0).build();
 * }</pre>
 */
public final class Cooccurrences {

  private final int vocabularySize;
  private final int[] rows;
  private final int[] columns;
  private final double[] values;

  private Cooccurrences(int vocabularySize, int[] rows, int[] columns, double[] values) {
    this.vocabularySize = vocabularySize;
    this.rows = rows;
    this.columns = columns;
    this.values = values;
  }

  /**
   * A builder of a matrix over {@code vocabularySize} tokens.
   *
   * @throws IllegalArgumentException if {@code vocabularySize} is less than 1
   */
  public static Builder builder(int vocabularySize) {
    checkArgument(
        vocabularySize >= 1,
        "cooccurrences: vocabularySize must be at least 1, got %s",
        vocabularySize);
    return new Builder(vocabularySize);
  }

  /**
   * The matrix whose entry {@code n} is {@code values[n]} at ({@code rows[n]}, {@code columns[n]});
   * the arrays are copied and may be in any order.
   *
   * @throws IllegalArgumentException if the arrays differ in length, or an entry is invalid as
   *     {@link Builder#add} and {@link Builder#build} describe
   */
  public static Cooccurrences of(int vocabularySize, int[] rows, int[] columns, double[] values) {
    checkArgument(
        rows.length == columns.length && rows.length == values.length,
        "cooccurrences: rows, columns and values must have one length, got %s, %s and %s",
        rows.length,
        columns.length,
        values.length);
    Builder builder = builder(vocabularySize);
    for (int n = 0; n < rows.length; n++) {
      builder.add(rows[n], columns[n], values[n]);
    }
    return builder.build();
  }

  /** V: the number of tokens, whether or not each has an entry. */
  public int vocabularySize() {
    return vocabularySize;
  }

  /** The number of non-zero entries. */
  public int size() {
    return values.length;
  }

  /** The row (the word token) of entry {@code n} in canonical order. */
  public int row(int n) {
    return rows[n];
  }

  /** The column (the context token) of entry {@code n} in canonical order. */
  public int column(int n) {
    return columns[n];
  }

  /** The value of entry {@code n} in canonical order: finite and greater than 0. */
  public double value(int n) {
    return values[n];
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Cooccurrences that
        && vocabularySize == that.vocabularySize
        && Arrays.equals(rows, that.rows)
        && Arrays.equals(columns, that.columns)
        && Arrays.equals(values, that.values);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * (31 * vocabularySize + Arrays.hashCode(rows)) + Arrays.hashCode(columns))
        + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "Cooccurrences{vocabularySize=" + vocabularySize + ", size=" + size() + "}";
  }

  /**
   * Collects entries in any order; {@link #build} sorts them. Not thread-safe; one builder builds
   * one matrix.
   */
  public static final class Builder {

    private final int vocabularySize;
    private int[] rows = new int[16];
    private int[] columns = new int[16];
    private double[] values = new double[16];
    private int size;

    private Builder(int vocabularySize) {
      this.vocabularySize = vocabularySize;
    }

    /**
     * Adds X[row][column] = value.
     *
     * @throws IllegalArgumentException if an id is outside {@code 0..vocabularySize-1} or the value
     *     is not finite and greater than 0
     */
    public Builder add(int row, int column, double value) {
      checkArgument(
          row >= 0 && row < vocabularySize,
          "cooccurrences: row id %s is outside 0..%s",
          row,
          vocabularySize - 1);
      checkArgument(
          column >= 0 && column < vocabularySize,
          "cooccurrences: column id %s is outside 0..%s",
          column,
          vocabularySize - 1);
      checkArgument(
          value > 0 && Double.isFinite(value),
          "cooccurrences: value at (%s, %s) must be finite and greater than 0, got %s",
          row,
          column,
          value);
      if (size == values.length) {
        int capacity = Math.max(16, size + (size >> 1));
        rows = Arrays.copyOf(rows, capacity);
        columns = Arrays.copyOf(columns, capacity);
        values = Arrays.copyOf(values, capacity);
      }
      rows[size] = row;
      columns[size] = column;
      values[size] = value;
      size++;
      return this;
    }

    /**
     * The matrix of the entries added, in canonical order.
     *
     * @throws IllegalArgumentException if a (row, column) pair was added more than once
     */
    public Cooccurrences build() {
      // Counting sort by row (stable), then each row's entries by column: O(n log n) on primitives.
      int[] rowStart = new int[vocabularySize + 1];
      for (int n = 0; n < size; n++) {
        rowStart[rows[n] + 1]++;
      }
      for (int r = 0; r < vocabularySize; r++) {
        rowStart[r + 1] += rowStart[r];
      }
      int[] byRow = new int[size];
      int[] next = Arrays.copyOf(rowStart, vocabularySize);
      for (int n = 0; n < size; n++) {
        byRow[next[rows[n]]++] = n;
      }
      int[] sortedRows = new int[size];
      int[] sortedColumns = new int[size];
      double[] sortedValues = new double[size];
      for (int r = 0; r < vocabularySize; r++) {
        int from = rowStart[r];
        int to = rowStart[r + 1];
        long[] keys = new long[to - from];
        for (int k = from; k < to; k++) {
          int n = byRow[k];
          keys[k - from] = ((long) columns[n] << 32) | n;
        }
        Arrays.sort(keys);
        for (int k = from; k < to; k++) {
          int n = (int) keys[k - from];
          sortedRows[k] = r;
          sortedColumns[k] = columns[n];
          sortedValues[k] = values[n];
          checkArgument(
              k == from || sortedColumns[k - 1] != sortedColumns[k],
              "cooccurrences: entry (%s, %s) was added more than once",
              r,
              sortedColumns[k]);
        }
      }
      return new Cooccurrences(vocabularySize, sortedRows, sortedColumns, sortedValues);
    }
  }
}
