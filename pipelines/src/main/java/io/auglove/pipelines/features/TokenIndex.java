package io.auglove.pipelines.features;

import io.auglove.models.Tokens;
import io.auglove.models.Vocabulary;
import java.io.Serializable;
import java.util.Arrays;

/**
 * Maps token codes to the ids the downstream models use: the token's index in the bundle's {@code
 * vocab.tsv}. A token the vocabulary lacks (a cluster that never occurred in the vocabulary's
 * corpus) is {@code <unk>}; if the vocabulary has no {@code <unk>} either, it gets the id {@link
 * #size()} - 1, one past the vocabulary, whose embedding is all zeros.
 */
public final class TokenIndex implements Serializable {

  private static final long serialVersionUID = 1L;

  private final int[] codes;

  private TokenIndex(int[] codes) {
    this.codes = codes;
  }

  /** The index of {@code vocabulary}. */
  public static TokenIndex of(Vocabulary vocabulary) {
    int[] codes = new int[vocabulary.size()];
    for (int i = 0; i < codes.length; i++) {
      codes[i] = vocabulary.code(i);
    }
    return new TokenIndex(codes);
  }

  /** Number of ids: the vocabulary's tokens and the one for tokens outside it. */
  public int size() {
    return codes.length + 1;
  }

  /** The id of {@code code}. */
  public int id(int code) {
    int index = find(code);
    if (index >= 0) {
      return index;
    }
    int unknown = find(Tokens.UNK);
    return unknown >= 0 ? unknown : codes.length;
  }

  /** The token text of {@code id}. */
  public String token(int id) {
    return id < codes.length ? Tokens.text(codes[id]) : Tokens.text(Tokens.UNK);
  }

  /** Where {@code code} is among the vocabulary's codes (END, START, UNK first, then ids). */
  private int find(int code) {
    int specials = 0;
    while (specials < codes.length && codes[specials] < 0) {
      if (codes[specials] == code) {
        return specials;
      }
      specials++;
    }
    if (code < 0) {
      return -1;
    }
    int found = Arrays.binarySearch(codes, specials, codes.length, code);
    return found >= 0 ? found : -1;
  }

  /**
   * The embedding table for ids: {@code rows} (in vocabulary order) and a final row of zeros for
   * the id outside the vocabulary.
   */
  public float[][] table(float[][] rows) {
    float[][] table = Arrays.copyOf(rows, codes.length + 1);
    table[codes.length] = new float[rows[0].length];
    return table;
  }
}
