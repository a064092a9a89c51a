package io.auglove.transforms.openface;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SwarTest {

  /**
   * Bytes that differ from a comma or a line end in one bit only, or only in the high bit (0xAC is
   * ',' | 0x80), catch a search that looks at fewer than all eight bits of a byte.
   */
  private static final byte[] ALPHABET = {
    ',', '\n', '\r', '0', '.', (byte) 0xAC, (byte) 0x8A, (byte) 0x8D, 0x2D, 0x0B, 0x0C, 0x00, -1
  };

  @Test
  void findsWhatAByteByByteSearchFindsAtEveryOffset() {
    Random random = new Random(3);
    int[] found = new int[64];
    for (int trial = 0; trial < 20_000; trial++) {
      byte[] bytes = new byte[random.nextInt(40)];
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = ALPHABET[random.nextInt(ALPHABET.length)];
      }
      int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length + 1);
      int to = from + random.nextInt(bytes.length - from + 1);

      int count = Swar.commas(bytes, from, to, found);

      assertArrayEquals(commasOneByOne(bytes, from, to), Arrays.copyOf(found, count));
      assertEquals(lineEndOneByOne(bytes, from, to), Swar.indexOfLineEnd(bytes, from, to));
    }
  }

  private static int[] commasOneByOne(byte[] bytes, int from, int to) {
    return java.util.stream.IntStream.range(from, to).filter(i -> bytes[i] == ',').toArray();
  }

  private static int lineEndOneByOne(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == '\n' || bytes[i] == '\r') {
        return i;
      }
    }
    return -1;
  }
}
