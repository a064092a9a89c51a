package io.auglove.models;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The tokens of a bundle with their dense indices and corpus counts. The order, which fixes the
 * index of every token in {@code vocab.tsv} and the rows of the embedding files, is the paper's for
 * the special tokens ({@code <END>} 0, {@code <START>} 1, {@code <unk>} 2, each where it occurs)
 * followed by the cluster tokens in increasing cluster id. Immutable.
 */
public final class Vocabulary {

  private final int[] codes;
  private final long[] counts;
  private final Map<Integer, Integer> indexByCode;

  private Vocabulary(int[] codes, long[] counts) {
    this.codes = codes;
    this.counts = counts;
    this.indexByCode = new HashMap<>();
    for (int i = 0; i < codes.length; i++) {
      indexByCode.put(codes[i], i);
    }
  }

  /**
   * The vocabulary of the tokens {@code codes} (see {@link Tokens}) with their counts, in any
   * order.
   *
   * @throws IllegalArgumentException if a code repeats, is not a token code, or its count is
   *     negative
   */
  public static Vocabulary of(int[] codes, long[] counts) {
    checkArgument(codes.length == counts.length, "codes and counts differ in length");
    Integer[] order = new Integer[codes.length];
    for (int i = 0; i < codes.length; i++) {
      checkArgument(codes[i] >= Tokens.MIN_CODE, "%s is not a token code", codes[i]);
      checkArgument(counts[i] >= 0, "token %s has a negative count", Tokens.text(codes[i]));
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Integer.compare(rank(codes[a]), rank(codes[b])));
    int[] sortedCodes = new int[codes.length];
    long[] sortedCounts = new long[codes.length];
    for (int i = 0; i < order.length; i++) {
      sortedCodes[i] = codes[order[i]];
      sortedCounts[i] = counts[order[i]];
      checkArgument(
          i == 0 || sortedCodes[i] != sortedCodes[i - 1],
          "token %s appears twice",
          Tokens.text(sortedCodes[i]));
    }
    return new Vocabulary(sortedCodes, sortedCounts);
  }

  /** Sort key: END, START, UNK, then clusters by id. */
  private static int rank(int code) {
    switch (code) {
      case Tokens.END:
        return -3;
      case Tokens.START:
        return -2;
      case Tokens.UNK:
        return -1;
      default:
        return code;
    }
  }

  /** Number of tokens. */
  public int size() {
    return codes.length;
  }

  /** Token code at {@code index}. */
  public int code(int index) {
    return codes[index];
  }

  /** Token text at {@code index}, for example {@code c12}. */
  public String token(int index) {
    return Tokens.text(codes[index]);
  }

  /** Corpus count of the token at {@code index}. */
  public long count(int index) {
    return counts[index];
  }

  /** Index of the token with {@code code}, or -1 if it is not in the vocabulary. */
  public int indexOf(int code) {
    Integer index = indexByCode.get(code);
    return index == null ? -1 : index;
  }

  /** Whether the token with {@code code} is in the vocabulary. */
  public boolean contains(int code) {
    return indexByCode.containsKey(code);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Vocabulary that
        && Arrays.equals(codes, that.codes)
        && Arrays.equals(counts, that.counts);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(codes) + Arrays.hashCode(counts);
  }

  @Override
  public String toString() {
    return "Vocabulary{" + codes.length + " tokens}";
  }
}
