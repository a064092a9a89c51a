package io.auglove.pipelines.generate;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * How one recording's CSV is written.
 *
 * @param style the OpenFace writer style
 * @param faceId whether the {@code face_id} column is present (FeatureExtraction of OpenFace 2.x
 *     writes it, the early-2018 writer did not)
 * @param gzip whether the file is gzip-compressed ({@code .csv.gz})
 * @param crlf whether lines end with {@code \r\n} instead of {@code \n}
 * @param allColumns whether the landmark and shape columns are written too (see {@link
 *     CorpusSpec#allColumns})
 */
public record RecordingFormat(
    WriterStyle style, boolean faceId, boolean gzip, boolean crlf, boolean allColumns) {

  /** Checks that the style is given. */
  public RecordingFormat {
    checkNotNull(style, "style");
  }

  /** The file name of the recording, {@code <recording>.csv} or {@code <recording>.csv.gz}. */
  public String fileName(String recording) {
    return recording + (gzip ? ".csv.gz" : ".csv");
  }

  /** The line terminator. */
  public String lineEnding() {
    return crlf ? "\r\n" : "\n";
  }
}
