package io.auglove.pipelines.featurize;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Writes float matrices in NumPy's {@code .npy} format (version 1.0, little-endian float32). */
public final class NpyFiles {

  private NpyFiles() {}

  /** The bytes of a {@code rows x columns} float32 array ({@code numpy.load} reads them). */
  public static byte[] float32(float[][] matrix) {
    int columns = matrix.length == 0 ? 0 : matrix[0].length;
    String dict =
        String.format(
            Locale.ROOT,
            "{'descr': '<f4', 'fortran_order': False, 'shape': (%d, %d), }",
            matrix.length,
            columns);
    // Magic (6) + version (2) + header length (2) + header, padded with spaces to a multiple of
    // 64 bytes and ended by a newline.
    int unpadded = 10 + dict.length() + 1;
    int padding = (64 - unpadded % 64) % 64;
    String header = dict + " ".repeat(padding) + "\n";
    ByteBuffer out =
        ByteBuffer.allocate(10 + header.length() + 4 * matrix.length * columns)
            .order(ByteOrder.LITTLE_ENDIAN);
    out.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII));
    out.put((byte) 1).put((byte) 0).putShort((short) header.length());
    out.put(header.getBytes(StandardCharsets.US_ASCII));
    for (float[] row : matrix) {
      for (float value : row) {
        out.putFloat(value);
      }
    }
    return out.array();
  }
}
