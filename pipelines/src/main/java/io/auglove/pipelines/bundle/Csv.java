package io.auglove.pipelines.bundle;

/** RFC 4180 quoting of CSV fields. */
final class Csv {

  private Csv() {}

  /**
   * {@code text} as a CSV field: quoted, with quotes doubled, if it holds a comma, quote or line
   * break.
   */
  static String field(String text) {
    if (text.indexOf(',') < 0
        && text.indexOf('"') < 0
        && text.indexOf('\n') < 0
        && text.indexOf('\r') < 0) {
      return text;
    }
    return '"' + text.replace("\"", "\"\"") + '"';
  }
}
