package io.auglove.pipelines.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reads written recordings back with the tests' own parsing and checks OpenFace's format. */
class OpenFaceFormatTest {

  private static final List<String> EXPECTED_COLUMNS =
      List.of(
          "frame",
          "face_id",
          "timestamp",
          "confidence",
          "success",
          "gaze_0_x",
          "gaze_0_y",
          "gaze_0_z",
          "gaze_1_x",
          "gaze_1_y",
          "gaze_1_z",
          "gaze_angle_x",
          "gaze_angle_y",
          "pose_Tx",
          "pose_Ty",
          "pose_Tz",
          "pose_Rx",
          "pose_Ry",
          "pose_Rz",
          "AU01_r",
          "AU02_r",
          "AU04_r",
          "AU05_r",
          "AU06_r",
          "AU07_r",
          "AU09_r",
          "AU10_r",
          "AU12_r",
          "AU14_r",
          "AU15_r",
          "AU17_r",
          "AU20_r",
          "AU23_r",
          "AU25_r",
          "AU26_r",
          "AU45_r",
          "AU01_c",
          "AU02_c",
          "AU04_c",
          "AU05_c",
          "AU06_c",
          "AU07_c",
          "AU09_c",
          "AU10_c",
          "AU12_c",
          "AU14_c",
          "AU15_c",
          "AU17_c",
          "AU20_c",
          "AU23_c",
          "AU25_c",
          "AU26_c",
          "AU28_c",
          "AU45_c");

  private static final Pattern AU_INTENSITY = Pattern.compile("\\d\\.\\d\\d");
  private static final Pattern TIMESTAMP = Pattern.compile("\\d+\\.\\d{3}");
  private static final Pattern CONFIDENCE = Pattern.compile("[01]\\.\\d\\d");
  private static final Pattern GAZE_VECTOR = Pattern.compile("-?\\d\\.\\d{6}");
  private static final Pattern ANGLE = Pattern.compile("-?\\d\\.\\d{3}");
  private static final Pattern TRANSLATION = Pattern.compile("-?\\d+\\.\\d");

  @TempDir Path output;

  private static CorpusSpec spec(WriterStyle style) {
    return CorpusSpec.builder()
        .optSeed(11)
        .optVideoCount(6)
        .optParticipantCount(3)
        .optDurationSeconds(4, 8)
        .optWriterStyles(style)
        .optGzipFraction(0.5)
        .optCrlfFraction(0.5)
        .optFaceIdFraction(0.5)
        .build();
  }

  private List<WrittenRecording> writeAndRead(CorpusSpec spec) throws IOException {
    CorpusGenerator.write(spec, output.toString());
    List<WrittenRecording> recordings = new ArrayList<>();
    try (Stream<Path> files = Files.list(output.resolve("recordings"))) {
      for (Path file : files.sorted().toList()) {
        recordings.add(WrittenRecording.read(file));
      }
    }
    return recordings;
  }

  @ParameterizedTest
  @EnumSource(WriterStyle.class)
  void headerHasOpenFacesColumnsInOrderWithTheStylesSeparator(WriterStyle style)
      throws IOException {
    List<WrittenRecording> recordings = writeAndRead(spec(style));
    Set<Boolean> faceIds = new HashSet<>();
    for (WrittenRecording r : recordings) {
      boolean faceId = r.columns.contains("face_id");
      faceIds.add(faceId);
      List<String> expected = new ArrayList<>(EXPECTED_COLUMNS);
      if (!faceId) {
        expected.remove("face_id");
      }
      assertEquals(expected, r.columns, r.path.toString());
      String separator = style == WriterStyle.NO_SPACE ? "," : ", ";
      assertEquals(String.join(separator, expected), r.headerLine, r.path.toString());
    }
    assertEquals(Set.of(true, false), faceIds, "files with and without face_id");
  }

  @Test
  void allColumnsFilesHaveFeatureExtractionsWidthAndTheSameFrames() throws IOException {
    CorpusSpec narrow = spec(WriterStyle.COMMA_SPACE).toBuilder().optFaceIdFraction(1).build();
    List<WrittenRecording> expected = writeAndRead(narrow);
    Path wide = output.resolve("wide");
    CorpusGenerator.write(narrow.toBuilder().optAllColumns(true).build(), wide.toString());

    for (WrittenRecording plain : expected) {
      WrittenRecording all =
          WrittenRecording.read(wide.resolve("recordings").resolve(plain.path.getFileName()));
      // The positions of a real FeatureExtraction file (OpenFace 2.x, with face_id), from 0.
      assertEquals(714, all.columns.size());
      assertEquals(13, all.column("eye_lmk_x_0"));
      assertEquals(237, all.column("eye_lmk_Z_0"));
      assertEquals(293, all.column("pose_Tx"));
      assertEquals(299, all.column("x_0"));
      assertEquals(571, all.column("Z_0"));
      assertEquals(639, all.column("p_scale"));
      assertEquals(645, all.column("p_0"));
      assertEquals(678, all.column("p_33"));
      assertEquals(679, all.column("AU01_r"));
      assertEquals(713, all.column("AU45_c"));
      assertEquals(plain.rows.size(), all.rows.size());
      for (int row = 0; row < plain.rows.size(); row++) {
        for (String column : plain.columns) {
          assertEquals(plain.field(row, column), all.field(row, column), column + " row " + row);
        }
        assertEquals(714, all.rows.get(row).length);
        assertTrue(TRANSLATION.matcher(all.field(row, "Y_67")).matches(), all.field(row, "Y_67"));
        assertTrue(all.field(row, "p_rz").matches("-?\\d+\\.\\d{3}"), all.field(row, "p_rz"));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(WriterStyle.class)
  void dataRowsUseTheStylesSpacingAndOccurrenceFormat(WriterStyle style) throws IOException {
    for (WrittenRecording r : writeAndRead(spec(style))) {
      int firstAu = r.column("AU01_r");
      Set<String> occurrences = new HashSet<>();
      for (String raw : r.rawRows.subList(0, 20)) {
        String[] fields = raw.split(",", -1);
        assertEquals(r.columns.size(), fields.length, raw);
        assertEquals(fields[0].strip(), fields[0], "no space before the frame number");
        for (int i = 1; i < fields.length; i++) {
          String expectedPrefix =
              switch (style) {
                case COMMA_SPACE -> " ";
                case DOUBLE_SPACE -> i < firstAu ? "  " : " ";
                case NO_SPACE, SPACED_HEADER_ONLY -> "";
              };
          String field = fields[i];
          assertEquals(
              expectedPrefix,
              field.substring(0, field.length() - field.stripLeading().length()),
              r.columns.get(i) + " in " + raw);
        }
        for (int i = r.column("AU01_c"); i < fields.length; i++) {
          occurrences.add(fields[i].strip());
        }
      }
      Set<String> allowed =
          switch (style) {
            case COMMA_SPACE, DOUBLE_SPACE -> Set.of("0.00", "1.00");
            case NO_SPACE -> Set.of("0.0", "1.0");
            case SPACED_HEADER_ONLY -> Set.of("0", "1");
          };
      assertTrue(allowed.containsAll(occurrences), occurrences + " in " + r.path);
      assertTrue(occurrences.size() == 2, "both 0 and 1 occur in " + r.path);
    }
  }

  @ParameterizedTest
  @EnumSource(WriterStyle.class)
  void framesTimestampsAndValuesAreInRange(WriterStyle style) throws IOException {
    CorpusSpec spec = spec(style);
    Map<String, Double> fps = new HashMap<>();
    CorpusPlan.of(spec).videos().forEach(v -> fps.put(v.recording(), v.fps()));
    for (WrittenRecording r : writeAndRead(spec)) {
      double rate = fps.get(r.recording());
      double previousTimestamp = -1;
      for (int row = 0; row < r.rows.size(); row++) {
        int frame = Integer.parseInt(r.field(row, "frame"));
        assertEquals(row + 1, frame, "frames count from 1 in " + r.path);
        if (r.columns.contains("face_id")) {
          assertEquals("0", r.field(row, "face_id"));
        }
        String timestamp = r.field(row, "timestamp");
        assertTrue(TIMESTAMP.matcher(timestamp).matches(), timestamp);
        BigDecimal expected =
            new BigDecimal((frame - 1) / rate).setScale(3, RoundingMode.HALF_EVEN);
        assertEquals(0, expected.compareTo(new BigDecimal(timestamp)), "frame " + frame);
        assertTrue(Double.parseDouble(timestamp) > previousTimestamp, "timestamps increase");
        previousTimestamp = Double.parseDouble(timestamp);

        String confidence = r.field(row, "confidence");
        assertTrue(CONFIDENCE.matcher(confidence).matches(), confidence);
        double c = Double.parseDouble(confidence);
        assertTrue(c >= 0 && c <= 1, confidence);
        String success = r.field(row, "success");
        assertTrue(success.equals("0") || success.equals("1"), success);

        for (String column : r.columns) {
          String value = r.field(row, column);
          if (column.endsWith("_r")) {
            assertTrue(AU_INTENSITY.matcher(value).matches(), column + " = " + value);
            double v = Double.parseDouble(value);
            assertTrue(v >= 0 && v <= 5, column + " = " + value);
          } else if (column.matches("gaze_\\d_[xyz]")) {
            assertTrue(GAZE_VECTOR.matcher(value).matches(), column + " = " + value);
          } else if (column.startsWith("gaze_angle") || column.startsWith("pose_R")) {
            assertTrue(ANGLE.matcher(value).matches(), column + " = " + value);
          } else if (column.startsWith("pose_T")) {
            assertTrue(TRANSLATION.matcher(value).matches(), column + " = " + value);
          }
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {25, 29.97, 30, 60, 59.94})
  void timestampsAreFrameMinusOneOverFpsAtEveryRate(double fps) throws IOException {
    CorpusSpec spec =
        CorpusSpec.builder().optVideoCount(2).optDurationSeconds(20, 30).optFrameRates(fps).build();
    for (WrittenRecording r : writeAndRead(spec)) {
      double previous = -1;
      for (int row = 0; row < r.rows.size(); row++) {
        BigDecimal expected = new BigDecimal(row / fps).setScale(3, RoundingMode.HALF_EVEN);
        BigDecimal written = new BigDecimal(r.field(row, "timestamp"));
        assertEquals(0, expected.compareTo(written), r.path + " frame " + (row + 1));
        assertTrue(written.doubleValue() > previous, "timestamps increase strictly");
        previous = written.doubleValue();
      }
    }
  }

  @Test
  void gzipAndCrlfFilesAreWhatTheirFlagsSay() throws IOException {
    CorpusSpec spec = spec(WriterStyle.COMMA_SPACE);
    CorpusSummary summary = CorpusGenerator.write(spec, output.toString());
    int gzipped = 0;
    int crlf = 0;
    for (VideoPlan video : CorpusPlan.of(spec).videos()) {
      Path file = output.resolve(video.relativePath());
      byte[] bytes = Files.readAllBytes(file);
      boolean gzipMagic =
          bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
      assertEquals(video.format().gzip(), gzipMagic, file.toString());
      gzipped += gzipMagic ? 1 : 0;
      WrittenRecording r = WrittenRecording.read(file);
      assertEquals(video.format().crlf(), r.crlf, file.toString());
      crlf += r.crlf ? 1 : 0;
      String ending = video.format().crlf() ? "\r\n" : "\n";
      assertTrue(r.text.endsWith(ending), "the last row ends with a line ending");
      long lines = r.text.split(ending, -1).length - 1;
      assertEquals(video.frameCount() + 1, lines, "header and one line per frame");
      if (!video.format().crlf()) {
        assertFalse(r.text.contains("\r"), file.toString());
      }
      assertEquals(video.frameCount(), r.rows.size());
    }
    assertEquals(3, gzipped);
    assertEquals(3, crlf);
    assertEquals(6, summary.recordings().size());
  }
}
