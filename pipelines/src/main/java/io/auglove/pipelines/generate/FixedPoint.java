package io.auglove.pipelines.generate;

/**
 * Writes numbers as ASCII fixed-point decimals straight into a byte buffer, as C++ iostreams with
 * {@code std::fixed} do, without {@code String.format} or any allocation. Values round half away
 * from zero ({@link Math#round} on the magnitude); a value that rounds to zero is written without a
 * sign.
 */
final class FixedPoint {

  private static final long[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

  /** Longest number this class writes: sign, 19 digits, point. */
  static final int MAX_LENGTH = 21;

  private FixedPoint() {}

  /**
   * Writes {@code value} with {@code decimals} (0 to 6) decimals at {@code pos}; returns the end.
   */
  static int put(byte[] buffer, int pos, double value, int decimals) {
    long power = POWERS[decimals];
    long scaled = Math.round(Math.abs(value) * power);
    if (value < 0 && scaled != 0) {
      buffer[pos++] = '-';
    }
    return putScaled(buffer, pos, scaled, decimals);
  }

  /**
   * Writes a non-negative integer {@code scaled} as {@code scaled / 10^decimals} with {@code
   * decimals} decimals; returns the end.
   */
  static int putScaled(byte[] buffer, int pos, long scaled, int decimals) {
    long power = POWERS[decimals];
    pos = putLong(buffer, pos, scaled / power);
    if (decimals > 0) {
      buffer[pos++] = '.';
      long fraction = scaled % power;
      for (int i = pos + decimals - 1; i >= pos; i--) {
        buffer[i] = (byte) ('0' + fraction % 10);
        fraction /= 10;
      }
      pos += decimals;
    }
    return pos;
  }

  /** Writes a non-negative integer at {@code pos}; returns the end. */
  static int putLong(byte[] buffer, int pos, long value) {
    if (value < 10) {
      buffer[pos] = (byte) ('0' + value);
      return pos + 1;
    }
    int digits = 0;
    for (long v = value; v > 0; v /= 10) {
      digits++;
    }
    for (int i = pos + digits - 1; i >= pos; i--) {
      buffer[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    return pos + digits;
  }
}
