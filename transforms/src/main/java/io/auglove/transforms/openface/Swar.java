package io.auglove.transforms.openface;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Byte searches eight bytes at a time (SIMD within a register): a row of 714 columns is about 6,600
 * bytes, and finding its line end and its commas one byte at a time was most of the cost of reading
 * it.
 */
final class Swar {

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final long LOW_SEVEN_BITS = 0x7F7F7F7F7F7F7F7FL;
  private static final long COMMAS = broadcast(',');
  private static final long LINE_FEEDS = broadcast('\n');
  private static final long CARRIAGE_RETURNS = broadcast('\r');

  private Swar() {}

  /** The index of the first {@code \n} or {@code \r} in {@code bytes[from, to)}, or -1. */
  static int indexOfLineEnd(byte[] bytes, int from, int to) {
    int i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      long word = (long) LONGS.get(bytes, i);
      long found = equalBytes(word, LINE_FEEDS) | equalBytes(word, CARRIAGE_RETURNS);
      if (found != 0) {
        return i + (Long.numberOfTrailingZeros(found) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (bytes[i] == '\n' || bytes[i] == '\r') {
        return i;
      }
    }
    return -1;
  }

  /**
   * Writes the indexes of the commas of {@code bytes[from, to)} into {@code commas} (which must
   * have room for {@code to - from} of them at worst); their number.
   */
  static int commas(byte[] bytes, int from, int to, int[] commas) {
    int count = 0;
    int i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      long found = equalBytes((long) LONGS.get(bytes, i), COMMAS);
      while (found != 0) {
        commas[count++] = i + (Long.numberOfTrailingZeros(found) >>> 3);
        found &= found - 1;
      }
    }
    for (; i < to; i++) {
      if (bytes[i] == ',') {
        commas[count++] = i;
      }
    }
    return count;
  }

  /**
   * The high bit of each byte of {@code word} that equals the byte repeated in {@code pattern}, no
   * other bit. Exact: adding 0x7F to a byte's low seven bits never carries into the next byte.
   */
  private static long equalBytes(long word, long pattern) {
    long difference = word ^ pattern;
    long nonZeroLow = (difference & LOW_SEVEN_BITS) + LOW_SEVEN_BITS;
    return ~(nonZeroLow | difference | LOW_SEVEN_BITS);
  }

  private static long broadcast(char c) {
    return (c & 0xFFL) * 0x0101010101010101L;
  }
}
