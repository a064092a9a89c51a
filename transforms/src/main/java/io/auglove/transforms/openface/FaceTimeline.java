package io.auglove.transforms.openface;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.auglove.transforms.records.Frame;
import io.auglove.transforms.records.RejectReason;
import io.auglove.transforms.records.RejectedRow;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The frames of one face as they are read, kept in strictly increasing time. A row is decided with
 * at most two later rows of the same face, so the rule streams:
 *
 * <ul>
 *   <li>A row after the latest accepted one is accepted for now.
 *   <li>A row at the latest accepted timestamp is rejected ({@code duplicate_frame}).
 *   <li>A row before the latest accepted one and also before (or at) the one accepted ahead of
 *       that, or with no row ahead of that, is rejected ({@code timestamp_backwards}).
 *   <li>A row that falls between the two latest accepted rows is held: either it went back or the
 *       latest row jumped ahead. The next row of the face decides. If it is at or after the latest
 *       row, the track goes on from there and the held row went back ({@code timestamp_backwards}).
 *       If it is before the latest row, two rows in a row contradict that one: it is rejected
 *       ({@code timestamp_jump}) and the held row takes its place. When the face ends first, the
 *       row that jumped ahead is rejected: a timestamp wrongly kept far ahead would stand apart
 *       from the track, one wrongly kept within it costs nothing.
 * </ul>
 *
 * <p>So a single corrupted timestamp anywhere but on a face's last row costs that row alone, and a
 * track whose timestamps increase keeps every row. Two or more corrupt rows in a row whose
 * timestamps increase among themselves look like a real jump in time and are not told apart from
 * one.
 */
final class FaceTimeline {

  /**
   * A row accepted or held for now: where it is and what it holds, its raw bytes in {@code text[0,
   * textLength)}.
   */
  private record Row(long line, byte[] text, int textLength, Frame frame) {
    double timestamp() {
      return frame.timestamp();
    }
  }

  private final String file;
  private final String face;
  private final List<RejectedRow> rejected;
  private final List<Frame> frames = new ArrayList<>();

  /**
   * Buffers for the raw bytes of rows that may still be rejected: at most three are open ({@link
   * #ahead}, {@link #held} and the row offered), so a face copies its rows' bytes without
   * allocating for each row.
   */
  private final ArrayDeque<byte[]> spareTexts = new ArrayDeque<>();

  /** The last row kept for good. */
  private Row kept;

  /** A row after {@link #kept}, accepted until a later row contradicts it. */
  private Row ahead;

  /** A row between {@link #kept} and {@link #ahead}, waiting for the next row to decide. */
  private Row held;

  /**
   * @param face how the face is named in a rejection's detail, such as {@code " of face 1"}, or
   *     empty for a file without face ids
   * @param rejected where rejected rows are added
   */
  FaceTimeline(String file, String face, List<RejectedRow> rejected) {
    this.file = file;
    this.face = face;
    this.rejected = rejected;
  }

  /** Offers the next row of this face, parsed, its raw bytes {@code bytes[start, end)}. */
  void offer(long line, byte[] bytes, int start, int end, Frame frame) {
    int length = end - start;
    byte[] text = spareTexts.isEmpty() ? new byte[length] : spareTexts.pop();
    if (text.length < length) {
      text = new byte[Math.max(length, text.length + text.length / 2)];
    }
    System.arraycopy(bytes, start, text, 0, length);
    Row row = new Row(line, text, length, frame);
    if (held != null) {
      if (row.timestamp() >= ahead.timestamp()) {
        rejectBackwards(held, ahead);
        held = null;
      } else {
        replaceJump();
      }
    }
    place(row);
  }

  /** Decides what is still open and returns the frames kept, in time order. */
  List<Frame> finish() {
    if (held != null) {
      replaceJump();
    }
    if (ahead != null) {
      keep(ahead);
      ahead = null;
    }
    return frames;
  }

  private void place(Row row) {
    Row latest = ahead != null ? ahead : kept;
    if (latest == null || row.timestamp() > latest.timestamp()) {
      if (ahead != null) {
        keep(ahead);
      }
      ahead = row;
    } else if (row.timestamp() == latest.timestamp()) {
      reject(row, RejectReason.DUPLICATE_FRAME, describe(row, "repeats", latest));
    } else if (ahead != null && (kept == null || row.timestamp() > kept.timestamp())) {
      held = row;
    } else {
      rejectBackwards(row, latest);
    }
  }

  /** Rejects {@link #ahead} as a jump, contradicted by {@link #held}, which takes its place. */
  private void replaceJump() {
    String detail =
        "timestamp "
            + ahead.timestamp()
            + " jumps ahead: the next row"
            + face
            + " (line "
            + held.line()
            + ", timestamp "
            + held.timestamp()
            + ") goes back before it"
            + (kept == null
                ? ""
                : " but not before line " + kept.line() + " (timestamp " + kept.timestamp() + ")");
    reject(ahead, RejectReason.TIMESTAMP_JUMP, detail);
    ahead = held;
    held = null;
  }

  private void rejectBackwards(Row row, Row latest) {
    reject(row, RejectReason.TIMESTAMP_BACKWARDS, describe(row, "is before", latest));
  }

  private String describe(Row row, String relation, Row latest) {
    return "timestamp "
        + row.timestamp()
        + " "
        + relation
        + " the previous row"
        + face
        + " (line "
        + latest.line()
        + ", timestamp "
        + latest.timestamp()
        + ")";
  }

  private void keep(Row row) {
    frames.add(row.frame());
    kept = row;
    // A row kept for good is never rejected: its bytes are not needed again.
    spareTexts.push(row.text());
  }

  private void reject(Row row, RejectReason reason, String detail) {
    String text = new String(row.text(), 0, row.textLength(), UTF_8);
    rejected.add(RejectedRow.of(file, row.line(), reason, detail, text));
    spareTexts.push(row.text());
  }
}
