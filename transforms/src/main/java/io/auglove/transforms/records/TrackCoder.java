package io.auglove.transforms.records;

import io.auglove.models.ActionUnits;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.util.VarInt;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * Deterministic, compact coder of {@link Track}: the id, the frame count, then the frames packed
 * into one byte block (per frame: frame number, timestamp as a double, confidence as a float,
 * success as a byte and 17 floats: 85 bytes). One block per track keeps encoding to a single write.
 */
public final class TrackCoder extends AtomicCoder<Track> {

  private static final TrackCoder INSTANCE = new TrackCoder();
  private static final int FRAME_BYTES = 4 + 8 + 4 + 1 + 4 * ActionUnits.COUNT;

  private TrackCoder() {}

  /** Lets {@code @DefaultCoder} find this coder for {@link Track}. */
  public static CoderProvider getCoderProvider() {
    return CoderProviders.forCoder(TypeDescriptor.of(Track.class), INSTANCE);
  }

  /** The coder. */
  public static TrackCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(Track track, OutputStream out) throws IOException {
    TrackIdCoder.of().encode(track.id(), out);
    List<Frame> frames = track.frames();
    VarInt.encode(frames.size(), out);
    ByteBuffer block = ByteBuffer.allocate(frames.size() * FRAME_BYTES);
    for (Frame frame : frames) {
      block.putInt(frame.frame());
      block.putDouble(frame.timestamp());
      block.putFloat(frame.confidence());
      block.put((byte) (frame.success() ? 1 : 0));
      for (int a = 0; a < ActionUnits.COUNT; a++) {
        block.putFloat(frame.intensity(a));
      }
    }
    out.write(block.array());
  }

  @Override
  public Track decode(InputStream in) throws IOException {
    TrackId id = TrackIdCoder.of().decode(in);
    int count = VarInt.decodeInt(in);
    byte[] bytes = in.readNBytes(count * FRAME_BYTES);
    if (bytes.length != count * FRAME_BYTES) {
      throw new CoderException(
          "track " + id + ": expected " + count + " frames, the stream ended early");
    }
    ByteBuffer block = ByteBuffer.wrap(bytes);
    List<Frame> frames = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int frame = block.getInt();
      double timestamp = block.getDouble();
      float confidence = block.getFloat();
      boolean success = block.get() != 0;
      float[] intensities = new float[ActionUnits.COUNT];
      for (int a = 0; a < ActionUnits.COUNT; a++) {
        intensities[a] = block.getFloat();
      }
      frames.add(Frame.wrap(frame, timestamp, confidence, success, intensities));
    }
    return Track.of(id, frames);
  }

  @Override
  public void verifyDeterministic() {}

  @Override
  public boolean consistentWithEquals() {
    return true;
  }
}
