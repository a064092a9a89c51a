package io.auglove.pipelines.generate;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.hash.Hashing;
import io.auglove.models.ActionUnits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class CorpusGeneratorTest {

  private static final Logger LOG = LoggerFactory.getLogger(CorpusGeneratorTest.class);

  @TempDir Path output;

  private static CorpusSpec small(long seed) {
    return CorpusSpec.builder()
        .optSeed(seed)
        .optVideoCount(8)
        .optParticipantCount(5)
        .optDurationSeconds(5, 10)
        .optGzipFraction(0.25)
        .optCrlfFraction(0.25)
        .build();
  }

  private static Map<String, String> hashes(Path directory) throws IOException {
    Map<String, String> hashes = new TreeMap<>();
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        hashes.put(
            directory.relativize(file).toString(),
            Hashing.sha256().hashBytes(Files.readAllBytes(file)).toString());
      }
    }
    return hashes;
  }

  @Test
  void theSameSpecGivesByteIdenticalFiles() throws IOException {
    CorpusGenerator.write(small(3), output.resolve("a").toString());
    CorpusGenerator.write(small(3), output.resolve("b").toString());
    Map<String, String> a = hashes(output.resolve("a"));
    assertEquals(9, a.size(), "8 recordings and labels.csv");
    assertEquals(a, hashes(output.resolve("b")));
  }

  @Test
  void anotherSeedGivesOtherContent() throws IOException {
    CorpusGenerator.write(small(3), output.resolve("a").toString());
    CorpusGenerator.write(small(4), output.resolve("b").toString());
    Map<String, String> a = hashes(output.resolve("a"));
    Map<String, String> b = hashes(output.resolve("b"));
    assertNotEquals(a.get("labels.csv"), b.get("labels.csv"));
    for (String name : a.keySet()) {
      if (b.containsKey(name) && !name.equals("labels.csv")) {
        assertNotEquals(a.get(name), b.get(name), name);
      }
    }
  }

  @Test
  void summaryListsEveryFileWithItsRows() throws IOException {
    CorpusSpec spec = small(5);
    CorpusSummary summary = CorpusGenerator.write(spec, output.toString());
    List<VideoPlan> videos = CorpusPlan.of(spec).videos();
    assertEquals(videos.size(), summary.videos());
    assertEquals(5, summary.participants());
    long total = 0;
    for (int i = 0; i < videos.size(); i++) {
      CorpusSummary.WrittenFile file = summary.recordings().get(i);
      assertEquals(output.resolve(videos.get(i).relativePath()).toString(), file.path());
      WrittenRecording r = WrittenRecording.read(Path.of(file.path()));
      assertEquals(r.rows.size(), file.rows());
      total += file.rows();
    }
    assertEquals(total, summary.totalRows());
    assertEquals(output.resolve("labels.csv").toString(), summary.labels().path());
    assertEquals(8, summary.labels().rows());
  }

  @Test
  void labelsHaveOneRowPerRecordingAndOneSplitPerParticipant() throws IOException {
    CorpusSpec spec =
        CorpusSpec.builder().optVideoCount(30).optDurationSeconds(1, 2).optSeed(9).build();
    CorpusGenerator.write(spec, output.toString());
    List<String> lines = Files.readAllLines(output.resolve("labels.csv"), US_ASCII);
    assertEquals("recording,participant,dwell,order,regularity,control,split", lines.get(0));
    assertEquals(31, lines.size());
    Map<String, String> scoresAndSplit = new HashMap<>();
    Map<String, Integer> splitCounts = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      assertEquals(7, f.length, line);
      assertTrue(f[0].matches("p\\d{3}_v\\d+"), line);
      assertTrue(f[0].startsWith(f[1] + "_v"), "recording belongs to participant: " + line);
      assertTrue(
          Files.exists(output.resolve("recordings/" + f[0] + ".csv"))
              || Files.exists(output.resolve("recordings/" + f[0] + ".csv.gz")),
          line);
      for (int i = 2; i <= 5; i++) {
        int score = Integer.parseInt(f[i]);
        assertTrue(score >= 1 && score <= 7, line);
      }
      assertTrue(List.of("train", "dev", "test").contains(f[6]), line);
      String participantValues = String.join(",", f[2], f[3], f[4], f[5], f[6]);
      String previous = scoresAndSplit.putIfAbsent(f[1], participantValues);
      if (previous == null) {
        splitCounts.merge(f[6], 1, Integer::sum);
      } else {
        assertEquals(previous, participantValues, "one participant, one set of labels");
      }
    }
    assertEquals(15, scoresAndSplit.size());
    assertEquals(Map.of("train", 9, "dev", 3, "test", 3), splitCounts);
  }

  @Test
  void wellTrackedRowsShowTheSimulatedIntensities() throws IOException {
    CorpusSpec spec = small(6);
    CorpusGenerator.write(spec, output.toString());
    VideoSimulator simulator = VideoSimulator.forSpec(spec);
    int compared = 0;
    for (VideoPlan video : CorpusPlan.of(spec).videos()) {
      WrittenRecording r = WrittenRecording.read(output.resolve(video.relativePath()));
      double[][] truth = simulator.intensities(video);
      int firstAu = r.column("AU01_r");
      for (int row = 0; row < r.rows.size(); row++) {
        if (r.value(row, "success") == 1 && r.value(row, "confidence") >= 0.9) {
          for (int a = 0; a < ActionUnits.COUNT; a++) {
            double written = Double.parseDouble(r.rows.get(row)[firstAu + a]);
            assertEquals(truth[row][a], written, 0.005 + 1e-9, video.recording() + " row " + row);
          }
          compared++;
        }
      }
    }
    assertTrue(compared > 1000, "compared " + compared + " rows");
  }

  @Test
  void trackingProblemsLookLikeOpenFacesAndCanBeTurnedOff() throws IOException {
    CorpusSpec spec =
        CorpusSpec.builder()
            .optSeed(2)
            .optVideoCount(12)
            .optDurationSeconds(60, 90)
            .optGzipFraction(0)
            .build();
    CorpusGenerator.write(spec, output.resolve("with").toString());
    int zeroedFailures = 0;
    int noisyFailures = 0;
    int longGaps = 0;
    for (VideoPlan video : CorpusPlan.of(spec).videos()) {
      WrittenRecording r =
          WrittenRecording.read(output.resolve("with").resolve(video.relativePath()));
      int affected = 0;
      int gapsInFile = 0;
      double lastKept = 0;
      int firstAu = r.column("AU01_r");
      for (int row = 0; row < r.rows.size(); row++) {
        double confidence = r.value(row, "confidence");
        boolean success = r.value(row, "success") == 1;
        double timestamp = r.value(row, "timestamp");
        if (!success) {
          assertTrue(confidence <= 0.30, "failed frames have low confidence: " + confidence);
          boolean zero = true;
          for (int a = 0; a < ActionUnits.COUNT; a++) {
            zero &= Double.parseDouble(r.rows.get(row)[firstAu + a]) == 0;
          }
          zeroedFailures += zero ? 1 : 0;
          noisyFailures += zero ? 0 : 1;
        } else if (confidence < 0.9) {
          assertTrue(confidence >= 0.5 && confidence <= 0.89, "low confidence " + confidence);
        }
        if (!success || confidence < 0.9) {
          affected++;
        } else {
          if (timestamp - lastKept > 2.0) {
            gapsInFile++;
          }
          lastKept = timestamp;
        }
      }
      double fraction = affected / (double) r.rows.size();
      assertTrue(fraction >= 0.045 && fraction <= 0.105, video.recording() + ": " + fraction);
      assertTrue(gapsInFile <= 1, video.recording() + " has " + gapsInFile + " gaps over 2 s");
      longGaps += gapsInFile;
    }
    assertTrue(zeroedFailures > 0 && noisyFailures > 0, zeroedFailures + " / " + noisyFailures);
    assertTrue(longGaps >= 2, "dropouts that split a track: " + longGaps);

    CorpusGenerator.write(
        spec.toBuilder().optTrackingProblems(false).build(), output.resolve("without").toString());
    for (VideoPlan video : CorpusPlan.of(spec).videos()) {
      WrittenRecording r =
          WrittenRecording.read(output.resolve("without").resolve(video.relativePath()));
      for (int row = 0; row < r.rows.size(); row++) {
        assertEquals(1, r.value(row, "success"));
        assertTrue(r.value(row, "confidence") >= 0.9);
      }
    }
  }

  @Test
  void writesTheDefaultCorpusQuickly() throws IOException {
    long start = System.nanoTime();
    CorpusSummary summary = CorpusGenerator.write(CorpusSpec.defaults(), output.toString());
    double seconds = (System.nanoTime() - start) / 1e9;
    LOG.info(
        "Default corpus: {} rows in {} s, {} rows/s",
        summary.totalRows(),
        String.format("%.2f", seconds),
        Math.round(summary.totalRows() / seconds));
    assertEquals(40, summary.videos());
    assertTrue(summary.totalRows() > 40 * 60 * 25, "at least 60 s at 25 fps per video");
  }
}
