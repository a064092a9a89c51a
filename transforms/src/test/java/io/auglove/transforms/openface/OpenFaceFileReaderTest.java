package io.auglove.transforms.openface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auglove.transforms.OpenFaceCsv;
import io.auglove.transforms.records.FileReport;
import io.auglove.transforms.records.Frame;
import io.auglove.transforms.records.RejectReason;
import io.auglove.transforms.records.RejectedRow;
import io.auglove.transforms.records.Track;
import io.auglove.transforms.records.TrackId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenFaceFileReaderTest {

  private final List<Track> tracks = new ArrayList<>();
  private final List<RejectedRow> rejected = new ArrayList<>();

  private FileReport read(String file, byte[] content) throws IOException {
    return OpenFaceFileReader.read(
        file,
        new ByteArrayInputStream(content),
        new OpenFaceFileReader.Sink() {
          @Override
          public void track(Track track) {
            tracks.add(track);
          }

          @Override
          public void rejected(RejectedRow row) {
            rejected.add(row);
          }
        });
  }

  private FileReport read(String file, String content) throws IOException {
    return read(file, content.getBytes(StandardCharsets.UTF_8));
  }

  private static OpenFaceCsv threeGoodRows() {
    return OpenFaceCsv.withFaceId()
        .row(1, 0.0, 0.98, 1, 0.5)
        .row(2, 0.033, 0.98, 1, 1.0)
        .row(3, 0.067, 0.5, 0, 2.0);
  }

  private RejectedRow onlyRejection(FileReport report) {
    assertEquals(1, rejected.size(), "rejected rows: " + rejected);
    assertEquals(1, report.rejected());
    assertTrue(report.reconciles() || report.kept() == 0, report.toString());
    return rejected.get(0);
  }

  @Test
  void readsFramesWithTheirValues() throws IOException {
    FileReport report = read("/data/a.csv", threeGoodRows().text());

    assertEquals(FileReport.reading("/data/a.csv", report.sha256(), 1, 3, 0), report);
    assertEquals(64, report.sha256().length());
    assertEquals(1, tracks.size());
    Track track = tracks.get(0);
    assertEquals(TrackId.of("/data/a.csv", "a", 0, 0), track.id());
    Frame third = track.frames().get(2);
    assertEquals(3, third.frame());
    assertEquals(0.067, third.timestamp());
    assertEquals(0.5f, third.confidence());
    assertEquals(false, third.success());
    float[] expected = new float[17];
    Arrays.fill(expected, 2.0f);
    assertEquals(Arrays.toString(expected), Arrays.toString(third.intensities()));
  }

  @Test
  void separatorVariantsLineEndingsAndNoFinalNewlineReadAlike() throws IOException {
    String[] separators = {",", ", ", ",  "};
    for (String separator : separators) {
      OpenFaceCsv csv =
          OpenFaceCsv.withoutFaceId(separator)
              .row(1, 0.0, 0.98, 1, 0.5)
              .row(2, 0.04, 0.98, 1, 1.25);
      read("/d/lf.csv", csv.text("\n"));
      read("/d/crlf.csv", csv.text("\r\n"));
      String noFinalNewline = csv.text("\r\n");
      read("/d/last.csv", noFinalNewline.substring(0, noFinalNewline.length() - 2));
    }
    assertEquals(9, tracks.size());
    for (Track track : tracks) {
      assertEquals(TrackId.NO_FACE_ID, track.id().faceId());
      assertEquals(2, track.size(), track.toString());
      assertEquals(1.25f, track.frames().get(1).intensity(16));
      assertEquals(0.04, track.frames().get(1).timestamp());
    }
    assertEquals(List.of(), rejected);
  }

  @Test
  void oneTrackPerFaceInAMultiFaceFile() throws IOException {
    OpenFaceCsv csv =
        OpenFaceCsv.withFaceId()
            .row(1, 0, 0.0, 0.98, 1, 0.1)
            .row(1, 1, 0.0, 0.95, 1, 0.2)
            .row(2, 0, 0.04, 0.98, 1, 0.3)
            .row(2, 1, 0.04, 0.95, 1, 0.4)
            .row(3, 1, 0.08, 0.95, 1, 0.5);

    FileReport report = read("gs://bucket/two faces.csv.gz", OpenFaceCsv.gzip(csv.bytes()));

    assertEquals(2, report.tracks());
    assertEquals(5, report.read());
    assertEquals(2, tracks.size());
    assertEquals("two faces#0", tracks.get(0).id().recording());
    assertEquals("two faces#1", tracks.get(1).id().recording());
    assertEquals(2, tracks.get(0).size());
    assertEquals(3, tracks.get(1).size());
    assertEquals(0.5f, tracks.get(1).frames().get(2).intensity(0));
  }

  @Test
  void gzipIsRecognisedByContentWhateverTheName() throws IOException {
    FileReport plain = read("/d/x.csv", threeGoodRows().bytes());
    FileReport zipped = read("/d/x.csv", threeGoodRows().gzip());

    assertEquals(2, tracks.size());
    assertEquals(tracks.get(0).frames(), tracks.get(1).frames());
    assertEquals(plain.read(), zipped.read());
  }

  @Test
  void truncatedRowIsRejectedWithItsLine() throws IOException {
    OpenFaceCsv csv = threeGoodRows();
    String truncated = csv.lines().get(2).substring(0, 40);
    csv.lines().set(2, truncated);

    FileReport report = read("/d/t.csv", csv.text());

    RejectedRow row = onlyRejection(report);
    assertEquals(
        RejectedRow.of("/d/t.csv", 3, RejectReason.FIELD_COUNT, row.detail(), truncated), row);
    // 24 = frame, face_id, timestamp, confidence, success, gaze_0_x, 17 AUs, AU45_c; the cut row
    // keeps 9.
    assertEquals("expected 24 fields like the header, found 9", row.detail());
    assertEquals(3, report.read());
    assertEquals(2, tracks.get(0).size());
  }

  @Test
  void nonNumericValueIsRejected() throws IOException {
    OpenFaceCsv csv = threeGoodRows();
    csv.lines().set(1, csv.lines().get(1).replaceFirst("0\\.50", "abc"));

    RejectedRow row = onlyRejection(read("/d/n.csv", csv.text()));

    assertEquals(RejectReason.NOT_A_NUMBER, row.reason());
    assertEquals(2, row.line());
    assertEquals("column 'AU01_r' = 'abc' is not a number", row.detail());
  }

  @Test
  void nonAsciiTextIsDecodedAsUtf8AndUnicodeSpaceIsTrimmed() throws IOException {
    OpenFaceCsv csv = threeGoodRows();
    // A value wrapped in an em space (U+2003, three bytes in UTF-8) is still 0.5.
    csv.lines().set(1, csv.lines().get(1).replaceFirst("0\\.50", "\u20030.50\u2003"));
    String naive = csv.lines().get(2).replaceFirst("1\\.00", "na\u00efve \u2260 1");
    csv.lines().set(2, naive);

    RejectedRow row = onlyRejection(read("/d/u.csv", csv.text()));

    assertEquals(
        RejectedRow.of("/d/u.csv", 3, RejectReason.NOT_A_NUMBER, row.detail(), naive), row);
    assertEquals("column 'AU01_r' = 'na\u00efve \u2260 1' is not a number", row.detail());
    assertEquals(0.5f, tracks.get(0).frames().get(0).intensities()[0]);
  }

  @Test
  void nanAndInfinityAreRejectedAsNotFinite() throws IOException {
    OpenFaceCsv csv = threeGoodRows();
    csv.lines().set(1, csv.lines().get(1).replace("0.98", "nan"));
    csv.lines().set(2, csv.lines().get(2).replace("0.033", "Infinity"));

    read("/d/nan.csv", csv.text());

    assertEquals(2, rejected.size());
    assertEquals(RejectReason.NOT_FINITE, rejected.get(0).reason());
    assertEquals("column 'confidence' = 'nan' is not finite", rejected.get(0).detail());
    assertEquals(RejectReason.NOT_FINITE, rejected.get(1).reason());
    assertEquals("column 'timestamp' = 'Infinity' is not finite", rejected.get(1).detail());
  }

  @Test
  void intensityOutsideZeroToFiveIsRejected() throws IOException {
    OpenFaceCsv csv =
        OpenFaceCsv.withFaceId().row(1, 0.0, 0.98, 1, 5.0).row(2, 0.04, 0.98, 1, 5.01);
    csv.raw(
        csv.lines().get(1).replaceFirst("^1, 0, 0.000", "3, 0, 0.080").replace("5.00", "-0.50"));

    read("/d/r.csv", csv.text());

    assertEquals(2, rejected.size());
    assertEquals(RejectReason.AU_OUT_OF_RANGE, rejected.get(0).reason());
    assertEquals("column 'AU01_r' = 5.01 is outside 0..5", rejected.get(0).detail());
    assertEquals(4, rejected.get(1).line());
    assertEquals("column 'AU01_r' = -0.5 is outside 0..5", rejected.get(1).detail());
    assertEquals(1, tracks.get(0).size());
  }

  @Test
  void successOtherThanZeroOrOneIsRejected() throws IOException {
    OpenFaceCsv csv = OpenFaceCsv.withFaceId().row(1, 0.0, 0.98, 2, 0.5).row(2, 0.04, 0.98, 1, 0.5);

    RejectedRow row = onlyRejection(read("/d/s.csv", csv.text()));

    assertEquals(RejectReason.SUCCESS_NOT_0_OR_1, row.reason());
    assertEquals("column 'success' = 2 is not 0 or 1", row.detail());
  }

  @Test
  void duplicatedFrameIsRejected() throws IOException {
    OpenFaceCsv csv = threeGoodRows();
    csv.lines().add(3, csv.lines().get(2));

    RejectedRow row = onlyRejection(read("/d/dup.csv", csv.text()));

    assertEquals(RejectReason.DUPLICATE_FRAME, row.reason());
    assertEquals(4, row.line());
    assertEquals(
        "timestamp 0.033 repeats the previous row of face 0 (line 3, timestamp 0.033)",
        row.detail());
    assertEquals(3, tracks.get(0).size());
  }

  @Test
  void timestampGoingBackwardsIsRejected() throws IOException {
    OpenFaceCsv csv = threeGoodRows().row(4, 0.05, 0.98, 1, 0.5).row(5, 0.1, 0.98, 1, 0.5);

    FileReport report = read("/d/back.csv", csv.text());

    RejectedRow row = onlyRejection(report);
    assertEquals(RejectReason.TIMESTAMP_BACKWARDS, row.reason());
    assertEquals(5, row.line());
    assertEquals(5, report.read());
    assertEquals(4, tracks.get(0).size());
  }

  @Test
  void oneCorruptTimestampCostsOnlyItsRow() throws IOException {
    OpenFaceCsv csv =
        threeGoodRows()
            .row(4, 1e308, 0.98, 1, 0.5)
            .row(5, 0.133, 0.98, 1, 0.5)
            .row(6, 0.167, 0.98, 1, 0.5)
            .row(7, 0.2, 0.98, 1, 0.5);

    FileReport report = read("/d/jump.csv", csv.text());

    RejectedRow row = onlyRejection(report);
    assertEquals(
        RejectedRow.of(
            "/d/jump.csv",
            5,
            RejectReason.TIMESTAMP_JUMP,
            "timestamp 1.0E308 jumps ahead: the next row of face 0 (line 6, timestamp 0.133) goes"
                + " back before it but not before line 4 (timestamp 0.067)",
            csv.lines().get(4)),
        row);
    assertEquals(
        List.of(1, 2, 3, 5, 6, 7), tracks.get(0).frames().stream().map(Frame::frame).toList());
    assertEquals(7, report.read());
  }

  @Test
  void aCorruptFirstTimestampCostsOnlyItsRow() throws IOException {
    OpenFaceCsv csv =
        OpenFaceCsv.withoutFaceId(",")
            .row(1, 99999.999, 0.98, 1, 0.5)
            .row(2, 0.033, 0.98, 1, 0.5)
            .row(3, 0.067, 0.98, 1, 0.5);

    RejectedRow row = onlyRejection(read("/d/first.csv", csv.text()));

    assertEquals(RejectReason.TIMESTAMP_JUMP, row.reason());
    assertEquals(2, row.line());
    assertEquals(
        "timestamp 99999.999 jumps ahead: the next row (line 3, timestamp 0.033) goes back before"
            + " it",
        row.detail());
    assertEquals(List.of(2, 3), tracks.get(0).frames().stream().map(Frame::frame).toList());
  }

  @Test
  void corruptTimestampsThatDescendAreEachRejected() throws IOException {
    OpenFaceCsv csv =
        threeGoodRows()
            .row(4, 5e9, 0.98, 1, 0.5)
            .row(5, 4e9, 0.98, 1, 0.5)
            .row(6, 0.167, 0.98, 1, 0.5)
            .row(7, 0.2, 0.98, 1, 0.5);

    FileReport report = read("/d/jumps.csv", csv.text());

    assertEquals(
        List.of("5 timestamp_jump", "6 timestamp_jump"),
        rejected.stream().map(r -> r.line() + " " + r.reason().label()).toList());
    assertEquals(
        List.of(1, 2, 3, 6, 7), tracks.get(0).frames().stream().map(Frame::frame).toList());
    assertTrue(report.reconciles() || report.kept() == 0, report.toString());
    assertEquals(7, report.read());
  }

  @Test
  void aRowThatGoesBackIsRejectedWhenTheTrackGoesOnAfterTheRowBeforeIt() throws IOException {
    // Line 5 falls between lines 3 and 4; line 6 continues after line 4, so line 5 went back.
    OpenFaceCsv csv =
        threeGoodRows()
            .row(4, 0.1, 0.98, 1, 0.5)
            .row(5, 0.05, 0.98, 1, 0.5)
            .row(6, 0.1, 0.98, 1, 0.5)
            .row(7, 0.133, 0.98, 1, 0.5);

    read("/d/back2.csv", csv.text());

    assertEquals(
        List.of(
            "6 timestamp_backwards: timestamp 0.05 is before the previous row of face 0 (line 5,"
                + " timestamp 0.1)",
            "7 duplicate_frame: timestamp 0.1 repeats the previous row of face 0 (line 5,"
                + " timestamp 0.1)"),
        rejected.stream()
            .map(r -> r.line() + " " + r.reason().label() + ": " + r.detail())
            .toList());
    assertEquals(
        List.of(1, 2, 3, 4, 7), tracks.get(0).frames().stream().map(Frame::frame).toList());
  }

  @Test
  void atTheEndOfAFaceTheRowThatJumpedAheadIsRejected() throws IOException {
    OpenFaceCsv csv = threeGoodRows().row(4, 30.0, 0.98, 1, 0.5).row(5, 0.1, 0.98, 1, 0.5);

    RejectedRow row = onlyRejection(read("/d/end.csv", csv.text()));

    assertEquals(RejectReason.TIMESTAMP_JUMP, row.reason());
    assertEquals(5, row.line());
    assertEquals(List.of(1, 2, 3, 5), tracks.get(0).frames().stream().map(Frame::frame).toList());
  }

  @Test
  void aCorruptTimestampInOneFaceLeavesTheOtherFaceAndLineOrderAlone() throws IOException {
    OpenFaceCsv csv =
        OpenFaceCsv.withFaceId()
            .row(1, 0, 0.0, 0.98, 1, 0.5)
            .row(1, 1, 0.0, 0.98, 1, 0.5)
            .row(2, 0, 7e7, 0.98, 1, 0.5)
            .row(2, 1, 0.033, 0.98, 1, 0.5)
            .row(3, 1, 0.067, 0.98, 1, 0.5)
            .row(3, 1, 0.067, 0.98, 1, 0.5)
            .row(3, 0, 0.067, 0.98, 1, 0.5);

    FileReport report = read("/d/faces2.csv", csv.text());

    // Line 4 is decided only at the end, after line 7 was rejected: rows still come in line order.
    assertEquals(
        List.of("4 timestamp_jump", "7 duplicate_frame"),
        rejected.stream().map(r -> r.line() + " " + r.reason().label()).toList());
    assertEquals(2, report.tracks());
    assertEquals(List.of(1, 3), tracks.get(0).frames().stream().map(Frame::frame).toList());
    assertEquals(List.of(1, 2, 3), tracks.get(1).frames().stream().map(Frame::frame).toList());
  }

  @Test
  void confidenceOutsideZeroToOneIsRejected() throws IOException {
    OpenFaceCsv csv =
        OpenFaceCsv.withFaceId()
            .row(1, 0.0, 1.5, 1, 0.5)
            .row(2, 0.033, -0.01, 1, 0.5)
            .row(3, 0.067, 1.0, 1, 0.5)
            .row(4, 0.1, 0.0, 0, 0.5);

    read("/d/conf.csv", csv.text());

    assertEquals(
        List.of(
            "2 confidence_out_of_range: column 'confidence' = 1.5 is outside 0..1",
            "3 confidence_out_of_range: column 'confidence' = -0.01 is outside 0..1"),
        rejected.stream()
            .map(r -> r.line() + " " + r.reason().label() + ": " + r.detail())
            .toList());
    assertEquals(List.of(3, 4), tracks.get(0).frames().stream().map(Frame::frame).toList());
  }

  @Test
  void aLineJustOverTheLimitIsRejectedAndTheFileGoesOn() throws IOException {
    OpenFaceCsv csv = threeGoodRows();
    String atLimit = padGaze(csv.lines().get(3), OpenFaceFileReader.MAX_LINE_BYTES);
    String overLimit =
        padGaze(csv.lines().get(3), OpenFaceFileReader.MAX_LINE_BYTES + 1)
            .replaceFirst("^3, 0, 0.067", "4, 0, 0.100");
    csv.lines().set(3, atLimit);
    csv.raw(overLimit).row(5, 0.133, 0.98, 1, 0.5);

    FileReport report = read("/d/long.csv", csv.text("\r\n"));

    RejectedRow row = onlyRejection(report);
    assertEquals(
        RejectedRow.of(
            "/d/long.csv",
            5,
            RejectReason.LINE_TOO_LONG,
            "the line has 1048577 bytes, more than the limit of 1048576; its first 200 are"
                + " kept",
            overLimit.substring(0, 200)),
        row);
    assertEquals(List.of(1, 2, 3, 5), tracks.get(0).frames().stream().map(Frame::frame).toList());
    assertEquals(5, report.read());
  }

  @Test
  void aHugeLineInASmallGzipIsSkippedWithoutBeingHeld() throws IOException {
    // Gzip members may be concatenated: one compressed megabyte of digits, repeated, inflates to
    // one 300 MB line from about 300 KB of gzip.
    int megabytes = 300;
    byte[] megabyte = new byte[1 << 20];
    Arrays.fill(megabyte, (byte) '7');
    byte[] zippedMegabyte = OpenFaceCsv.gzip(megabyte);
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    zipped.write(threeGoodRows().gzip());
    for (int m = 0; m < megabytes; m++) {
      zipped.write(zippedMegabyte);
    }
    String after = OpenFaceCsv.withFaceId().row(6, 0.2, 0.98, 1, 0.5).lines().get(1);
    zipped.write(OpenFaceCsv.gzip(("\n" + after + "\n").getBytes(StandardCharsets.UTF_8)));
    assertTrue(zipped.size() < 1 << 20, zipped.size() + " bytes of gzip");
    InputStream content = new ByteArrayInputStream(zipped.toByteArray());
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
    FileReport report =
        OpenFaceFileReader.read(
            "/d/bomb.csv.gz",
            content,
            new OpenFaceFileReader.Sink() {
              @Override
              public void track(Track track) {
                tracks.add(track);
              }

              @Override
              public void rejected(RejectedRow row) {
                rejected.add(row);
              }
            });
    long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;

    RejectedRow row = onlyRejection(report);
    assertEquals(RejectReason.LINE_TOO_LONG, row.reason());
    assertEquals(5, row.line());
    assertEquals(
        "the line has "
            + ((long) megabytes << 20)
            + " bytes, more than the limit of 1048576; its first 200"
            + " are kept",
        row.detail());
    assertEquals("7".repeat(200), row.raw());
    assertEquals(List.of(1, 2, 3, 6), tracks.get(0).frames().stream().map(Frame::frame).toList());
    // Holding the line would take at least its 300 MB; reading it by streaming takes a few buffers.
    assertTrue(allocated < 32L << 20, "allocated " + allocated + " bytes");
  }

  /** {@code line} with its gaze column (ignored by the reader) padded to {@code length} chars. */
  private static String padGaze(String line, int length) {
    String gaze = ", 0.1, ";
    int at = line.indexOf(gaze) + 2;
    return line.substring(0, at) + "0".repeat(length - line.length()) + line.substring(at);
  }

  @Test
  void aHeaderOverTheLimitRefusesTheFile() throws IOException {
    String header = "frame," + " ".repeat(OpenFaceFileReader.MAX_LINE_BYTES);

    FileReport report = read("/d/wide.csv", header + "\n1\n");

    assertEquals(
        "/d/wide.csv: the header line has 1048582 bytes, more than the limit of 1048576",
        report.error());
    assertEquals(List.of(), tracks);
  }

  @Test
  void timestampsAreCheckedPerFace() throws IOException {
    OpenFaceCsv csv =
        OpenFaceCsv.withFaceId().row(1, 0, 0.0, 0.98, 1, 0.5).row(1, 1, 0.0, 0.98, 1, 0.5);

    read("/d/faces.csv", csv.text());

    assertEquals(List.of(), rejected);
    assertEquals(2, tracks.size());
  }

  @Test
  void emptyFileIsRefused() throws IOException {
    FileReport report = read("/d/empty.csv", "");

    assertEquals(
        FileReport.failed("/d/empty.csv", "", "/d/empty.csv: the file is empty: no header line"),
        report);
    assertEquals(List.of(), tracks);
  }

  @Test
  void headerOnlyFileIsRefused() throws IOException {
    FileReport report = read("/d/header.csv", OpenFaceCsv.withFaceId().text());

    assertEquals("/d/header.csv: the file has a header but no data rows", report.error());
    assertEquals(0, report.read());
  }

  @Test
  void fileWithoutAu45IsRefusedNamingFileAndColumn() throws IOException {
    OpenFaceCsv csv = threeGoodRows();
    String text = csv.text().replace("AU45_r", "AU45_x");

    FileReport report = read("/d/noau45.csv", text);

    assertTrue(report.failed());
    assertTrue(
        report.error().startsWith("/d/noau45.csv: missing column 'AU45_r' in the header"),
        report.error());
    assertEquals(List.of(), tracks);
    assertEquals(List.of(), rejected);
  }

  @Test
  void corruptGzipIsRefused() throws IOException {
    byte[] zipped = threeGoodRows().gzip();

    FileReport report = read("/d/cut.csv.gz", Arrays.copyOf(zipped, zipped.length / 2));

    assertTrue(report.error().startsWith("/d/cut.csv.gz: corrupt gzip content"), report.error());
    assertEquals(List.of(), tracks);
  }

  @Test
  void byteOrderMarkBeforeTheHeaderIsIgnored() throws IOException {
    FileReport report = read("/d/bom.csv", "\uFEFF" + threeGoodRows().text());

    assertEquals(3, report.read());
    assertEquals(List.of(), rejected);
  }

  @Test
  void fileWithoutFrameColumnNumbersRowsInOrder() throws IOException {
    String text = threeGoodRows().text().replaceFirst("^frame", "frame_number");

    read("/d/noframe.csv", text);

    assertEquals(List.of(1, 2, 3), tracks.get(0).frames().stream().map(Frame::frame).toList());
  }
}
