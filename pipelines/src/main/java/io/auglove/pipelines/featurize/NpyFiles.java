package io.auglove.pipelines.featurize;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Writes arrays in NumPy's {@code .npy} format (version 1.0, little-endian, C order), as {@code
 * numpy.load} reads them: the feature tables, and the data handed to the bench's Python baselines.
 */
public final class NpyFiles {

  private NpyFiles() {}

  /** The bytes of a {@code rows x columns} float32 array ({@code numpy.load} reads them). */
  public static byte[] float32(float[][] matrix) {
    int columns = matrix.length == 0 ? 0 : matrix[0].length;
    ByteBuffer out =
        start("<f4", "(" + matrix.length + ", " + columns + ")", 4L * matrix.length * columns);
    for (float[] row : matrix) {
      for (float value : row) {
        out.putFloat(value);
      }
    }
    return out.array();
  }

  /**
   * The bytes of a {@code rows x columns} float32 array from the first values of {@code rowMajor}.
   */
  public static byte[] float32(float[] rowMajor, int rows, int columns) {
    ByteBuffer out = start("<f4", "(" + rows + ", " + columns + ")", 4L * rows * columns);
    out.asFloatBuffer().put(rowMajor, 0, rows * columns);
    return out.array();
  }

  /** The bytes of a vector of int32. */
  public static byte[] int32(int[] values) {
    ByteBuffer out = start("<i4", "(" + values.length + ",)", 4L * values.length);
    out.asIntBuffer().put(values);
    return out.array();
  }

  /** The bytes of a vector of float64. */
  public static byte[] float64(double[] values) {
    ByteBuffer out = start("<f8", "(" + values.length + ",)", 8L * values.length);
    out.asDoubleBuffer().put(values);
    return out.array();
  }

  /**
   * A buffer holding the header of an array of {@code descr} and {@code shape}, room for its data.
   */
  private static ByteBuffer start(String descr, String shape, long dataBytes) {
    String dict =
        String.format(
            Locale.ROOT, "{'descr': '%s', 'fortran_order': False, 'shape': %s, }", descr, shape);
    // Magic (6) + version (2) + header length (2) + header, padded with spaces to a multiple of
    // 64 bytes and ended by a newline.
    int unpadded = 10 + dict.length() + 1;
    int padding = (64 - unpadded % 64) % 64;
    String header = dict + " ".repeat(padding) + "\n";
    ByteBuffer out =
        ByteBuffer.allocate(Math.toIntExact(10 + header.length() + dataBytes))
            .order(ByteOrder.LITTLE_ENDIAN);
    out.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII));
    out.put((byte) 1).put((byte) 0).putShort((short) header.length());
    out.put(header.getBytes(StandardCharsets.US_ASCII));
    return out;
  }
}
