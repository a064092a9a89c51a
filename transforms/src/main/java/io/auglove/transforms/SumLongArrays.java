package io.auglove.transforms;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.util.VarInt;

/**
 * Element-wise sums of long arrays, the shorter ones read as padded with zeros: how counts (per
 * cluster, per statistic) add up over a corpus. The sum of nothing is an empty array.
 */
final class SumLongArrays extends Combine.CombineFn<long[], long[], long[]> {

  @Override
  public long[] createAccumulator() {
    return new long[0];
  }

  @Override
  public long[] addInput(long[] sum, long[] input) {
    long[] result = sum.length >= input.length ? sum : Arrays.copyOf(sum, input.length);
    for (int i = 0; i < input.length; i++) {
      result[i] += input[i];
    }
    return result;
  }

  @Override
  public long[] mergeAccumulators(Iterable<long[]> sums) {
    long[] merged = createAccumulator();
    for (long[] sum : sums) {
      merged = addInput(merged, sum);
    }
    return merged;
  }

  @Override
  public long[] extractOutput(long[] sum) {
    return sum;
  }

  @Override
  public Coder<long[]> getAccumulatorCoder(CoderRegistry registry, Coder<long[]> inputCoder) {
    return LongArrayCoder.INSTANCE;
  }

  @Override
  public Coder<long[]> getDefaultOutputCoder(CoderRegistry registry, Coder<long[]> inputCoder) {
    return LongArrayCoder.INSTANCE;
  }

  /** The coder of the arrays: length and values as VarInts. */
  static Coder<long[]> coder() {
    return LongArrayCoder.INSTANCE;
  }

  private static final class LongArrayCoder extends AtomicCoder<long[]> {
    private static final LongArrayCoder INSTANCE = new LongArrayCoder();

    @Override
    public void encode(long[] values, OutputStream out) throws IOException {
      VarInt.encode(values.length, out);
      for (long value : values) {
        VarInt.encode(value, out);
      }
    }

    @Override
    public long[] decode(InputStream in) throws IOException {
      long[] values = new long[VarInt.decodeInt(in)];
      for (int i = 0; i < values.length; i++) {
        values[i] = VarInt.decodeLong(in);
      }
      return values;
    }

    @Override
    public void verifyDeterministic() {}
  }
}
