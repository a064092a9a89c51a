package io.auglove.transforms.records;

import io.auglove.models.Centroids;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.util.VarInt;

/**
 * Deterministic coder of {@link Centroids}: k, dimension, the empty flags, then the values as
 * floats.
 */
public final class CentroidsCoder extends AtomicCoder<Centroids> {

  private static final CentroidsCoder INSTANCE = new CentroidsCoder();

  private CentroidsCoder() {}

  /** The coder. */
  public static CentroidsCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(Centroids centroids, OutputStream out) throws IOException {
    int k = centroids.k();
    int dimension = centroids.dimension();
    VarInt.encode(k, out);
    VarInt.encode(dimension, out);
    ByteBuffer block = ByteBuffer.allocate(k + 4 * k * dimension);
    for (int c = 0; c < k; c++) {
      block.put((byte) (centroids.isEmpty(c) ? 1 : 0));
    }
    for (int c = 0; c < k; c++) {
      for (int d = 0; d < dimension; d++) {
        block.putFloat(centroids.value(c, d));
      }
    }
    out.write(block.array());
  }

  @Override
  public Centroids decode(InputStream in) throws IOException {
    int k = VarInt.decodeInt(in);
    int dimension = VarInt.decodeInt(in);
    byte[] bytes = in.readNBytes(k + 4 * k * dimension);
    if (bytes.length != k + 4 * k * dimension) {
      throw new CoderException("centroids: the stream ended early");
    }
    ByteBuffer block = ByteBuffer.wrap(bytes);
    boolean[] empty = new boolean[k];
    for (int c = 0; c < k; c++) {
      empty[c] = block.get() != 0;
    }
    float[][] rows = new float[k][];
    for (int c = 0; c < k; c++) {
      float[] row = new float[dimension];
      for (int d = 0; d < dimension; d++) {
        row[d] = block.getFloat();
      }
      rows[c] = empty[c] ? null : row;
    }
    return Centroids.of(rows);
  }

  @Override
  public void verifyDeterministic() {}

  @Override
  public boolean consistentWithEquals() {
    return true;
  }
}
