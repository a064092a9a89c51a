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
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads one OpenFace CSV into face tracks (one per {@code face_id}, frames in time order) and
 * rejected rows, and reports what it did. Gzip content is recognised by its magic bytes, whatever
 * the file is called. Line endings {@code \n}, {@code \r\n} and {@code \r} and a missing final
 * newline are all accepted.
 *
 * <p>A row is rejected (and the file goes on) when it is longer than {@link #MAX_LINE_BYTES} bytes,
 * has a different number of fields than the header, a needed value that is not a finite number,
 * {@code success} other than 0 or 1, {@code confidence} outside 0..1, an AU intensity outside 0..5,
 * or a timestamp that breaks the face's time order: equal to or before the previous accepted row of
 * the same face, or a jump ahead that the face's next rows contradict (the exact rule, which looks
 * at most two rows ahead, is in {@link FaceTimeline}). A file is refused whole ({@link
 * FileReport#failed}) when it is empty, has no data rows, its header line is longer than {@link
 * #MAX_LINE_BYTES}, lacks a needed column, or its compression is corrupt.
 */
public final class OpenFaceFileReader {

  /**
   * The longest line read, in bytes: a longer row is rejected ({@code line_too_long}) and a longer
   * header refuses the file. Such a line is skipped by streaming, never held whole, so a small gzip
   * that inflates to one huge line costs time, not memory. A full OpenFace 2.x row, all 714
   * columns, has about 6,600 bytes.
   */
  public static final int MAX_LINE_BYTES = 1 << 20;

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
    Map<Integer, FaceTimeline> faces = new TreeMap<>();
    long rows;
    try {
      rows = readRows(file, new BufferedInputStream(hashing, 1 << 16), faces, rejected);
    } catch (InvalidFileException e) {
      return FileReport.failed(file, "", file + ": " + e.getMessage());
    }
    String sha256 = hashing.hash().toString();
    Map<Integer, List<Frame>> frames = new TreeMap<>();
    for (Map.Entry<Integer, FaceTimeline> face : faces.entrySet()) {
      List<Frame> kept = face.getValue().finish();
      if (!kept.isEmpty()) {
        frames.put(face.getKey(), kept);
      }
    }
    // Rows are decided up to two rows of their face later: back into line order.
    rejected.sort(null);
    for (RejectedRow row : rejected) {
      sink.rejected(row);
    }
    String recording = TrackId.recordingName(file);
    for (Map.Entry<Integer, List<Frame>> face : frames.entrySet()) {
      int faceId = face.getKey();
      String name = frames.size() > 1 ? recording + "#" + faceId : recording;
      sink.track(Track.of(TrackId.of(file, name, faceId, 0), face.getValue()));
    }
    return FileReport.reading(file, sha256, frames.size(), rows, rejected.size());
  }

  /**
   * Reads every row of {@code raw} (buffered, so its first bytes can be sniffed for gzip) to its
   * end.
   */
  private static long readRows(
      String file,
      BufferedInputStream raw,
      Map<Integer, FaceTimeline> faces,
      List<RejectedRow> rejected)
      throws IOException, InvalidFileException {
    try (LineReader reader = new LineReader(decompressed(raw), MAX_LINE_BYTES)) {
      if (!reader.next()) {
        throw new InvalidFileException("the file is empty: no header line");
      }
      if (reader.tooLong()) {
        throw new InvalidFileException(
            "the header line has "
                + reader.length()
                + " bytes, more than the limit of "
                + MAX_LINE_BYTES);
      }
      OpenFaceHeader header = OpenFaceHeader.parse(stripByteOrderMark(reader.text()));
      RowParser parser = new RowParser(header);
      long line = 1;
      long rows = 0;
      while (reader.next()) {
        line++;
        rows++;
        if (reader.tooLong()) {
          String detail =
              "the line has "
                  + reader.length()
                  + " bytes, more than the limit of "
                  + MAX_LINE_BYTES
                  + "; its first "
                  + (reader.end() - reader.start())
                  + " are kept";
          rejected.add(
              RejectedRow.of(file, line, RejectReason.LINE_TOO_LONG, detail, reader.text()));
          continue;
        }
        if (!parser.parse(reader.bytes(), reader.start(), reader.end())) {
          rejected.add(RejectedRow.of(file, line, parser.reason(), parser.detail(), reader.text()));
          continue;
        }
        int faceId =
            header.hasFaceId() ? (int) parser.value(OpenFaceHeader.FACE_ID) : TrackId.NO_FACE_ID;
        FaceTimeline face =
            faces.computeIfAbsent(
                faceId,
                id ->
                    new FaceTimeline(
                        file, id == TrackId.NO_FACE_ID ? "" : " of face " + id, rejected));
        int frameNumber = header.hasFrame() ? (int) parser.value(OpenFaceHeader.FRAME) : (int) rows;
        float[] intensities = new float[ActionUnits.COUNT];
        for (int a = 0; a < ActionUnits.COUNT; a++) {
          intensities[a] = (float) parser.value(OpenFaceHeader.FIRST_AU + a);
        }
        face.offer(
            line,
            reader.bytes(),
            reader.start(),
            reader.end(),
            Frame.of(
                frameNumber,
                parser.value(OpenFaceHeader.TIMESTAMP),
                (float) parser.value(OpenFaceHeader.CONFIDENCE),
                parser.value(OpenFaceHeader.SUCCESS) == 1,
                intensities));
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
}
