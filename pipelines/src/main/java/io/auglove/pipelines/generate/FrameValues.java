package io.auglove.pipelines.generate;

import io.auglove.models.ActionUnits;

/**
 * The values of one CSV row other than frame, face_id and timestamp; reused from frame to frame so
 * that writing allocates nothing per row.
 */
final class FrameValues {

  /** Number of {@code AUxx_c} columns: the 17 AUs and AU28. */
  static final int OCCURRENCE_COUNT = ActionUnits.COUNT + 1;

  /** Position of AU28_c among the occurrence columns (OpenFace writes it before AU45_c). */
  static final int LIP_SUCK_OCCURRENCE = ActionUnits.COUNT - 1;

  double confidence;
  boolean success;

  /** gaze_0_x, gaze_0_y, gaze_0_z, gaze_1_x, gaze_1_y, gaze_1_z, gaze_angle_x, gaze_angle_y. */
  final double[] gaze = new double[8];

  /** pose_Tx, pose_Ty, pose_Tz (mm), pose_Rx, pose_Ry, pose_Rz (radians). */
  final double[] pose = new double[6];

  /** AUxx_r in {@link ActionUnits} order. */
  final double[] intensity = new double[ActionUnits.COUNT];

  /** AUxx_c in OpenFace's order: the first 16 AUs, AU28, AU45. */
  final boolean[] occurrence = new boolean[OCCURRENCE_COUNT];

  /** The occurrence column of the AU at {@code index} in {@link ActionUnits} order. */
  static int occurrenceColumn(int index) {
    return index < ActionUnits.COUNT - 1 ? index : OCCURRENCE_COUNT - 1;
  }
}
