package io.auglove.models.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;

/**
 * Deterministic AU-like frames for benchmarks and reference files: a mixture of sparse expression
 * prototypes (1 to 4 active AUs each, Zipf-like prevalence) plus noise, 17 values in 0..5 rounded
 * to two decimals as OpenFace writes them, so exact zeros and repeated frames are common. Written
 * as NumPy {@code .npy} float32 files, which both the Java and the Python side read.
 */
public final class BenchFrames {

  /** AU intensities per frame. */
  public static final int DIMENSION = 17;

  private static final int PROTOTYPES = 400;

  private BenchFrames() {}

  /** {@code rows} frames, row-major, from {@code seed}. */
  public static float[] generate(int rows, long seed) {
    Random random = new Random(seed);
    float[][] prototypes = new float[PROTOTYPES][DIMENSION];
    double[] cumulative = new double[PROTOTYPES];
    double total = 0;
    for (int p = 0; p < PROTOTYPES; p++) {
      int active = 1 + random.nextInt(4);
      for (int a = 0; a < active; a++) {
        prototypes[p][random.nextInt(DIMENSION)] = (float) (0.5 + 3.5 * random.nextDouble());
      }
      total += 1 / Math.pow(p + 1, 0.8);
      cumulative[p] = total;
    }
    float[] frames = new float[rows * DIMENSION];
    for (int row = 0; row < rows; row++) {
      double u = random.nextDouble() * total;
      int p = 0;
      while (cumulative[p] <= u && p < PROTOTYPES - 1) {
        p++;
      }
      for (int d = 0; d < DIMENSION; d++) {
        float base = prototypes[p][d];
        double noise = random.nextGaussian() * (base > 0 ? 0.35 : 0.15);
        double value = Math.max(0, Math.min(5, base + noise));
        frames[row * DIMENSION + d] = Math.round(value * 100) / 100f;
      }
    }
    return frames;
  }

  /** Writes a rows x columns float32 matrix as a NumPy {@code .npy} file (version 1.0). */
  public static void writeNpy(Path file, float[] values, int rows, int columns) throws IOException {
    ByteBuffer body = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    body.asFloatBuffer().put(values);
    writeNpy(file, "<f4", "(" + rows + ", " + columns + ")", body);
  }

  /** Writes a vector of int32 as a NumPy {@code .npy} file. */
  public static void writeNpy(Path file, int[] values) throws IOException {
    ByteBuffer body = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    body.asIntBuffer().put(values);
    writeNpy(file, "<i4", "(" + values.length + ",)", body);
  }

  /** Writes a vector of float64 as a NumPy {@code .npy} file. */
  public static void writeNpy(Path file, double[] values) throws IOException {
    ByteBuffer body = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    body.asDoubleBuffer().put(values);
    writeNpy(file, "<f8", "(" + values.length + ",)", body);
  }

  private static void writeNpy(Path file, String descr, String shape, ByteBuffer body)
      throws IOException {
    String header = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
    int unpadded = 10 + header.length() + 1;
    int padding = (64 - unpadded % 64) % 64;
    header = header + " ".repeat(padding) + "\n";
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
      channel.write(start);
      channel.write(body);
    }
  }
}
