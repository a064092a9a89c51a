package io.auglove.transforms.openface;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.auglove.models.ActionUnits;
import io.auglove.transforms.records.RejectReason;
import java.util.Locale;

/**
 * Parses the data rows of one file: counts the fields, then parses only the columns the header
 * resolved, with a fast path for plain decimals (the only form OpenFace writes) and {@link
 * Double#parseDouble} for anything else. One instance per file; not thread-safe: {@link #parse}
 * reuses its buffers.
 */
final class RowParser {

  /** Fast-path decimals have at most this many digits, so the mantissa is exact in a double. */
  private static final int MAX_FAST_DIGITS = 15;

  private static final double[] POWERS_OF_TEN = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15
  };

  private final OpenFaceHeader header;

  /** The fields parsed, in field order, and the slot of each. */
  private final int[] neededFields;

  private final int[] neededSlots;

  /** Where the commas of the last line are; grown as needed. */
  private int[] commas = new int[64];

  private final double[] values = new double[OpenFaceHeader.SLOTS];
  private RejectReason reason;
  private String detail;

  RowParser(OpenFaceHeader header) {
    this.header = header;
    int needed = 0;
    for (int field = 0; field < header.fieldCount(); field++) {
      if (header.slotOfField(field) >= 0) {
        needed++;
      }
    }
    neededFields = new int[needed];
    neededSlots = new int[needed];
    for (int field = 0, n = 0; field < header.fieldCount(); field++) {
      if (header.slotOfField(field) >= 0) {
        neededFields[n] = field;
        neededSlots[n++] = header.slotOfField(field);
      }
    }
  }

  /**
   * Parses the row {@code bytes[start, end)}. On success the values are read with {@link #value};
   * otherwise {@link #reason} and {@link #detail} say why the row is refused.
   */
  boolean parse(byte[] bytes, int start, int end) {
    if (commas.length < end - start) {
      commas = new int[Math.max(end - start, 2 * commas.length)];
    }
    int fields = Swar.commas(bytes, start, end, commas) + 1;
    if (fields != header.fieldCount()) {
      return reject(
          RejectReason.FIELD_COUNT,
          "expected " + header.fieldCount() + " fields like the header, found " + fields);
    }
    // Only the needed fields are visited: a 714-column row needs 22 of them.
    for (int n = 0; n < neededFields.length; n++) {
      int field = neededFields[n];
      int from = field == 0 ? start : commas[field - 1] + 1;
      int to = field == fields - 1 ? end : commas[field];
      // OpenFace writes ", " between values: ASCII white space is trimmed before the fast path.
      while (from < to && isAsciiWhitespace(bytes[from])) {
        from++;
      }
      while (to > from && isAsciiWhitespace(bytes[to - 1])) {
        to--;
      }
      if (!parseFast(bytes, from, to, neededSlots[n])
          && !parseOther(bytes, from, to, neededSlots[n])) {
        return false;
      }
    }
    return checkRanges();
  }

  /**
   * The parsed value of {@code slot} (see {@link OpenFaceHeader}); valid after a successful parse.
   */
  double value(int slot) {
    return values[slot];
  }

  RejectReason reason() {
    return reason;
  }

  String detail() {
    return detail;
  }

  private boolean checkRanges() {
    double success = values[OpenFaceHeader.SUCCESS];
    if (success != 0 && success != 1) {
      return reject(
          RejectReason.SUCCESS_NOT_0_OR_1,
          "column 'success' = " + format(success) + " is not 0 or 1");
    }
    double confidence = values[OpenFaceHeader.CONFIDENCE];
    if (confidence < 0 || confidence > 1) {
      return reject(
          RejectReason.CONFIDENCE_OUT_OF_RANGE,
          "column 'confidence' = " + format(confidence) + " is outside 0..1");
    }
    if (header.hasFrame() && !isWhole(values[OpenFaceHeader.FRAME], Integer.MIN_VALUE)) {
      return reject(
          RejectReason.NOT_A_WHOLE_NUMBER,
          "column 'frame' = " + format(values[OpenFaceHeader.FRAME]) + " is not a whole number");
    }
    if (header.hasFaceId() && !isWhole(values[OpenFaceHeader.FACE_ID], 0)) {
      return reject(
          RejectReason.NOT_A_WHOLE_NUMBER,
          "column 'face_id' = "
              + format(values[OpenFaceHeader.FACE_ID])
              + " is not a whole number >= 0");
    }
    for (int a = 0; a < ActionUnits.COUNT; a++) {
      double intensity = values[OpenFaceHeader.FIRST_AU + a];
      if (intensity < ActionUnits.MIN_INTENSITY || intensity > ActionUnits.MAX_INTENSITY) {
        return reject(
            RejectReason.AU_OUT_OF_RANGE,
            "column '"
                + ActionUnits.intensityColumn(a)
                + "' = "
                + format(intensity)
                + " is outside 0..5");
      }
    }
    return true;
  }

  /**
   * Parses a field that is not a plain decimal: trimmed of any white space (Unicode's too), by
   * {@link Double#parseDouble}.
   */
  private boolean parseOther(byte[] bytes, int from, int to, int slot) {
    String text = new String(bytes, from, to - from, UTF_8).strip();
    double value;
    try {
      value = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      // Not a Java number: C++ streams write NaN and infinity as "nan", "-nan", "inf".
      if (isNonFiniteWord(text)) {
        return reject(
            RejectReason.NOT_FINITE,
            "column '" + OpenFaceHeader.slotName(slot) + "' = '" + text + "' is not finite");
      }
      return reject(
          RejectReason.NOT_A_NUMBER,
          "column '" + OpenFaceHeader.slotName(slot) + "' = '" + text + "' is not a number");
    }
    if (!Double.isFinite(value)) {
      return reject(
          RejectReason.NOT_FINITE,
          "column '" + OpenFaceHeader.slotName(slot) + "' = '" + text + "' is not finite");
    }
    values[slot] = value;
    return true;
  }

  /**
   * Parses [-]digits[.digits] exactly as {@link Double#parseDouble} would; false for any other
   * form.
   */
  private boolean parseFast(byte[] bytes, int from, int to, int slot) {
    int i = from;
    boolean negative = false;
    if (i < to && bytes[i] == '-') {
      negative = true;
      i++;
    }
    long mantissa = 0;
    int digits = 0;
    int decimals = -1;
    for (; i < to; i++) {
      int c = bytes[i];
      if (c >= '0' && c <= '9') {
        mantissa = mantissa * 10 + (c - '0');
        digits++;
        if (decimals >= 0) {
          decimals++;
        }
      } else if (c == '.' && decimals < 0) {
        decimals = 0;
      } else {
        return false;
      }
    }
    if (digits == 0 || digits > MAX_FAST_DIGITS) {
      return false;
    }
    // Both operands are exact doubles, so the quotient is correctly rounded, as parseDouble's
    // result is.
    double value = decimals <= 0 ? mantissa : mantissa / POWERS_OF_TEN[decimals];
    values[slot] = negative ? -value : value;
    return true;
  }

  private boolean reject(RejectReason reason, String detail) {
    this.reason = reason;
    this.detail = detail;
    return false;
  }

  /** Whether {@link Character#isWhitespace} holds for the ASCII character {@code b}. */
  private static boolean isAsciiWhitespace(byte b) {
    return b == ' ' || (b >= '\t' && b <= '\r') || (b >= 0x1C && b <= 0x1F);
  }

  private static boolean isWhole(double value, int minimum) {
    return value == Math.rint(value) && value >= minimum && value <= Integer.MAX_VALUE;
  }

  private static boolean isNonFiniteWord(String text) {
    String word = text.toLowerCase(Locale.ROOT);
    if (word.startsWith("-") || word.startsWith("+")) {
      word = word.substring(1);
    }
    return word.equals("nan") || word.equals("inf") || word.equals("infinity");
  }

  private static String format(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value)
        : Double.toString(value);
  }
}
