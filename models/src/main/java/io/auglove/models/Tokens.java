package io.auglove.models;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The tokens of a facial-expression vocabulary as integer codes: a cluster id (0..k-1) stands for
 * token {@code c<id>}; three negative codes stand for the special tokens the method adds. Codes let
 * sequences and counts be built before the vocabulary's own dense indices are known.
 */
public final class Tokens {

  /** {@code <START>}: marks the first position of every sequence. */
  public static final int START = -1;

  /** {@code <END>}: marks the last position of every sequence. */
  public static final int END = -2;

  /** {@code <unk>}: a frame too far from its centre, or in a cluster with too few frames. */
  public static final int UNK = -3;

  /** The smallest code: every code is at least this. */
  public static final int MIN_CODE = UNK;

  private Tokens() {}

  /**
   * The token text of {@code code}: {@code c12}, {@code <START>}, {@code <END>} or {@code <unk>}.
   */
  public static String text(int code) {
    switch (code) {
      case START:
        return "<START>";
      case END:
        return "<END>";
      case UNK:
        return "<unk>";
      default:
        checkArgument(code >= 0, "no token has code %s", code);
        return "c" + code;
    }
  }

  /**
   * The code of token {@code text}.
   *
   * @throws IllegalArgumentException if {@code text} is not a token of the method
   */
  public static int code(String text) {
    switch (text) {
      case "<START>":
        return START;
      case "<END>":
        return END;
      case "<unk>":
        return UNK;
      default:
        checkArgument(
            text.length() > 1
                && text.charAt(0) == 'c'
                && text.substring(1).chars().allMatch(Character::isDigit),
            "'%s' is not a token: expected c<cluster id>, <START>, <END> or <unk>",
            text);
        return Integer.parseInt(text.substring(1));
    }
  }

  /** Whether {@code code} is one of the three special tokens. */
  public static boolean isSpecial(int code) {
    return code < 0;
  }
}
