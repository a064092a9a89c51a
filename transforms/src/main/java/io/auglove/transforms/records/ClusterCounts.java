package io.auglove.transforms.records;

import static com.google.common.base.Preconditions.checkArgument;

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
 * How many frames of a corpus fell in each of the k clusters: what the {@code <unk>} count rule
 * looks at. Immutable.
 */
@DefaultCoder(ClusterCounts.Coder.class)
public final class ClusterCounts implements Serializable {

  // Serializable because counts read from a file travel inside the DoFn that applies the count
  // rule.
  private static final long serialVersionUID = 1L;

  private final long[] counts;

  private ClusterCounts(long[] counts) {
    this.counts = counts;
  }

  /** Counts of clusters 0..k-1; {@code counts} is copied. */
  public static ClusterCounts of(long... counts) {
    for (int c = 0; c < counts.length; c++) {
      checkArgument(counts[c] >= 0, "cluster %s has a negative count: %s", c, counts[c]);
    }
    return new ClusterCounts(counts.clone());
  }

  /** k zero counts. */
  public static ClusterCounts zeros(int k) {
    return new ClusterCounts(new long[k]);
  }

  /** Number of clusters. */
  public int k() {
    return counts.length;
  }

  /** Frames in cluster {@code id}. */
  public long count(int id) {
    return counts[id];
  }

  /** Frames in every cluster together. */
  public long total() {
    long total = 0;
    for (long count : counts) {
      total += count;
    }
    return total;
  }

  /** The sum of two counts of the same k. */
  public ClusterCounts plus(ClusterCounts other) {
    checkArgument(
        other.counts.length == counts.length,
        "k differs: %s and %s",
        counts.length,
        other.counts.length);
    long[] sum = counts.clone();
    for (int c = 0; c < sum.length; c++) {
      sum[c] += other.counts[c];
    }
    return new ClusterCounts(sum);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ClusterCounts that && Arrays.equals(counts, that.counts);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(counts);
  }

  @Override
  public String toString() {
    return "ClusterCounts"
        + (counts.length <= 20 ? Arrays.toString(counts) : "{k=" + counts.length + "}");
  }

  /** Deterministic coder of {@link ClusterCounts}. */
  public static final class Coder extends AtomicCoder<ClusterCounts> {
    private static final Coder INSTANCE = new Coder();

    /** Lets {@code @DefaultCoder} find this coder for {@link ClusterCounts}. */
    public static CoderProvider getCoderProvider() {
      return CoderProviders.forCoder(TypeDescriptor.of(ClusterCounts.class), INSTANCE);
    }

    /** The coder. */
    public static Coder of() {
      return INSTANCE;
    }

    @Override
    public void encode(ClusterCounts value, OutputStream out) throws IOException {
      VarInt.encode(value.counts.length, out);
      for (long count : value.counts) {
        VarInt.encode(count, out);
      }
    }

    @Override
    public ClusterCounts decode(InputStream in) throws IOException {
      long[] counts = new long[VarInt.decodeInt(in)];
      for (int c = 0; c < counts.length; c++) {
        counts[c] = VarInt.decodeLong(in);
      }
      return new ClusterCounts(counts);
    }

    @Override
    public void verifyDeterministic() {}

    @Override
    public boolean consistentWithEquals() {
      return true;
    }
  }
}
