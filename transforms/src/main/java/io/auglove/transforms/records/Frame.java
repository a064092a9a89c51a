package io.auglove.transforms.records;

import static com.google.common.base.Preconditions.checkArgument;

import io.auglove.models.ActionUnits;
import java.util.Arrays;

/**
 * One OpenFace frame of one face: frame number, timestamp in seconds, tracking confidence, success
 * flag and the 17 AU intensities in {@link ActionUnits} order. Immutable.
 */
public final class Frame {

  private final int frame;
  private final double timestamp;
  private final float confidence;
  private final boolean success;
  private final float[] intensities;

  private Frame(
      int frame, double timestamp, float confidence, boolean success, float[] intensities) {
    this.frame = frame;
    this.timestamp = timestamp;
    this.confidence = confidence;
    this.success = success;
    this.intensities = intensities;
  }

  /**
   * A frame; {@code intensities} (17 values in {@link ActionUnits} order) is copied.
   *
   * @throws IllegalArgumentException if there are not 17 intensities
   */
  public static Frame of(
      int frame, double timestamp, float confidence, boolean success, float[] intensities) {
    checkArgument(
        intensities.length == ActionUnits.COUNT,
        "frame %s: expected %s AU intensities, got %s",
        frame,
        ActionUnits.COUNT,
        intensities.length);
    return new Frame(frame, timestamp, confidence, success, intensities.clone());
  }

  /** Builds a frame that takes ownership of {@code intensities}; for coders and readers only. */
  static Frame wrap(
      int frame, double timestamp, float confidence, boolean success, float[] intensities) {
    return new Frame(frame, timestamp, confidence, success, intensities);
  }

  /** OpenFace's frame number (1-based in OpenFace output). */
  public int frame() {
    return frame;
  }

  /** OpenFace's timestamp, in seconds. */
  public double timestamp() {
    return timestamp;
  }

  /** OpenFace's tracking confidence, 0..1. */
  public float confidence() {
    return confidence;
  }

  /** OpenFace's success flag: whether a face was tracked in this frame. */
  public boolean success() {
    return success;
  }

  /** Intensity of the AU at {@code index} in {@link ActionUnits} order. */
  public float intensity(int index) {
    return intensities[index];
  }

  /** A copy of the 17 intensities. */
  public float[] intensities() {
    return intensities.clone();
  }

  /** Copies the 17 intensities into {@code target} from {@code offset}. */
  public void copyIntensitiesTo(float[] target, int offset) {
    System.arraycopy(intensities, 0, target, offset, intensities.length);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Frame that
        && frame == that.frame
        && Double.compare(timestamp, that.timestamp) == 0
        && Float.compare(confidence, that.confidence) == 0
        && success == that.success
        && Arrays.equals(intensities, that.intensities);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * frame + Double.hashCode(timestamp)) + Arrays.hashCode(intensities);
  }

  @Override
  public String toString() {
    return "Frame{"
        + frame
        + " t="
        + timestamp
        + " conf="
        + confidence
        + " success="
        + success
        + " "
        + Arrays.toString(intensities)
        + "}";
  }
}
