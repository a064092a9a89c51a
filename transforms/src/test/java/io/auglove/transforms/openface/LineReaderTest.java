package io.auglove.transforms.openface;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LineReaderTest {

  /** A stream that hands out one byte per call, so every line crosses a buffer boundary. */
  private static final class OneByteStream extends InputStream {
    private final byte[] bytes;
    private int next;

    OneByteStream(String text) {
      this.bytes = text.getBytes(UTF_8);
    }

    @Override
    public int read() {
      return next < bytes.length ? bytes[next++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (next >= bytes.length) {
        return -1;
      }
      buffer[offset] = bytes[next++];
      return 1;
    }
  }

  private static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(UTF_8));
  }

  /** What {@link LineReader} gives for each line: text, too long, whole length. */
  private static List<String> boundedLines(InputStream in, int maxBytes) throws IOException {
    List<String> lines = new ArrayList<>();
    try (LineReader reader = new LineReader(in, maxBytes)) {
      while (reader.next()) {
        lines.add(reader.text() + "|" + reader.tooLong() + "|" + reader.length());
      }
    }
    return lines;
  }

  /** The same, derived from {@link BufferedReader}'s lines and the rule for long ones. */
  private static List<String> expectedLines(String text, int maxBytes) throws IOException {
    List<String> lines = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new StringReader(text))) {
      String line;
      while ((line = reader.readLine()) != null) {
        boolean tooLong = line.length() > maxBytes;
        String kept =
            tooLong
                ? line.substring(0, Math.min(line.length(), LineReader.KEPT_OF_LONG_LINE))
                : line;
        lines.add(kept + "|" + tooLong + "|" + line.length());
      }
    }
    return lines;
  }

  @Test
  void splitsLinesAsBufferedReaderDoesWhateverTheEndingsAndChunks() throws IOException {
    Random random = new Random(8);
    char[] alphabet = {'a', 'b', '\r', '\n'};
    for (int trial = 0; trial < 2000; trial++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(40);
      for (int i = 0; i < length; i++) {
        text.append(alphabet[random.nextInt(alphabet.length)]);
      }
      int maxBytes = random.nextInt(7);
      String input = text.toString();
      List<String> expected = expectedLines(input, maxBytes);
      assertEquals(expected, boundedLines(stream(input), maxBytes), input);
      assertEquals(expected, boundedLines(new OneByteStream(input), maxBytes), input);
    }
  }

  @Test
  void longLinesAcrossManyBuffersKeepTheirStart() throws IOException {
    String within = "x".repeat(200_000);
    String over = "0123456789".repeat(30_000);
    String text = within + "\r\n" + over + "\rtail";

    List<String> lines = boundedLines(stream(text), 250_000);

    assertEquals(
        List.of(
            within + "|false|200000",
            over.substring(0, LineReader.KEPT_OF_LONG_LINE) + "|true|300000",
            "tail|false|4"),
        lines);
  }

  @Test
  void emptyInputHasNoLines() throws IOException {
    try (LineReader reader = new LineReader(stream(""), 10)) {
      assertFalse(reader.next());
      assertFalse(reader.tooLong());
    }
  }

  @Test
  void aLineOfExactlyTheLimitIsWhole() throws IOException {
    try (LineReader reader = new LineReader(stream("abcde\nabcdef"), 5)) {
      assertTrue(reader.next());
      assertEquals("abcde", reader.text());
      assertFalse(reader.tooLong());
      assertTrue(reader.next());
      assertEquals("abcdef", reader.text());
      assertTrue(reader.tooLong());
      assertEquals(6, reader.length());
    }
  }
}
