package io.auglove.pipelines.evaluate;

import io.auglove.models.ActionUnits;
import io.auglove.models.protocol.Split;
import io.auglove.models.regression.Sample;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.util.VarInt;

/**
 * One labelled recording, as every evaluation task sees it: its sequences joined in time order
 * (where each began is kept), its participant, its fixed split and its target values ({@code NaN}
 * where the labels file has none).
 */
public record LabelledRecording(
    String recording,
    String participant,
    Split split,
    float[][] aus,
    int[] tokenIds,
    int[] sequenceStarts,
    double[] targets) {

  /** The sample for target {@code t}. */
  public Sample sample(int t) {
    return new Sample(recording, participant, aus, tokenIds, sequenceStarts, targets[t]);
  }

  /** Coder: names, split, then lengths and one block of ids, starts, targets and intensities. */
  public static final class Coder extends AtomicCoder<LabelledRecording> {
    private static final Coder INSTANCE = new Coder();

    public static Coder of() {
      return INSTANCE;
    }

    @Override
    public void encode(LabelledRecording r, OutputStream out) throws IOException {
      StringUtf8Coder.of().encode(r.recording, out);
      StringUtf8Coder.of().encode(r.participant, out);
      VarInt.encode(r.split == null ? 0 : r.split.ordinal() + 1, out);
      VarInt.encode(r.aus.length, out);
      VarInt.encode(r.sequenceStarts.length, out);
      VarInt.encode(r.targets.length, out);
      ByteBuffer block =
          ByteBuffer.allocate(
              4 * r.aus.length * (1 + ActionUnits.COUNT)
                  + 4 * r.sequenceStarts.length
                  + 8 * r.targets.length);
      for (int id : r.tokenIds) {
        block.putInt(id);
      }
      for (int start : r.sequenceStarts) {
        block.putInt(start);
      }
      for (double target : r.targets) {
        block.putDouble(target);
      }
      for (float[] frame : r.aus) {
        for (float value : frame) {
          block.putFloat(value);
        }
      }
      new DataOutputStream(out).write(block.array());
    }

    @Override
    public LabelledRecording decode(InputStream in) throws IOException {
      String recording = StringUtf8Coder.of().decode(in);
      String participant = StringUtf8Coder.of().decode(in);
      int split = VarInt.decodeInt(in);
      int frames = VarInt.decodeInt(in);
      int sequences = VarInt.decodeInt(in);
      int targets = VarInt.decodeInt(in);
      byte[] bytes = new byte[4 * frames * (1 + ActionUnits.COUNT) + 4 * sequences + 8 * targets];
      try {
        new DataInputStream(in).readFully(bytes);
      } catch (java.io.EOFException e) {
        throw new CoderException("recording " + recording + ": the stream ended early", e);
      }
      ByteBuffer block = ByteBuffer.wrap(bytes);
      int[] ids = new int[frames];
      for (int i = 0; i < frames; i++) {
        ids[i] = block.getInt();
      }
      int[] starts = new int[sequences];
      for (int i = 0; i < sequences; i++) {
        starts[i] = block.getInt();
      }
      double[] values = new double[targets];
      for (int i = 0; i < targets; i++) {
        values[i] = block.getDouble();
      }
      float[][] aus = new float[frames][ActionUnits.COUNT];
      for (float[] frame : aus) {
        for (int a = 0; a < frame.length; a++) {
          frame[a] = block.getFloat();
        }
      }
      return new LabelledRecording(
          recording,
          participant,
          split == 0 ? null : Split.values()[split - 1],
          aus,
          ids,
          starts,
          values);
    }

    @Override
    public void verifyDeterministic() {}
  }
}
