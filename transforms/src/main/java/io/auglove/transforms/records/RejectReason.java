package io.auglove.transforms.records;

import java.util.Locale;

/**
 * Why {@link io.auglove.transforms.ReadOpenFace} refused a data row. Coders write the ordinal: new
 * reasons go at the end.
 */
public enum RejectReason {
  /** The row has more or fewer fields than the header (a truncated or run-together row). */
  FIELD_COUNT,
  /** A needed value is not a number. */
  NOT_A_NUMBER,
  /** A needed value is NaN or infinite. */
  NOT_FINITE,
  /** An AU intensity lies outside 0..5. */
  AU_OUT_OF_RANGE,
  /** {@code success} is neither 0 nor 1. */
  SUCCESS_NOT_0_OR_1,
  /** {@code frame} or {@code face_id} is not a whole number (face ids also not negative). */
  NOT_A_WHOLE_NUMBER,
  /**
   * The timestamp equals the previous accepted one of the same face: the frame is written twice.
   */
  DUPLICATE_FRAME,
  /** The timestamp is before the previous accepted one of the same face. */
  TIMESTAMP_BACKWARDS,
  /**
   * The timestamp is ahead of the rows that follow it: the next rows of the same face go back
   * before it, but not before the row accepted ahead of it, so this row is the odd one out (see
   * {@link io.auglove.transforms.openface.OpenFaceFileReader} for the exact rule).
   */
  TIMESTAMP_JUMP,
  /** {@code confidence} lies outside 0..1. */
  CONFIDENCE_OUT_OF_RANGE,
  /**
   * The line is longer than {@link
   * io.auglove.transforms.openface.OpenFaceFileReader#MAX_LINE_BYTES} bytes; it is skipped without
   * being held, and only its start is kept as its raw text.
   */
  LINE_TOO_LONG;

  /** The name written in reports: lower case, for example {@code au_out_of_range}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
