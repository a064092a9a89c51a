package io.auglove.transforms.openface;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a stream of bytes into lines as {@link java.io.BufferedReader#readLine} does ({@code \n},
 * {@code \r\n} and {@code \r} end a line; a missing final newline is fine), handing each line out
 * as a range of a byte array, undecoded: an OpenFace row is ASCII, and a byte search for line ends
 * and commas is right for UTF-8 too, where no byte of a multi-byte character is below 0x80.
 *
 * <p>It never holds more than a limit of one line: a longer line is read to its end by streaming,
 * only its first bytes kept and its full length counted. So a gzip bomb that inflates to one line
 * of gigabytes costs time, not memory.
 */
final class LineReader implements Closeable {

  /** How many bytes of a line over the limit are kept, to show in a report. */
  static final int KEPT_OF_LONG_LINE = 200;

  private static final int BUFFER_BYTES = 1 << 16;

  private final InputStream in;
  private final int maxBytes;
  private byte[] buffer = new byte[BUFFER_BYTES];

  /** The unread bytes are {@code buffer[position, limit)}. */
  private int position;

  private int limit;
  private boolean endOfInput;
  private boolean skipLineFeed;

  private final byte[] keptOfLongLine = new byte[KEPT_OF_LONG_LINE];
  private byte[] lineBytes;
  private int lineStart;
  private int lineEnd;
  private long length;

  /**
   * @param maxBytes the longest line, in bytes, that is handed out whole
   */
  LineReader(InputStream in, int maxBytes) {
    this.in = in;
    this.maxBytes = maxBytes;
  }

  /**
   * Moves to the next line; false at the end of the input. The line is then {@link #bytes} from
   * {@link #start} to {@link #end}, valid until the next call; a line longer than the limit is its
   * first {@link #KEPT_OF_LONG_LINE} bytes, {@link #tooLong} says so and {@link #length} gives its
   * real length.
   */
  boolean next() throws IOException {
    if (skipLineFeed) {
      // The previous line ended with \r: a \n right after it belongs to that ending.
      if (position == limit && !refill()) {
        return false;
      }
      skipLineFeed = false;
      if (buffer[position] == '\n') {
        position++;
      }
    }
    int scanned = position;
    while (true) {
      int end = Swar.indexOfLineEnd(buffer, scanned, limit);
      if (end >= 0) {
        return line(buffer, position, end, end);
      }
      if (limit - position > maxBytes) {
        return skipLongLine();
      }
      int partial = limit - position;
      if (!refill()) {
        return partial > 0 && line(buffer, position, limit, -1);
      }
      scanned = position + partial;
    }
  }

  /** The array that holds the current line. */
  byte[] bytes() {
    return lineBytes;
  }

  /** Where the current line starts in {@link #bytes}. */
  int start() {
    return lineStart;
  }

  /** Where the current line (or its kept start) ends in {@link #bytes}, exclusive. */
  int end() {
    return lineEnd;
  }

  /** The current line (or its kept start) decoded as UTF-8. */
  String text() {
    return new String(lineBytes, lineStart, lineEnd - lineStart, UTF_8);
  }

  /** Whether the current line is longer than the limit. */
  boolean tooLong() {
    return length > maxBytes;
  }

  /** The length in bytes of the current line, whole. */
  long length() {
    return length;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /**
   * Hands out {@code bytes[start, end)} as the current line, ended by the byte at {@code ending} of
   * the buffer, or by the end of the input when {@code ending} is negative.
   */
  private boolean line(byte[] bytes, int start, int end, int ending) {
    length = end - start;
    lineBytes = bytes;
    lineStart = start;
    lineEnd = length <= maxBytes ? end : start + (int) Math.min(length, KEPT_OF_LONG_LINE);
    if (ending >= 0) {
      skipLineFeed = buffer[ending] == '\r';
      position = ending + 1;
    } else {
      position = limit;
    }
    return true;
  }

  /**
   * Reads the rest of a line already longer than the limit, keeping its first bytes and counting
   * the rest.
   */
  private boolean skipLongLine() throws IOException {
    int kept = 0;
    long counted = 0;
    while (true) {
      int end = Swar.indexOfLineEnd(buffer, position, limit);
      int stop = end >= 0 ? end : limit;
      int keep = Math.min(KEPT_OF_LONG_LINE - kept, stop - position);
      System.arraycopy(buffer, position, keptOfLongLine, kept, keep);
      kept += keep;
      counted += stop - position;
      if (end >= 0) {
        skipLineFeed = buffer[end] == '\r';
        position = end + 1;
        break;
      }
      position = limit;
      if (!refill()) {
        break;
      }
    }
    length = counted;
    lineBytes = keptOfLongLine;
    lineStart = 0;
    lineEnd = kept;
    return true;
  }

  /**
   * Reads more input after the unread bytes, which move to the start of the buffer (growing it when
   * they fill it, up to one byte over the limit); false at the end of the input.
   */
  private boolean refill() throws IOException {
    if (endOfInput) {
      return false;
    }
    int unread = limit - position;
    if (unread == buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length, Math.min(2 * unread, maxBytes + 1)));
    }
    if (position > 0) {
      System.arraycopy(buffer, position, buffer, 0, unread);
      position = 0;
      limit = unread;
    }
    int read;
    do {
      read = in.read(buffer, limit, buffer.length - limit);
    } while (read == 0);
    if (read < 0) {
      endOfInput = true;
      return false;
    }
    limit += read;
    return true;
  }
}
