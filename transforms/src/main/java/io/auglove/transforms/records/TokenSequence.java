package io.auglove.transforms.records;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.auglove.models.Tokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.StringJoiner;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.util.VarInt;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * The token codes of one sequence (see {@link Tokens}), {@code <START>} first and {@code <END>}
 * last, one token per 5 fps frame in between. Immutable.
 */
@DefaultCoder(TokenSequence.Coder.class)
public final class TokenSequence {

  private final TrackId id;
  private final int[] codes;

  private TokenSequence(TrackId id, int[] codes) {
    this.id = checkNotNull(id, "id");
    this.codes = codes;
  }

  /** A sequence of token codes; {@code codes} is copied. */
  public static TokenSequence of(TrackId id, int... codes) {
    for (int code : codes) {
      checkArgument(code >= Tokens.MIN_CODE, "sequence %s: %s is not a token code", id, code);
    }
    return new TokenSequence(id, codes.clone());
  }

  /** The sequence the tokens come from. */
  public TrackId id() {
    return id;
  }

  /** Number of tokens, {@code <START>} and {@code <END>} included. */
  public int length() {
    return codes.length;
  }

  /** The code at {@code position}. */
  public int code(int position) {
    return codes[position];
  }

  /** A copy of the codes. */
  public int[] codes() {
    return codes.clone();
  }

  /** The tokens as text separated by spaces, for example {@code <START> c3 <unk> c3 <END>}. */
  public String text() {
    StringJoiner joiner = new StringJoiner(" ");
    for (int code : codes) {
      joiner.add(Tokens.text(code));
    }
    return joiner.toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TokenSequence that
        && id.equals(that.id)
        && Arrays.equals(codes, that.codes);
  }

  @Override
  public int hashCode() {
    return 31 * id.hashCode() + Arrays.hashCode(codes);
  }

  @Override
  public String toString() {
    return id.recording() + "/" + id.segment() + ": " + text();
  }

  /**
   * Deterministic coder of {@link TokenSequence}: the id, then VarInts of the codes shifted to be
   * >= 0.
   */
  public static final class Coder extends AtomicCoder<TokenSequence> {
    private static final Coder INSTANCE = new Coder();

    /** Lets {@code @DefaultCoder} find this coder for {@link TokenSequence}. */
    public static CoderProvider getCoderProvider() {
      return CoderProviders.forCoder(TypeDescriptor.of(TokenSequence.class), INSTANCE);
    }

    /** The coder. */
    public static Coder of() {
      return INSTANCE;
    }

    @Override
    public void encode(TokenSequence sequence, OutputStream out) throws IOException {
      TrackIdCoder.of().encode(sequence.id, out);
      VarInt.encode(sequence.codes.length, out);
      for (int code : sequence.codes) {
        VarInt.encode(code - Tokens.MIN_CODE, out);
      }
    }

    @Override
    public TokenSequence decode(InputStream in) throws IOException {
      TrackId id = TrackIdCoder.of().decode(in);
      int[] codes = new int[VarInt.decodeInt(in)];
      for (int i = 0; i < codes.length; i++) {
        codes[i] = VarInt.decodeInt(in) + Tokens.MIN_CODE;
      }
      return new TokenSequence(id, codes);
    }

    @Override
    public void verifyDeterministic() {}

    @Override
    public boolean consistentWithEquals() {
      return true;
    }
  }
}
