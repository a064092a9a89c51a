package io.auglove.models.protocol;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Locale;

/**
 * A part of a dataset that comes with fixed lists (the paper's depression data: 163 training, 56
 * development and 56 test interviews). Models learn on TRAIN, are chosen on DEV and are scored on
 * TEST.
 */
public enum Split {
  TRAIN,
  DEV,
  TEST;

  /**
   * The split named {@code value}: {@code train}, {@code dev}, {@code test}, or {@code validation}
   * or {@code val} for DEV; any case, surrounding white space ignored.
   *
   * @throws IllegalArgumentException naming the value if it is none of those
   */
  public static Split parse(String value) {
    checkArgument(value != null, "split: no name given; expected train, dev or test");
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "train" -> TRAIN;
      case "dev", "validation", "val" -> DEV;
      case "test" -> TEST;
      default ->
          throw new IllegalArgumentException(
              "split: unknown split '"
                  + value
                  + "'; expected train, dev (or validation, val) or test");
    };
  }

  /** The lower-case name, as {@link #parse} reads it. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
