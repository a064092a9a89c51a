package io.auglove.pipelines.generate;

import static java.nio.charset.StandardCharsets.US_ASCII;

import com.google.common.collect.ImmutableList;
import io.auglove.models.ActionUnits;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes one recording in OpenFace's CSV format: {@code frame}, optionally {@code face_id}, {@code
 * timestamp}, {@code confidence}, {@code success}, 8 gaze, 6 pose, 17 {@code AUxx_r} and 18 {@code
 * AUxx_c} columns, with the separators and occurrence format of the recording's {@link WriterStyle}
 * and OpenFace's fixed precision: timestamp 3 decimals, confidence 2, gaze vectors 6, gaze angles
 * 3, pose translation 1, pose rotation 3, AU intensities 2. With {@link RecordingFormat#allColumns}
 * also, in FeatureExtraction's order, 280 eye-landmark columns after the gaze, 136 2-D and 204 3-D
 * face-landmark columns and 40 shape parameters after the pose: values of OpenFace's precision (1
 * decimal, parameters 3) that no stage reads, there so that files have real files' width.
 *
 * <p>Rows are formatted into a reused byte buffer; nothing is allocated per row.
 */
final class OpenFaceCsvWriter {

  private static final ImmutableList<String> GAZE_COLUMNS =
      ImmutableList.of(
          "gaze_0_x",
          "gaze_0_y",
          "gaze_0_z",
          "gaze_1_x",
          "gaze_1_y",
          "gaze_1_z",
          "gaze_angle_x",
          "gaze_angle_y");
  private static final int[] GAZE_DECIMALS = {6, 6, 6, 6, 6, 6, 3, 3};
  private static final ImmutableList<String> POSE_COLUMNS =
      ImmutableList.of("pose_Tx", "pose_Ty", "pose_Tz", "pose_Rx", "pose_Ry", "pose_Rz");
  private static final int[] POSE_DECIMALS = {1, 1, 1, 3, 3, 3};
  private static final int BUFFER_SIZE = 1 << 16;
  private static final int MAX_ROW_LENGTH = 8192;
  private static final int EYE_LANDMARKS = 56;
  private static final int FACE_LANDMARKS = 68;
  private static final int SHAPE_PARAMETERS = 34;
  private static final ImmutableList<String> EYE_LANDMARK_COLUMNS =
      landmarkColumns(
          EYE_LANDMARKS, "eye_lmk_x_", "eye_lmk_y_", "eye_lmk_X_", "eye_lmk_Y_", "eye_lmk_Z_");
  private static final ImmutableList<String> FACE_LANDMARK_COLUMNS =
      landmarkColumns(FACE_LANDMARKS, "x_", "y_", "X_", "Y_", "Z_");
  private static final ImmutableList<String> SHAPE_COLUMNS = shapeColumns();

  private final OutputStream out;
  private final RecordingFormat format;
  private final byte[] fieldSeparator;
  private final byte[] actionUnitSeparator;
  private final byte[] lineEnding;
  private final byte[] occurred;
  private final byte[] notOccurred;
  private final byte[] buffer = new byte[BUFFER_SIZE];
  private int pos;

  OpenFaceCsvWriter(OutputStream out, RecordingFormat format) {
    this.out = out;
    this.format = format;
    WriterStyle style = format.style();
    this.fieldSeparator = style.fieldSeparator().getBytes(US_ASCII);
    this.actionUnitSeparator = style.actionUnitSeparator().getBytes(US_ASCII);
    this.lineEnding = format.lineEnding().getBytes(US_ASCII);
    byte[] one = new byte[8];
    byte[] zero = new byte[8];
    int decimals = style.occurrenceDecimals();
    this.occurred = copy(one, FixedPoint.putScaled(one, 0, pow10(decimals), decimals));
    this.notOccurred = copy(zero, FixedPoint.putScaled(zero, 0, 0, decimals));
  }

  /** The column names of a recording, in order. */
  static ImmutableList<String> columns(RecordingFormat format) {
    ImmutableList.Builder<String> columns = ImmutableList.builder();
    columns.add("frame");
    if (format.faceId()) {
      columns.add("face_id");
    }
    columns.add("timestamp", "confidence", "success");
    columns.addAll(GAZE_COLUMNS);
    if (format.allColumns()) {
      columns.addAll(EYE_LANDMARK_COLUMNS);
    }
    columns.addAll(POSE_COLUMNS);
    if (format.allColumns()) {
      columns.addAll(FACE_LANDMARK_COLUMNS).addAll(SHAPE_COLUMNS);
    }
    for (int a = 0; a < ActionUnits.COUNT; a++) {
      columns.add(ActionUnits.intensityColumn(a));
    }
    for (int a = 0; a < ActionUnits.COUNT - 1; a++) {
      columns.add(ActionUnits.NAMES.get(a) + "_c");
    }
    columns.add("AU28_c", "AU45_c");
    return columns.build();
  }

  void writeHeader() throws IOException {
    String header =
        String.join(format.style().headerSeparator(), columns(format)) + format.lineEnding();
    byte[] bytes = header.getBytes(US_ASCII);
    System.arraycopy(bytes, 0, buffer, pos, bytes.length);
    pos += bytes.length;
  }

  /**
   * Writes one row.
   *
   * @param frame the frame number, from 1
   * @param timestampMillis the timestamp in whole milliseconds
   */
  void writeRow(int frame, long timestampMillis, FrameValues values) throws IOException {
    if (pos > BUFFER_SIZE - MAX_ROW_LENGTH) {
      flush();
    }
    byte[] b = buffer;
    int p = FixedPoint.putLong(b, pos, frame);
    if (format.faceId()) {
      p = put(b, p, fieldSeparator);
      b[p++] = '0';
    }
    p = put(b, p, fieldSeparator);
    p = FixedPoint.putScaled(b, p, timestampMillis, 3);
    p = put(b, p, fieldSeparator);
    p = FixedPoint.put(b, p, values.confidence, 2);
    p = put(b, p, fieldSeparator);
    b[p++] = (byte) (values.success ? '1' : '0');
    for (int i = 0; i < GAZE_DECIMALS.length; i++) {
      p = put(b, p, fieldSeparator);
      p = FixedPoint.put(b, p, values.gaze[i], GAZE_DECIMALS[i]);
    }
    if (format.allColumns()) {
      p = putFiller(b, p, frame, 0, EYE_LANDMARK_COLUMNS.size(), 1);
    }
    for (int i = 0; i < POSE_DECIMALS.length; i++) {
      p = put(b, p, fieldSeparator);
      p = FixedPoint.put(b, p, values.pose[i], POSE_DECIMALS[i]);
    }
    if (format.allColumns()) {
      p = putFiller(b, p, frame, 1, FACE_LANDMARK_COLUMNS.size(), 1);
      p = putFiller(b, p, frame, 2, SHAPE_COLUMNS.size(), 3);
    }
    for (int a = 0; a < ActionUnits.COUNT; a++) {
      p = put(b, p, actionUnitSeparator);
      p = FixedPoint.put(b, p, values.intensity[a], 2);
    }
    for (int c = 0; c < FrameValues.OCCURRENCE_COUNT; c++) {
      p = put(b, p, actionUnitSeparator);
      p = put(b, p, values.occurrence[c] ? occurred : notOccurred);
    }
    pos = put(b, p, lineEnding);
  }

  /** Writes out what is buffered. */
  void flush() throws IOException {
    out.write(buffer, 0, pos);
    pos = 0;
  }

  /**
   * Writes {@code count} fields of a column group no stage reads: values that vary with the frame
   * and the column, in -400..400 with {@code decimals} decimals.
   */
  private int putFiller(byte[] b, int p, int frame, int group, int count, int decimals) {
    long scale = pow10(decimals);
    for (int i = 0; i < count; i++) {
      p = put(b, p, fieldSeparator);
      long scaled = Math.floorMod(frame * 31L + i * 97L + group * 7919L, 800 * scale) - 400 * scale;
      if (scaled < 0) {
        b[p++] = '-';
      }
      p = FixedPoint.putScaled(b, p, Math.abs(scaled), decimals);
    }
    return p;
  }

  private static ImmutableList<String> landmarkColumns(int count, String... prefixes) {
    ImmutableList.Builder<String> columns = ImmutableList.builder();
    for (String prefix : prefixes) {
      for (int i = 0; i < count; i++) {
        columns.add(prefix + i);
      }
    }
    return columns.build();
  }

  private static ImmutableList<String> shapeColumns() {
    ImmutableList.Builder<String> columns = ImmutableList.builder();
    columns.add("p_scale", "p_rx", "p_ry", "p_rz", "p_tx", "p_ty");
    for (int i = 0; i < SHAPE_PARAMETERS; i++) {
      columns.add("p_" + i);
    }
    return columns.build();
  }

  private static int put(byte[] buffer, int pos, byte[] bytes) {
    for (byte b : bytes) {
      buffer[pos++] = b;
    }
    return pos;
  }

  private static long pow10(int decimals) {
    long power = 1;
    for (int i = 0; i < decimals; i++) {
      power *= 10;
    }
    return power;
  }

  private static byte[] copy(byte[] bytes, int length) {
    byte[] result = new byte[length];
    System.arraycopy(bytes, 0, result, 0, length);
    return result;
  }
}
