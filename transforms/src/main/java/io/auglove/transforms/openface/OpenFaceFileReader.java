package io.auglove.transforms.openface;

import com.google.common.hash.Hashing;
import com.google.common.hash.HashingInputStream;
import com.google.common.io.ByteStreams;
import io.auglove.models.ActionUnits;
import io.auglove.transforms.records.FileReport;
import io.auglove.transforms.records.Frame;
import io.auglove.transforms.records.RejectReason;
import io.auglove.transforms.records.RejectedRow;
import io.auglove.transforms.records.Track;
import io.auglove.transforms.records.TrackId;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads one OpenFace CSV into face tracks (one per {@code face_id}, frames in file order) and
 * rejected rows, and reports what it did. Gzip content is recognised by its magic bytes, whatever
 * the file is called. Line endings {@code \n}, {@code \r\n} and {@code \r} and a missing final
 * newline are all accepted.
 *
 * <p>A row is rejected (and the file goes on) when it has a different number of fields than the
 * header, a needed value that is not a finite number, {@code success} other than 0 or 1, an AU
 * intensity outside 0..5, or a timestamp not after the previous accepted row of the same face. A
 * file is refused whole ({@link FileReport#failed}) when it is empty, has no data rows, lacks a
 * needed column, or its compression is corrupt.
 */
public final class OpenFaceFileReader {

  /** Where the reader puts what it finds. */
  public interface Sink {
    /** A face track of the file; called once per face after the whole file is read. */
    void track(Track track);

    /** A rejected row, in line order. */
    void rejected(RejectedRow row);
  }

  private OpenFaceFileReader() {}

  /**
   * Reads {@code content} (the file's bytes, compressed or not), sending tracks and rejected rows
   * to {@code sink}. Tracks are sent only when the whole file has been read, so a refused file
   * sends none.
   *
   * @param file the file's name as reported (path or URI)
   * @return the reader's part of the file's report: tracks, rows read and rejected, content hash,
   *     or the reason the file was refused
   * @throws IOException if reading fails for a reason other than the file's content (the caller
   *     retries)
   */
  public static FileReport read(String file, InputStream content, Sink sink) throws IOException {
    HashingInputStream hashing = new HashingInputStream(Hashing.sha256(), content);
    List<RejectedRow> rejected = new ArrayList<>();
    Map<Integer, FaceTrack> faces = new TreeMap<>();
    long rows;
    try {
      rows = readRows(file, new BufferedInputStream(hashing, 1 << 16), faces, rejected);
    } catch (InvalidFileException e) {
      return FileReport.failed(file, "", file + ": " + e.getMessage());
    }
    String sha256 = hashing.hash().toString();
    for (RejectedRow row : rejected) {
      sink.rejected(row);
    }
    String recording = TrackId.recordingName(file);
    int faceCount = 0;
    for (FaceTrack face : faces.values()) {
      if (!face.frames.isEmpty()) {
        faceCount++;
      }
    }
    for (Map.Entry<Integer, FaceTrack> face : faces.entrySet()) {
      if (face.getValue().frames.isEmpty()) {
        continue;
      }
      int faceId = face.getKey();
      String name = faceCount > 1 ? recording + "#" + faceId : recording;
      sink.track(Track.of(TrackId.of(file, name, faceId, 0), face.getValue().frames));
    }
    return FileReport.reading(file, sha256, faceCount, rows, rejected.size());
  }

  /**
   * Reads every row of {@code raw} (buffered, so its first bytes can be sniffed for gzip) to its
   * end.
   */
  private static long readRows(
      String file,
      BufferedInputStream raw,
      Map<Integer, FaceTrack> faces,
      List<RejectedRow> rejected)
      throws IOException, InvalidFileException {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(decompressed(raw), StandardCharsets.UTF_8), 1 << 16)) {
      String headerLine = reader.readLine();
      if (headerLine == null) {
        throw new InvalidFileException("the file is empty: no header line");
      }
      OpenFaceHeader header = OpenFaceHeader.parse(stripByteOrderMark(headerLine));
      RowParser parser = new RowParser(header);
      long line = 1;
      long rows = 0;
      String text;
      while ((text = reader.readLine()) != null) {
        line++;
        rows++;
        if (!parser.parse(text)) {
          rejected.add(RejectedRow.of(file, line, parser.reason(), parser.detail(), text));
          continue;
        }
        int faceId =
            header.hasFaceId() ? (int) parser.value(OpenFaceHeader.FACE_ID) : TrackId.NO_FACE_ID;
        FaceTrack face = faces.computeIfAbsent(faceId, id -> new FaceTrack());
        double timestamp = parser.value(OpenFaceHeader.TIMESTAMP);
        if (!face.frames.isEmpty() && timestamp <= face.lastTimestamp) {
          RejectReason reason =
              timestamp == face.lastTimestamp
                  ? RejectReason.DUPLICATE_FRAME
                  : RejectReason.TIMESTAMP_BACKWARDS;
          String detail =
              "timestamp "
                  + timestamp
                  + (reason == RejectReason.DUPLICATE_FRAME ? " repeats" : " is before")
                  + " the previous row of face "
                  + (faceId == TrackId.NO_FACE_ID ? "" : faceId + " ")
                  + "(line "
                  + face.lastLine
                  + ", timestamp "
                  + face.lastTimestamp
                  + ")";
          rejected.add(RejectedRow.of(file, line, reason, detail, text));
          continue;
        }
        int frameNumber = header.hasFrame() ? (int) parser.value(OpenFaceHeader.FRAME) : (int) rows;
        float[] intensities = new float[ActionUnits.COUNT];
        for (int a = 0; a < ActionUnits.COUNT; a++) {
          intensities[a] = (float) parser.value(OpenFaceHeader.FIRST_AU + a);
        }
        face.frames.add(
            Frame.of(
                frameNumber,
                timestamp,
                (float) parser.value(OpenFaceHeader.CONFIDENCE),
                parser.value(OpenFaceHeader.SUCCESS) == 1,
                intensities));
        face.lastTimestamp = timestamp;
        face.lastLine = line;
      }
      if (rows == 0) {
        throw new InvalidFileException("the file has a header but no data rows");
      }
      // Whatever follows the end of a gzip stream still belongs to the file's content hash.
      ByteStreams.exhaust(raw);
      return rows;
    } catch (ZipException | EOFException e) {
      // Corrupt or truncated gzip: the file's content is at fault, not the file system.
      throw new InvalidFileException("corrupt gzip content (" + e.getMessage() + ")", e);
    }
  }

  private static InputStream decompressed(BufferedInputStream content) throws IOException {
    content.mark(2);
    int first = content.read();
    int second = content.read();
    content.reset();
    boolean gzip = first == 0x1f && second == 0x8b;
    return gzip ? new GZIPInputStream(content, 1 << 16) : content;
  }

  private static String stripByteOrderMark(String line) {
    return !line.isEmpty() && line.charAt(0) == '\uFEFF' ? line.substring(1) : line;
  }

  /** The frames of one face as they are read. */
  private static final class FaceTrack {
    final List<Frame> frames = new ArrayList<>();
    double lastTimestamp;
    long lastLine;
  }
}
