package io.auglove.pipelines.generate;

/**
 * The CSV writer styles of the OpenFace versions found in the wild, which differ in the spaces
 * after commas and in how the {@code AUxx_c} occurrence values are printed.
 */
public enum WriterStyle {
  /**
   * OpenFace 2.0.x {@code RecorderCSV}: {@code ", "} in the header and in every data row, {@code
   * AUxx_c} as {@code 0.00}/{@code 1.00}.
   */
  COMMA_SPACE(", ", ", ", ", ", 2),
  /**
   * Later OpenFace sources: no spaces anywhere, {@code AUxx_c} as {@code 0.0}/{@code 1.0} (as in
   * real output of that writer).
   */
  NO_SPACE(",", ",", ",", 1),
  /**
   * OpenFace 2.2.0 release binaries (OpenDBM, SMYLE): header {@code ", "}, data {@code ", "} (two
   * spaces) before every non-AU field and {@code ", "} before the AU fields, {@code AUxx_c} as
   * {@code 0.00}/{@code 1.00}.
   */
  DOUBLE_SPACE(", ", ",  ", ", ", 2),
  /**
   * Early-2018 FeatureExtraction: header {@code ", "}, data rows comma-only, {@code AUxx_c} as
   * integers {@code 0}/{@code 1}.
   */
  SPACED_HEADER_ONLY(", ", ",", ",", 0);

  private final String headerSeparator;
  private final String fieldSeparator;
  private final String actionUnitSeparator;
  private final int occurrenceDecimals;

  WriterStyle(
      String headerSeparator,
      String fieldSeparator,
      String actionUnitSeparator,
      int occurrenceDecimals) {
    this.headerSeparator = headerSeparator;
    this.fieldSeparator = fieldSeparator;
    this.actionUnitSeparator = actionUnitSeparator;
    this.occurrenceDecimals = occurrenceDecimals;
  }

  /** What separates two column names in the header. */
  public String headerSeparator() {
    return headerSeparator;
  }

  /** What precedes each data field before the first AU column (the first field has none). */
  public String fieldSeparator() {
    return fieldSeparator;
  }

  /** What precedes each {@code AUxx_r} and {@code AUxx_c} data field. */
  public String actionUnitSeparator() {
    return actionUnitSeparator;
  }

  /** Decimals of the {@code AUxx_c} values: 0 ({@code 1}), 1 ({@code 1.0}) or 2 ({@code 1.00}). */
  public int occurrenceDecimals() {
    return occurrenceDecimals;
  }
}
