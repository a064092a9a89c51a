package io.auglove.pipelines.evaluate;

import java.util.ArrayList;
import java.util.List;

/** Splits one CSV line into fields (RFC 4180: quoted fields may hold commas and doubled quotes). */
final class CsvLine {

  private CsvLine() {}

  /**
   * The fields of {@code line}, unquoted.
   *
   * @throws IllegalArgumentException if a quoted field is not closed
   */
  static List<String> fields(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("a quoted field is not closed");
    }
    fields.add(field.toString());
    return fields;
  }
}
