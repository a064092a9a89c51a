package io.auglove.pipelines.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CorpusSpecTest {

  @Test
  void defaultsAreTheDocumentedOnes() {
    CorpusSpec spec = CorpusSpec.defaults();
    assertEquals(40, spec.videoCount());
    assertEquals(20, spec.participantCount());
    assertEquals(0, spec.seed());
    assertEquals(60, spec.minDurationSeconds());
    assertEquals(120, spec.maxDurationSeconds());
    assertEquals(ImmutableList.of(25.0, 29.97, 30.0, 60.0), spec.frameRates());
    assertEquals(0.1, spec.gzipFraction());
    assertEquals(true, spec.trackingProblems());
    assertEquals(ImmutableList.copyOf(WriterStyle.values()), spec.writerStyles());
  }

  @Test
  void participantsDefaultToHalfTheVideosAndAtLeastOne() {
    assertEquals(7, CorpusSpec.builder().optVideoCount(15).build().participantCount());
    assertEquals(1, CorpusSpec.builder().optVideoCount(1).build().participantCount());
    assertEquals(
        3,
        CorpusSpec.builder().optVideoCount(15).optParticipantCount(3).build().participantCount());
  }

  @Test
  void toBuilderRoundTripsAndSpecsCompareByValue() {
    CorpusSpec spec =
        CorpusSpec.builder()
            .optVideoCount(9)
            .optSeed(5)
            .optFrameRates(30)
            .optWriterStyles(WriterStyle.NO_SPACE)
            .build();
    assertEquals(spec, spec.toBuilder().build());
    assertEquals(spec.hashCode(), spec.toBuilder().build().hashCode());
    assertNotEquals(spec, spec.toBuilder().optSeed(6).build());
  }

  @Test
  void corporaOfOneWorldShareTheirExpressionsAndNotTheirParticipants() {
    CorpusSpec unlabelled =
        CorpusSpec.builder().optVideoCount(20).optSeed(7).optParticipantPrefix("u").build();
    CorpusSpec labelled = CorpusSpec.builder().optVideoCount(20).optSeed(8).optWorldSeed(7).build();
    CorpusSpec otherWorld = CorpusSpec.builder().optVideoCount(20).optSeed(8).build();

    assertEquals(7, unlabelled.worldSeed());
    assertEquals(8, otherWorld.worldSeed());
    ExpressionPrototypes world = ExpressionPrototypes.forSpec(unlabelled);
    ExpressionPrototypes same = ExpressionPrototypes.forSpec(labelled);
    ExpressionPrototypes other = ExpressionPrototypes.forSpec(otherWorld);
    boolean otherDiffers = false;
    for (int state = 0; state < world.stateCount(); state++) {
      assertArrayEquals(world.intensities(state), same.intensities(state), "state " + state);
      otherDiffers |= !Arrays.equals(world.intensities(state), other.intensities(state));
    }
    assertTrue(otherDiffers);

    List<Participant> drawn = CorpusPlan.of(unlabelled).participants();
    List<Participant> others = CorpusPlan.of(labelled).participants();
    assertEquals("u001", drawn.get(0).id());
    assertEquals("p001", others.get(0).id());
    assertNotEquals(
        drawn.stream().map(Participant::scores).toList(),
        others.stream().map(Participant::scores).toList());
  }

  @Test
  void aWorldSeedEqualToTheSeedFollowsTheSeed() {
    CorpusSpec spec = CorpusSpec.builder().optSeed(3).build();
    assertEquals(9, spec.toBuilder().optSeed(9).build().worldSeed());
    CorpusSpec pinned = CorpusSpec.builder().optSeed(3).optWorldSeed(4).build();
    assertEquals(4, pinned.toBuilder().optSeed(9).build().worldSeed());
  }

  @Test
  void writerStylesAreKeptInDeclarationOrderWithoutDuplicates() {
    CorpusSpec spec =
        CorpusSpec.builder()
            .optWriterStyles(
                WriterStyle.DOUBLE_SPACE, WriterStyle.COMMA_SPACE, WriterStyle.DOUBLE_SPACE)
            .build();
    assertEquals(
        ImmutableList.of(WriterStyle.COMMA_SPACE, WriterStyle.DOUBLE_SPACE), spec.writerStyles());
  }

  static Stream<Arguments> badValues() {
    return Stream.of(
        bad(b -> b.optVideoCount(0), "videoCount must be in [1, 1000000], got 0"),
        bad(b -> b.optParticipantCount(0), "participantCount must be in [1, 1000000], got 0"),
        bad(
            b -> b.optDurationSeconds(0.5, 10),
            "minDurationSeconds must be in [1, 86400], got 0.5"),
        bad(
            b -> b.optDurationSeconds(10, 100000),
            "maxDurationSeconds must be in [1, 86400], got 100000"),
        bad(
            b -> b.optDurationSeconds(30, 20),
            "minDurationSeconds must be <= maxDurationSeconds, got 30 > 20"),
        bad(b -> b.optFrameRates(), "frameRates must hold at least one rate, got none"),
        bad(b -> b.optFrameRates(25, 0), "frameRates must be in [1, 240], got 0"),
        bad(b -> b.optFrameRates(Double.NaN), "frameRates must be in [1, 240], got NaN"),
        bad(b -> b.optGzipFraction(1.5), "gzipFraction must be in [0, 1], got 1.5"),
        bad(b -> b.optCrlfFraction(-0.1), "crlfFraction must be in [0, 1], got -0.1"),
        bad(b -> b.optFaceIdFraction(2), "faceIdFraction must be in [0, 1], got 2"),
        bad(b -> b.optWriterStyles(), "writerStyles must hold at least one style, got none"),
        bad(b -> b.optExpressionCount(2), "expressionCount must be in [3, 60], got 2"),
        bad(b -> b.optCycleLength(2), "cycleLength must be in [3, 60], got 2"),
        bad(b -> b.optNeutralProbability(0.95), "neutralProbability must be in [0, 0.9], got 0.95"),
        bad(b -> b.optJumpProbability(0.6), "jumpProbability must be in [0, 0.5], got 0.6"),
        bad(b -> b.optRampSeconds(3), "rampSeconds must be in [0, 2], got 3"),
        bad(b -> b.optNoiseSd(-1), "noiseSd must be in [0, 1], got -1"),
        bad(b -> b.optBlinksPerMinute(61), "blinksPerMinute must be in [0, 60], got 61"),
        bad(
            b -> b.optParticipantPrefix("p_"),
            "participantPrefix must be 1 to 8 letters, got 'p_'"),
        bad(
            b -> b.optVideoCount(4).optParticipantCount(5).build(),
            "participantCount must be in [1, videoCount = 4] so that every participant has a"
                + " video, got 5"),
        bad(
            b -> b.optExpressionCount(12).optCycleLength(5).build(),
            "cycleLength must divide expressionCount = 12 and be in [3, 12], got 5"),
        bad(
            b -> b.optExpressionCount(6).optCycleLength(12).build(),
            "cycleLength must divide expressionCount = 6 and be in [3, 6], got 12"));
  }

  private static Arguments bad(Consumer<CorpusSpec.Builder> setter, String message) {
    return Arguments.of(setter, message);
  }

  @ParameterizedTest
  @MethodSource("badValues")
  void rejectsBadValuesNamingParameterValueAndRange(
      Consumer<CorpusSpec.Builder> setter, String message) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> setter.accept(CorpusSpec.builder()));
    assertEquals(message, e.getMessage());
  }

  @Test
  void scoresOutsideTheScaleAreRejected() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Scores(4, 8, 4, 4));
    assertEquals("score order must be in [1, 7], got 8", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> PlantedDynamics.meanDwellSeconds(0));
    assertEquals("score dwell must be in [1, 7], got 0", e.getMessage());
  }
}
