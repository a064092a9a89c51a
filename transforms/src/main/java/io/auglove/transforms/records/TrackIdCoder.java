package io.auglove.transforms.records;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.util.VarInt;
import org.apache.beam.sdk.values.TypeDescriptor;

/** Deterministic coder of {@link TrackId}: two UTF-8 strings and two VarInts. */
public final class TrackIdCoder extends AtomicCoder<TrackId> {

  private static final TrackIdCoder INSTANCE = new TrackIdCoder();
  private static final StringUtf8Coder STRING = StringUtf8Coder.of();

  private TrackIdCoder() {}

  /** Lets {@code @DefaultCoder} find this coder for {@link TrackId}. */
  public static CoderProvider getCoderProvider() {
    return CoderProviders.forCoder(TypeDescriptor.of(TrackId.class), INSTANCE);
  }

  /** The coder. */
  public static TrackIdCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(TrackId id, OutputStream out) throws IOException {
    STRING.encode(id.file(), out);
    STRING.encode(id.recording(), out);
    VarInt.encode(id.faceId() + 1, out);
    VarInt.encode(id.segment(), out);
  }

  @Override
  public TrackId decode(InputStream in) throws IOException {
    String file = STRING.decode(in);
    String recording = STRING.decode(in);
    int faceId = VarInt.decodeInt(in) - 1;
    int segment = VarInt.decodeInt(in);
    return TrackId.of(file, recording, faceId, segment);
  }

  @Override
  public void verifyDeterministic() {}

  @Override
  public boolean consistentWithEquals() {
    return true;
  }
}
