package io.auglove.pipelines.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CorpusPlanTest {

  @ParameterizedTest
  @CsvSource({"40, 20", "7, 7", "10, 1", "100, 33"})
  void everyParticipantHasAVideoAndNamesFollowThePattern(int videos, int participants) {
    CorpusPlan plan =
        CorpusPlan.of(
            CorpusSpec.builder().optVideoCount(videos).optParticipantCount(participants).build());
    assertEquals(videos, plan.videos().size());
    assertEquals(participants, plan.participants().size());
    Map<String, Integer> perParticipant = new HashMap<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < plan.videos().size(); i++) {
      VideoPlan video = plan.videos().get(i);
      assertEquals(i, video.index());
      assertTrue(video.recording().matches("p\\d{3}_v\\d+"), video.recording());
      assertEquals(video.participant().id() + "_v" + video.videoNumber(), video.recording());
      assertTrue(names.add(video.recording()), "unique names");
      perParticipant.merge(video.participant().id(), 1, Integer::sum);
    }
    for (Participant participant : plan.participants()) {
      assertTrue(perParticipant.getOrDefault(participant.id(), 0) >= 1, participant.id());
      assertEquals(String.format("p%03d", participant.number()), participant.id());
    }
  }

  @Test
  void splitsAreSixtyTwentyTwentyPerParticipant() {
    CorpusPlan plan =
        CorpusPlan.of(CorpusSpec.builder().optVideoCount(120).optParticipantCount(50).build());
    Map<Split, Integer> counts = new EnumMap<>(Split.class);
    for (Participant participant : plan.participants()) {
      counts.merge(participant.split(), 1, Integer::sum);
    }
    assertEquals(30, counts.get(Split.TRAIN));
    assertEquals(10, counts.get(Split.DEV));
    assertEquals(10, counts.get(Split.TEST));
    for (VideoPlan video : plan.videos()) {
      assertEquals(
          video.participant().split(),
          plan.participants().get(video.participant().number() - 1).split());
    }
  }

  @Test
  void smallCorporaStillHaveDevAndTestParticipants() {
    CorpusPlan plan =
        CorpusPlan.of(CorpusSpec.builder().optVideoCount(3).optParticipantCount(3).build());
    Set<Split> splits = new HashSet<>();
    plan.participants().forEach(p -> splits.add(p.split()));
    assertEquals(Set.of(Split.TRAIN, Split.DEV, Split.TEST), splits);
  }

  @Test
  void scoresCoverTheScaleIndependentlyOfTheNuisance() {
    CorpusPlan plan =
        CorpusPlan.of(CorpusSpec.builder().optVideoCount(400).optParticipantCount(400).build());
    int[][] histogram = new int[4][Scores.MAX + 1];
    List<double[]> gainByDwell = new ArrayList<>();
    for (Participant participant : plan.participants()) {
      Scores s = participant.scores();
      histogram[0][s.dwell()]++;
      histogram[1][s.order()]++;
      histogram[2][s.regularity()]++;
      histogram[3][s.control()]++;
      gainByDwell.add(new double[] {s.dwell(), participant.nuisance().gain()});
    }
    for (int[] counts : histogram) {
      for (int score = Scores.MIN; score <= Scores.MAX; score++) {
        // 400 / 7 = 57 expected; a binomial count stays within 57 +- 25 with near certainty.
        assertTrue(counts[score] > 32 && counts[score] < 82, "count of " + score);
      }
    }
    assertTrue(
        Math.abs(correlation(gainByDwell)) < 0.15, "the nuisance gain ignores the dwell score");
  }

  @Test
  void fileFlagsAreExactFractions() {
    CorpusPlan plan =
        CorpusPlan.of(
            CorpusSpec.builder()
                .optVideoCount(40)
                .optGzipFraction(0.1)
                .optCrlfFraction(0.25)
                .build());
    assertEquals(4, plan.videos().stream().filter(v -> v.format().gzip()).count());
    assertEquals(10, plan.videos().stream().filter(v -> v.format().crlf()).count());
    plan.videos()
        .forEach(
            v ->
                assertTrue(
                    v.relativePath()
                        .equals(
                            "recordings/"
                                + v.recording()
                                + (v.format().gzip() ? ".csv.gz" : ".csv"))));
  }

  @Test
  void durationsAndRatesComeFromTheSpec() {
    CorpusSpec spec =
        CorpusSpec.builder()
            .optVideoCount(50)
            .optDurationSeconds(10, 20)
            .optFrameRates(25, 60)
            .build();
    Set<Double> rates = new HashSet<>();
    for (VideoPlan video : CorpusPlan.of(spec).videos()) {
      rates.add(video.fps());
      double seconds = video.frameCount() / video.fps();
      assertTrue(seconds >= 10 - 1 / video.fps() && seconds <= 20 + 1 / video.fps(), "" + seconds);
    }
    assertEquals(Set.of(25.0, 60.0), rates);
  }

  @Test
  void aVideoIsTheSameWhicheverVideosWereSimulatedBefore() {
    CorpusSpec spec = CorpusSpec.builder().optVideoCount(6).optDurationSeconds(5, 10).build();
    List<VideoPlan> videos = CorpusPlan.of(spec).videos();
    VideoSimulator forwards = VideoSimulator.forSpec(spec);
    VideoSimulator backwards = VideoSimulator.forSpec(spec);
    List<int[]> first = new ArrayList<>();
    List<double[][]> firstAus = new ArrayList<>();
    for (VideoPlan video : videos) {
      first.add(forwards.latent(video).states());
      firstAus.add(forwards.intensities(video));
    }
    for (int i = videos.size() - 1; i >= 0; i--) {
      assertArrayEquals(first.get(i), backwards.latent(videos.get(i)).states());
      assertArrayEquals(firstAus.get(i), backwards.intensities(videos.get(i)));
    }
    assertNotEquals(Arrays.toString(first.get(0)), Arrays.toString(first.get(1)));
  }

  private static double correlation(List<double[]> pairs) {
    double mx = 0;
    double my = 0;
    for (double[] p : pairs) {
      mx += p[0] / pairs.size();
      my += p[1] / pairs.size();
    }
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (double[] p : pairs) {
      sxy += (p[0] - mx) * (p[1] - my);
      sxx += (p[0] - mx) * (p[0] - mx);
      syy += (p[1] - my) * (p[1] - my);
    }
    return sxy / Math.sqrt(sxx * syy);
  }
}
