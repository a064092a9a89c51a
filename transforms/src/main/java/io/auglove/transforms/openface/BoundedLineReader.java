package io.auglove.transforms.openface;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines as {@link java.io.BufferedReader#readLine} does ({@code \n}, {@code \r\n} and {@code
 * \r} end a line; a missing final newline is fine), but never holds more than a limit of one line:
 * a longer line is read to its end by streaming, only its first characters kept and its full length
 * counted. So a gzip bomb that inflates to one line of gigabytes costs time, not memory.
 */
final class BoundedLineReader implements Closeable {

  /** How many characters of a line over the limit are kept, to show in a report. */
  static final int KEPT_OF_LONG_LINE = 200;

  private static final int BUFFER_CHARS = 1 << 16;

  private final Reader in;
  private final int maxChars;
  private final char[] buffer = new char[BUFFER_CHARS];
  private final StringBuilder partial = new StringBuilder();
  private int position;
  private int limit;
  private boolean endOfInput;
  private boolean skipLineFeed;
  private long length;

  /**
   * @param maxChars the longest line, in characters, that is returned whole
   */
  BoundedLineReader(Reader in, int maxChars) {
    this.in = in;
    this.maxChars = maxChars;
  }

  /**
   * The next line without its line ending, or null at the end of the input. A line longer than the
   * limit comes back as its first {@link #KEPT_OF_LONG_LINE} characters; {@link #tooLong} then says
   * so and {@link #length} gives its real length.
   */
  String readLine() throws IOException {
    partial.setLength(0);
    length = 0;
    boolean started = false;
    while (true) {
      if (position >= limit && !fill()) {
        return started ? finish() : null;
      }
      if (skipLineFeed) {
        // The previous line ended with \r: a \n right after it belongs to that ending.
        skipLineFeed = false;
        if (buffer[position] == '\n') {
          position++;
          continue;
        }
      }
      started = true;
      int end = position;
      while (end < limit && buffer[end] != '\n' && buffer[end] != '\r') {
        end++;
      }
      if (end < limit && partial.length() == 0 && length == 0) {
        // The common case: the whole line is in the buffer.
        length = end - position;
        String line =
            length <= maxChars
                ? new String(buffer, position, end - position)
                : new String(buffer, position, Math.min(KEPT_OF_LONG_LINE, end - position));
        endLine(end);
        return line;
      }
      keep(position, end);
      if (end < limit) {
        endLine(end);
        return finish();
      }
      position = limit;
    }
  }

  /** Whether the line last read is longer than the limit. */
  boolean tooLong() {
    return length > maxChars;
  }

  /** The length in characters of the line last read, whole. */
  long length() {
    return length;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /** Adds {@code buffer[from, to)} to the line, keeping no more than the limit allows. */
  private void keep(int from, int to) {
    int count = to - from;
    length += count;
    if (length <= maxChars) {
      partial.append(buffer, from, count);
    } else if (partial.length() < KEPT_OF_LONG_LINE) {
      partial.append(buffer, from, Math.min(count, KEPT_OF_LONG_LINE - partial.length()));
    } else {
      // Over the limit: what was kept beyond the first characters is let go.
      partial.setLength(KEPT_OF_LONG_LINE);
    }
  }

  private String finish() {
    return partial.toString();
  }

  private void endLine(int end) {
    skipLineFeed = buffer[end] == '\r';
    position = end + 1;
  }

  private boolean fill() throws IOException {
    if (endOfInput) {
      return false;
    }
    int read;
    do {
      read = in.read(buffer, 0, buffer.length);
    } while (read == 0);
    if (read < 0) {
      endOfInput = true;
      return false;
    }
    position = 0;
    limit = read;
    return true;
  }
}
