package io.auglove.transforms.records;

import static com.google.common.base.Preconditions.checkArgument;

import io.auglove.models.Tokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.Arrays;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.util.VarInt;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * A corpus's sparse token co-occurrence matrix, with how often each token occurs and how many
 * sequences there were. Entries are kept as exact whole counts in units of {@code 1/scale} (scale 1
 * for unweighted windows, the least common multiple of 1..window for 1/distance weighting), so that
 * adding up partial matrices gives the same result in any order on any runner. Entries are sorted
 * by row then column token code; tokens by code.
 *
 * <p>Serializable only so that a Combine can hold the empty matrix as its default; elements travel
 * through {@link Coder}.
 */
@DefaultCoder(CooccurrenceMatrix.Coder.class)
public final class CooccurrenceMatrix implements Serializable {

  private static final long serialVersionUID = 1L;

  private final long scale;
  private final long sequences;
  private final int[] rows;
  private final int[] columns;
  private final long[] counts;
  private final int[] tokens;
  private final long[] tokenCounts;

  private CooccurrenceMatrix(
      long scale,
      long sequences,
      int[] rows,
      int[] columns,
      long[] counts,
      int[] tokens,
      long[] tokenCounts) {
    this.scale = scale;
    this.sequences = sequences;
    this.rows = rows;
    this.columns = columns;
    this.counts = counts;
    this.tokens = tokens;
    this.tokenCounts = tokenCounts;
  }

  /**
   * A matrix from sorted parallel arrays (taken, not copied: for the combiner that built them).
   *
   * @throws IllegalArgumentException if arrays differ in length, are not sorted, or hold a count <=
   *     0
   */
  public static CooccurrenceMatrix of(
      long scale,
      long sequences,
      int[] rows,
      int[] columns,
      long[] counts,
      int[] tokens,
      long[] tokenCounts) {
    checkArgument(scale >= 1, "scale must be >= 1, got %s", scale);
    checkArgument(
        rows.length == columns.length && rows.length == counts.length,
        "entry arrays differ in length");
    checkArgument(tokens.length == tokenCounts.length, "token arrays differ in length");
    for (int n = 0; n < rows.length; n++) {
      checkArgument(counts[n] > 0, "entry %s has count %s", n, counts[n]);
      checkArgument(
          n == 0
              || rows[n - 1] < rows[n]
              || (rows[n - 1] == rows[n] && columns[n - 1] < columns[n]),
          "entries are not sorted at %s",
          n);
    }
    for (int t = 0; t < tokens.length; t++) {
      checkArgument(tokenCounts[t] > 0, "token %s has count %s", tokens[t], tokenCounts[t]);
      checkArgument(t == 0 || tokens[t - 1] < tokens[t], "tokens are not sorted at %s", t);
    }
    return new CooccurrenceMatrix(scale, sequences, rows, columns, counts, tokens, tokenCounts);
  }

  /** Number of non-zero entries. */
  public int size() {
    return rows.length;
  }

  /** Token code of entry {@code n}'s row. */
  public int row(int n) {
    return rows[n];
  }

  /** Token code of entry {@code n}'s column. */
  public int column(int n) {
    return columns[n];
  }

  /** Entry {@code n}'s whole count in units of {@code 1/scale()}. */
  public long count(int n) {
    return counts[n];
  }

  /** Entry {@code n}'s value X[row][column]: {@code count(n) / scale()}. */
  public double value(int n) {
    return counts[n] / (double) scale;
  }

  /** The unit of the counts: values are counts divided by this. */
  public long scale() {
    return scale;
  }

  /** Number of sequences the matrix was built from. */
  public long sequences() {
    return sequences;
  }

  /** Number of distinct tokens that occur. */
  public int tokenCount() {
    return tokens.length;
  }

  /** The {@code t}-th token code in increasing order. */
  public int token(int t) {
    return tokens[t];
  }

  /** How often the {@code t}-th token occurs. */
  public long occurrences(int t) {
    return tokenCounts[t];
  }

  /** How often the token with {@code code} occurs (0 if never). */
  public long occurrencesOf(int code) {
    int t = Arrays.binarySearch(tokens, code);
    return t >= 0 ? tokenCounts[t] : 0;
  }

  /** Total number of token positions, special tokens included. */
  public long totalOccurrences() {
    long total = 0;
    for (long count : tokenCounts) {
      total += count;
    }
    return total;
  }

  /** X[row][column] for token codes, or 0. */
  public double valueOf(int rowCode, int columnCode) {
    int low = 0;
    int high = rows.length - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int order =
          rows[mid] != rowCode
              ? Integer.compare(rows[mid], rowCode)
              : Integer.compare(columns[mid], columnCode);
      if (order == 0) {
        return value(mid);
      } else if (order < 0) {
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return 0;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CooccurrenceMatrix that
        && scale == that.scale
        && sequences == that.sequences
        && Arrays.equals(rows, that.rows)
        && Arrays.equals(columns, that.columns)
        && Arrays.equals(counts, that.counts)
        && Arrays.equals(tokens, that.tokens)
        && Arrays.equals(tokenCounts, that.tokenCounts);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(counts) + Arrays.hashCode(tokenCounts);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("CooccurrenceMatrix{");
    for (int n = 0; n < Math.min(rows.length, 20); n++) {
      text.append(Tokens.text(rows[n]))
          .append(',')
          .append(Tokens.text(columns[n]))
          .append('=')
          .append(value(n))
          .append(' ');
    }
    return text.append(rows.length > 20 ? "...}" : "}").toString();
  }

  /** Deterministic coder of {@link CooccurrenceMatrix}: VarInts throughout. */
  public static final class Coder extends AtomicCoder<CooccurrenceMatrix> {
    private static final Coder INSTANCE = new Coder();

    /** Lets {@code @DefaultCoder} find this coder for {@link CooccurrenceMatrix}. */
    public static CoderProvider getCoderProvider() {
      return CoderProviders.forCoder(TypeDescriptor.of(CooccurrenceMatrix.class), INSTANCE);
    }

    /** The coder. */
    public static Coder of() {
      return INSTANCE;
    }

    @Override
    public void encode(CooccurrenceMatrix m, OutputStream out) throws IOException {
      VarInt.encode(m.scale, out);
      VarInt.encode(m.sequences, out);
      VarInt.encode(m.rows.length, out);
      for (int n = 0; n < m.rows.length; n++) {
        VarInt.encode(m.rows[n] - Tokens.MIN_CODE, out);
        VarInt.encode(m.columns[n] - Tokens.MIN_CODE, out);
        VarInt.encode(m.counts[n], out);
      }
      VarInt.encode(m.tokens.length, out);
      for (int t = 0; t < m.tokens.length; t++) {
        VarInt.encode(m.tokens[t] - Tokens.MIN_CODE, out);
        VarInt.encode(m.tokenCounts[t], out);
      }
    }

    @Override
    public CooccurrenceMatrix decode(InputStream in) throws IOException {
      long scale = VarInt.decodeLong(in);
      long sequences = VarInt.decodeLong(in);
      int size = VarInt.decodeInt(in);
      int[] rows = new int[size];
      int[] columns = new int[size];
      long[] counts = new long[size];
      for (int n = 0; n < size; n++) {
        rows[n] = VarInt.decodeInt(in) + Tokens.MIN_CODE;
        columns[n] = VarInt.decodeInt(in) + Tokens.MIN_CODE;
        counts[n] = VarInt.decodeLong(in);
      }
      int tokenCount = VarInt.decodeInt(in);
      int[] tokens = new int[tokenCount];
      long[] tokenCounts = new long[tokenCount];
      for (int t = 0; t < tokenCount; t++) {
        tokens[t] = VarInt.decodeInt(in) + Tokens.MIN_CODE;
        tokenCounts[t] = VarInt.decodeLong(in);
      }
      return new CooccurrenceMatrix(scale, sequences, rows, columns, counts, tokens, tokenCounts);
    }

    @Override
    public void verifyDeterministic() {}

    @Override
    public boolean consistentWithEquals() {
      return true;
    }
  }
}
