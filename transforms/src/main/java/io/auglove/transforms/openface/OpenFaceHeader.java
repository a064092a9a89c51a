package io.auglove.transforms.openface;

import com.google.common.collect.ImmutableList;
import io.auglove.models.ActionUnits;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the columns the method needs are in one OpenFace CSV's header. OpenFace versions differ in
 * spacing after commas, in whether there is a {@code face_id} column and in which optional groups
 * (gaze, pose, landmarks, shape parameters) are present; names are matched after trimming, and
 * every other column is ignored.
 *
 * <p>Needed: {@code timestamp}, {@code confidence}, {@code success} and the 17 {@code AUxx_r}
 * columns. Optional: {@code frame} (the row's ordinal is used without it) and {@code face_id} (one
 * face without it).
 */
public final class OpenFaceHeader {

  /** Slot of each needed or optional column in a parsed row. */
  static final int TIMESTAMP = 0;

  static final int CONFIDENCE = 1;
  static final int SUCCESS = 2;
  static final int FRAME = 3;
  static final int FACE_ID = 4;
  static final int FIRST_AU = 5;
  static final int SLOTS = FIRST_AU + ActionUnits.COUNT;

  private static final ImmutableList<String> SLOT_NAMES = slotNames();

  private final int fieldCount;
  private final int[] slotOfField;
  private final boolean hasFrame;
  private final boolean hasFaceId;

  private OpenFaceHeader(int fieldCount, int[] slotOfField, boolean hasFrame, boolean hasFaceId) {
    this.fieldCount = fieldCount;
    this.slotOfField = slotOfField;
    this.hasFrame = hasFrame;
    this.hasFaceId = hasFaceId;
  }

  /**
   * Resolves a header line.
   *
   * @throws InvalidFileException naming the first missing column, or a column that appears twice
   */
  public static OpenFaceHeader parse(String line) throws InvalidFileException {
    String[] names = line.split(",", -1);
    Map<String, Integer> slotByName = new HashMap<>();
    for (int slot = 0; slot < SLOTS; slot++) {
      slotByName.put(SLOT_NAMES.get(slot), slot);
    }
    int[] slotOfField = new int[names.length];
    int[] fieldOfSlot = new int[SLOTS];
    Arrays.fill(fieldOfSlot, -1);
    for (int field = 0; field < names.length; field++) {
      Integer slot = slotByName.get(names[field].trim());
      slotOfField[field] = slot == null ? -1 : slot;
      if (slot != null) {
        if (fieldOfSlot[slot] >= 0) {
          throw new InvalidFileException(
              "column '" + SLOT_NAMES.get(slot) + "' appears twice in the header");
        }
        fieldOfSlot[slot] = field;
      }
    }
    List<String> missing = new ArrayList<>();
    for (int slot = 0; slot < SLOTS; slot++) {
      if (slot != FRAME && slot != FACE_ID && fieldOfSlot[slot] < 0) {
        missing.add(SLOT_NAMES.get(slot));
      }
    }
    if (!missing.isEmpty()) {
      throw new InvalidFileException(
          (missing.size() == 1
                  ? "missing column '" + missing.get(0) + "'"
                  : "missing columns '" + String.join("', '", missing) + "'")
              + " in the header; is this an OpenFace FeatureExtraction CSV with AU intensities?");
    }
    return new OpenFaceHeader(
        names.length, slotOfField, fieldOfSlot[FRAME] >= 0, fieldOfSlot[FACE_ID] >= 0);
  }

  /** Number of fields every data row must have. */
  public int fieldCount() {
    return fieldCount;
  }

  /** Whether the file has a {@code face_id} column. */
  public boolean hasFaceId() {
    return hasFaceId;
  }

  /** Whether the file has a {@code frame} column. */
  public boolean hasFrame() {
    return hasFrame;
  }

  /** The slot that field {@code field} is parsed into, or -1 for a column the method ignores. */
  int slotOfField(int field) {
    return slotOfField[field];
  }

  /** The column name of {@code slot}. */
  static String slotName(int slot) {
    return SLOT_NAMES.get(slot);
  }

  private static ImmutableList<String> slotNames() {
    ImmutableList.Builder<String> names = ImmutableList.builder();
    names.add("timestamp", "confidence", "success", "frame", "face_id");
    for (int a = 0; a < ActionUnits.COUNT; a++) {
      names.add(ActionUnits.intensityColumn(a));
    }
    return names.build();
  }
}
