package io.auglove.transforms.records;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.util.VarInt;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * What {@link io.auglove.transforms.AssignCluster} did to a corpus: sequences, frames, and frames
 * that became {@code <unk>} by distance (too far from their centre) or by count (in a cluster with
 * too few frames; counted only when the distance rule did not already apply). Immutable.
 */
@DefaultCoder(AssignmentStats.Coder.class)
public final class AssignmentStats {

  private final long sequences;
  private final long frames;
  private final long unknownByDistance;
  private final long unknownByCount;

  private AssignmentStats(
      long sequences, long frames, long unknownByDistance, long unknownByCount) {
    this.sequences = sequences;
    this.frames = frames;
    this.unknownByDistance = unknownByDistance;
    this.unknownByCount = unknownByCount;
  }

  /** Statistics with these counts. */
  public static AssignmentStats of(
      long sequences, long frames, long unknownByDistance, long unknownByCount) {
    return new AssignmentStats(sequences, frames, unknownByDistance, unknownByCount);
  }

  /** The counts as an array, in constructor order, for summing. */
  public long[] toArray() {
    return new long[] {sequences, frames, unknownByDistance, unknownByCount};
  }

  /** Statistics from {@link #toArray()}'s layout (zeros when the array is shorter). */
  public static AssignmentStats fromArray(long[] counts) {
    long[] c = Arrays.copyOf(counts, 4);
    return new AssignmentStats(c[0], c[1], c[2], c[3]);
  }

  public long sequences() {
    return sequences;
  }

  /** Frames assigned (tokens between {@code <START>} and {@code <END>}). */
  public long frames() {
    return frames;
  }

  public long unknownByDistance() {
    return unknownByDistance;
  }

  public long unknownByCount() {
    return unknownByCount;
  }

  /** Share of frames that became {@code <unk>}, 0 for no frames. */
  public double unknownShare() {
    return frames == 0 ? 0 : (unknownByDistance + unknownByCount) / (double) frames;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AssignmentStats that && Arrays.equals(toArray(), that.toArray());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(toArray());
  }

  @Override
  public String toString() {
    return String.format(
        "AssignmentStats{sequences=%d, frames=%d, unk by distance=%d, unk by count=%d}",
        sequences, frames, unknownByDistance, unknownByCount);
  }

  /** Deterministic coder of {@link AssignmentStats}. */
  public static final class Coder extends AtomicCoder<AssignmentStats> {
    private static final Coder INSTANCE = new Coder();

    /** Lets {@code @DefaultCoder} find this coder for {@link AssignmentStats}. */
    public static CoderProvider getCoderProvider() {
      return CoderProviders.forCoder(TypeDescriptor.of(AssignmentStats.class), INSTANCE);
    }

    /** The coder. */
    public static Coder of() {
      return INSTANCE;
    }

    @Override
    public void encode(AssignmentStats stats, OutputStream out) throws IOException {
      for (long count : stats.toArray()) {
        VarInt.encode(count, out);
      }
    }

    @Override
    public AssignmentStats decode(InputStream in) throws IOException {
      return new AssignmentStats(
          VarInt.decodeLong(in),
          VarInt.decodeLong(in),
          VarInt.decodeLong(in),
          VarInt.decodeLong(in));
    }

    @Override
    public void verifyDeterministic() {}

    @Override
    public boolean consistentWithEquals() {
      return true;
    }
  }
}
