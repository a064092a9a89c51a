package io.auglove.transforms.records;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.auglove.models.ActionUnits;
import io.auglove.models.Tokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.DoubleCoder;
import org.apache.beam.sdk.util.VarInt;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * One 5 fps sequence as the downstream models read it: when it starts, its frames' 17 AU
 * intensities and each frame's token code (see {@link Tokens}; no {@code <START>} or {@code <END>}:
 * one token per frame). Immutable.
 */
@DefaultCoder(FeatureSequence.Coder.class)
public final class FeatureSequence {

  private final TrackId id;
  private final double startSeconds;
  private final float[] intensities;
  private final int[] codes;

  private FeatureSequence(TrackId id, double startSeconds, float[] intensities, int[] codes) {
    this.id = id;
    this.startSeconds = startSeconds;
    this.intensities = intensities;
    this.codes = codes;
  }

  /**
   * A sequence; the arrays are kept, not copied.
   *
   * @param intensities row-major, {@code codes.length x 17}
   */
  public static FeatureSequence of(
      TrackId id, double startSeconds, float[] intensities, int[] codes) {
    checkNotNull(id, "id");
    checkArgument(
        intensities.length == codes.length * ActionUnits.COUNT,
        "sequence %s: %s intensities for %s frames",
        id,
        intensities.length,
        codes.length);
    return new FeatureSequence(id, startSeconds, intensities, codes);
  }

  public TrackId id() {
    return id;
  }

  /** OpenFace timestamp of the first frame, in seconds. */
  public double startSeconds() {
    return startSeconds;
  }

  /** Number of frames. */
  public int length() {
    return codes.length;
  }

  /** Intensity of AU {@code au} at frame {@code frame}. */
  public float intensity(int frame, int au) {
    return intensities[frame * ActionUnits.COUNT + au];
  }

  /** The intensities as {@code length() x 17} rows (copies). */
  public float[][] intensityRows() {
    float[][] rows = new float[codes.length][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = Arrays.copyOfRange(intensities, i * ActionUnits.COUNT, (i + 1) * ActionUnits.COUNT);
    }
    return rows;
  }

  /** The token code of frame {@code frame}. */
  public int code(int frame) {
    return codes[frame];
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FeatureSequence that
        && id.equals(that.id)
        && Double.compare(startSeconds, that.startSeconds) == 0
        && Arrays.equals(intensities, that.intensities)
        && Arrays.equals(codes, that.codes);
  }

  @Override
  public int hashCode() {
    return 31 * id.hashCode() + Arrays.hashCode(codes);
  }

  @Override
  public String toString() {
    return "FeatureSequence[" + id + ", " + codes.length + " frames]";
  }

  /** Coder: the id, the start, the length, then codes and intensities in one byte block. */
  public static final class Coder extends AtomicCoder<FeatureSequence> {
    private static final Coder INSTANCE = new Coder();
    private static final int FRAME_BYTES = 4 + 4 * ActionUnits.COUNT;

    /** Lets {@code @DefaultCoder} find this coder for {@link FeatureSequence}. */
    public static CoderProvider getCoderProvider() {
      return CoderProviders.forCoder(TypeDescriptor.of(FeatureSequence.class), INSTANCE);
    }

    public static Coder of() {
      return INSTANCE;
    }

    @Override
    public void encode(FeatureSequence sequence, OutputStream out) throws IOException {
      TrackIdCoder.of().encode(sequence.id, out);
      DoubleCoder.of().encode(sequence.startSeconds, out);
      VarInt.encode(sequence.codes.length, out);
      ByteBuffer block = ByteBuffer.allocate(sequence.codes.length * FRAME_BYTES);
      for (int code : sequence.codes) {
        block.putInt(code);
      }
      for (float value : sequence.intensities) {
        block.putFloat(value);
      }
      out.write(block.array());
    }

    @Override
    public FeatureSequence decode(InputStream in) throws IOException {
      TrackId id = TrackIdCoder.of().decode(in);
      double start = DoubleCoder.of().decode(in);
      int length = VarInt.decodeInt(in);
      byte[] bytes = in.readNBytes(length * FRAME_BYTES);
      if (bytes.length != length * FRAME_BYTES) {
        throw new CoderException("features of " + id + ": the stream ended early");
      }
      ByteBuffer block = ByteBuffer.wrap(bytes);
      int[] codes = new int[length];
      for (int i = 0; i < length; i++) {
        codes[i] = block.getInt();
      }
      float[] intensities = new float[length * ActionUnits.COUNT];
      for (int i = 0; i < intensities.length; i++) {
        intensities[i] = block.getFloat();
      }
      return new FeatureSequence(id, start, intensities, codes);
    }

    @Override
    public void verifyDeterministic() {}

    @Override
    public boolean consistentWithEquals() {
      return true;
    }
  }
}
