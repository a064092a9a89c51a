package io.auglove.models;

import com.google.common.collect.ImmutableList;

/**
 * The 17 OpenFace action units the method uses, in the order every AU vector of the project
 * follows: frames, centroids and the columns of every file the project writes.
 */
public final class ActionUnits {

  /** AU names in the method's order; OpenFace's intensity column is the name plus {@code _r}. */
  public static final ImmutableList<String> NAMES =
      ImmutableList.of(
          "AU01", "AU02", "AU04", "AU05", "AU06", "AU07", "AU09", "AU10", "AU12", "AU14", "AU15",
          "AU17", "AU20", "AU23", "AU25", "AU26", "AU45");

  /** The FACS name of each AU, in {@link #NAMES}' order: {@code AU01} is the inner brow raiser. */
  public static final ImmutableList<String> FACS_NAMES =
      ImmutableList.of(
          "inner brow raiser",
          "outer brow raiser",
          "brow lowerer",
          "upper lid raiser",
          "cheek raiser",
          "lid tightener",
          "nose wrinkler",
          "upper lip raiser",
          "lip corner puller",
          "dimpler",
          "lip corner depressor",
          "chin raiser",
          "lip stretcher",
          "lip tightener",
          "lips part",
          "jaw drop",
          "blink");

  /** Number of action units in a frame. */
  public static final int COUNT = NAMES.size();

  /** Smallest intensity OpenFace reports. */
  public static final float MIN_INTENSITY = 0f;

  /** Largest intensity OpenFace reports. */
  public static final float MAX_INTENSITY = 5f;

  private ActionUnits() {}

  /** The AU at {@code index} with its FACS name, for example {@code AU01 inner brow raiser}. */
  public static String label(int index) {
    return NAMES.get(index) + " " + FACS_NAMES.get(index);
  }

  /** OpenFace's intensity column for the AU at {@code index}, for example {@code AU01_r}. */
  public static String intensityColumn(int index) {
    return NAMES.get(index) + "_r";
  }
}
