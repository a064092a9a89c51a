package io.auglove.pipelines.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * NumPy {@code .npy} files (format 1.0, little-endian, C order): how data reaches the baselines.
 */
final class NpyFile {

  private NpyFile() {}

  /** A rows x columns float32 matrix, row-major. */
  static void write(Path file, float[] values, int rows, int columns) throws IOException {
    ByteBuffer body = ByteBuffer.allocate(rows * columns * 4).order(ByteOrder.LITTLE_ENDIAN);
    body.asFloatBuffer().put(values, 0, rows * columns);
    write(file, "<f4", "(" + rows + ", " + columns + ")", body);
  }

  /** A vector of int32. */
  static void write(Path file, int[] values) throws IOException {
    ByteBuffer body = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    body.asIntBuffer().put(values);
    write(file, "<i4", "(" + values.length + ",)", body);
  }

  /** A vector of float64. */
  static void write(Path file, double[] values) throws IOException {
    ByteBuffer body = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    body.asDoubleBuffer().put(values);
    write(file, "<f8", "(" + values.length + ",)", body);
  }

  private static void write(Path file, String descr, String shape, ByteBuffer body)
      throws IOException {
    String header = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
    // magic (6) + version (2) + header length (2) + header + newline, padded to 64 bytes
    int unpadded = 10 + header.length() + 1;
    header = header + " ".repeat((64 - unpadded % 64) % 64) + "\n";
    ByteBuffer start = ByteBuffer.allocate(10 + header.length()).order(ByteOrder.LITTLE_ENDIAN);
    start.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII));
    start.put((byte) 1).put((byte) 0).putShort((short) header.length());
    start.put(header.getBytes(StandardCharsets.US_ASCII)).flip();
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (FileChannel channel =
        FileChannel.open(
            file,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      while (start.hasRemaining()) {
        channel.write(start);
      }
      while (body.hasRemaining()) {
        channel.write(body);
      }
    }
  }
}
