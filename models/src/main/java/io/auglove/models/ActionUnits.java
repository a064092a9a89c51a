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

  /** Number of action units in a frame. */
  public static final int COUNT = NAMES.size();

  /** Smallest intensity OpenFace reports. */
  public static final float MIN_INTENSITY = 0f;

  /** Largest intensity OpenFace reports. */
  public static final float MAX_INTENSITY = 5f;

  private ActionUnits() {}

  /** OpenFace's intensity column for the AU at {@code index}, for example {@code AU01_r}. */
  public static String intensityColumn(int index) {
    return NAMES.get(index) + "_r";
  }
}
