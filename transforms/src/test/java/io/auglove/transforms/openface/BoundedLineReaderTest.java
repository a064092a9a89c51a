package io.auglove.transforms.openface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BoundedLineReaderTest {

  /** A reader that hands out one character per call, so every line crosses a buffer boundary. */
  private static final class OneCharReader extends Reader {
    private final String text;
    private int next;

    OneCharReader(String text) {
      this.text = text;
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
      if (next >= text.length()) {
        return -1;
      }
      buffer[offset] = text.charAt(next++);
      return 1;
    }

    @Override
    public void close() {}
  }

  /** What {@link BoundedLineReader} gives for each line: text, too long, whole length. */
  private static List<String> boundedLines(Reader in, int maxChars) throws IOException {
    List<String> lines = new ArrayList<>();
    try (BoundedLineReader reader = new BoundedLineReader(in, maxChars)) {
      String line;
      while ((line = reader.readLine()) != null) {
        lines.add(line + "|" + reader.tooLong() + "|" + reader.length());
      }
    }
    return lines;
  }

  /** The same, derived from {@link BufferedReader}'s lines and the rule for long ones. */
  private static List<String> expectedLines(String text, int maxChars) throws IOException {
    List<String> lines = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new StringReader(text))) {
      String line;
      while ((line = reader.readLine()) != null) {
        boolean tooLong = line.length() > maxChars;
        String kept =
            tooLong
                ? line.substring(0, Math.min(line.length(), BoundedLineReader.KEPT_OF_LONG_LINE))
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
      int maxChars = random.nextInt(7);
      String input = text.toString();
      List<String> expected = expectedLines(input, maxChars);
      assertEquals(expected, boundedLines(new StringReader(input), maxChars), input);
      assertEquals(expected, boundedLines(new OneCharReader(input), maxChars), input);
    }
  }

  @Test
  void longLinesAcrossManyBuffersKeepTheirStart() throws IOException {
    String within = "x".repeat(200_000);
    String over = "0123456789".repeat(30_000);
    String text = within + "\r\n" + over + "\rtail";

    List<String> lines = boundedLines(new StringReader(text), 250_000);

    assertEquals(
        List.of(
            within + "|false|200000",
            over.substring(0, BoundedLineReader.KEPT_OF_LONG_LINE) + "|true|300000",
            "tail|false|4"),
        lines);
  }

  @Test
  void emptyInputHasNoLines() throws IOException {
    try (BoundedLineReader reader = new BoundedLineReader(new StringReader(""), 10)) {
      assertNull(reader.readLine());
      assertFalse(reader.tooLong());
    }
  }

  @Test
  void aLineOfExactlyTheLimitIsWhole() throws IOException {
    try (BoundedLineReader reader = new BoundedLineReader(new StringReader("abcde\nabcdef"), 5)) {
      assertEquals("abcde", reader.readLine());
      assertFalse(reader.tooLong());
      assertEquals("abcdef", reader.readLine());
      assertTrue(reader.tooLong());
      assertEquals(6, reader.length());
    }
  }
}
