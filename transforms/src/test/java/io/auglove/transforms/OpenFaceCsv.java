package io.auglove.transforms;

import io.auglove.models.ActionUnits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * Writes small OpenFace-style CSVs for tests: {@code frame, [face_id,] timestamp, confidence,
 * success}, a gaze column the reader must ignore, the 17 AU intensities and one occurrence column.
 */
public final class OpenFaceCsv {

  private final boolean faceId;
  private final String separator;
  private final List<String> lines = new ArrayList<>();

  private OpenFaceCsv(boolean faceId, String separator) {
    this.faceId = faceId;
    this.separator = separator;
    List<String> header = new ArrayList<>(List.of("frame"));
    if (faceId) {
      header.add("face_id");
    }
    header.addAll(List.of("timestamp", "confidence", "success", "gaze_0_x"));
    for (int a = 0; a < ActionUnits.COUNT; a++) {
      header.add(ActionUnits.intensityColumn(a));
    }
    header.add("AU45_c");
    lines.add(String.join(separator, header));
  }

  /** A file with a face_id column and {@code ", "} separators. */
  public static OpenFaceCsv withFaceId() {
    return new OpenFaceCsv(true, ", ");
  }

  /** A file without face_id, separated by {@code separator}. */
  public static OpenFaceCsv withoutFaceId(String separator) {
    return new OpenFaceCsv(false, separator);
  }

  /** A file with face_id separated by {@code separator}. */
  public static OpenFaceCsv withFaceId(String separator) {
    return new OpenFaceCsv(true, separator);
  }

  /** Adds a row of face 0 whose 17 AUs all equal {@code au}. */
  public OpenFaceCsv row(int frame, double timestamp, double confidence, int success, double au) {
    return row(frame, 0, timestamp, confidence, success, au);
  }

  /** Adds a row whose 17 AUs all equal {@code au}. */
  public OpenFaceCsv row(
      int frame, int face, double timestamp, double confidence, int success, double au) {
    List<String> fields = new ArrayList<>(List.of(Integer.toString(frame)));
    if (faceId) {
      fields.add(Integer.toString(face));
    }
    fields.add(String.format(Locale.ROOT, "%.3f", timestamp));
    fields.add(String.format(Locale.ROOT, "%.2f", confidence));
    fields.add(Integer.toString(success));
    fields.add("0.1");
    for (int a = 0; a < ActionUnits.COUNT; a++) {
      fields.add(String.format(Locale.ROOT, "%.2f", au));
    }
    fields.add("0.00");
    lines.add(String.join(separator, fields));
    return this;
  }

  /** Adds a line as it is. */
  public OpenFaceCsv raw(String line) {
    lines.add(line);
    return this;
  }

  /** The lines written so far, header first. */
  public List<String> lines() {
    return lines;
  }

  /** The file's text with {@code newline} after every line. */
  public String text(String newline) {
    return String.join(newline, lines) + newline;
  }

  /** The file's text with {@code \n} after every line. */
  public String text() {
    return text("\n");
  }

  /** The file's bytes. */
  public byte[] bytes() {
    return text().getBytes(StandardCharsets.UTF_8);
  }

  /** The file's bytes, gzip-compressed. */
  public byte[] gzip() {
    return gzip(bytes());
  }

  /** {@code bytes}, gzip-compressed. */
  public static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
