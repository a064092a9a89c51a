package io.auglove.transforms;

import static io.auglove.models.Tokens.END;
import static io.auglove.models.Tokens.START;
import static io.auglove.models.Tokens.UNK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.auglove.transforms.WindowCooccur.Weighting;
import io.auglove.transforms.records.CooccurrenceMatrix;
import io.auglove.transforms.records.TokenSequence;
import io.auglove.transforms.records.TrackId;
import java.util.List;
import org.apache.beam.sdk.testing.CoderProperties;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPipelineExtension.class)
class WindowCooccurTest {

  private static final TrackId ID = TrackId.of("/d/a.csv", "a", 0, 0);
  // Positions 0..4: <START> c1 c1 c2 <END>.
  private static final TokenSequence FIRST = TokenSequence.of(ID, START, 1, 1, 2, END);
  // Positions 0..2: <START> c2 <END>.
  private static final TokenSequence SECOND = TokenSequence.of(ID.withSegment(1), START, 2, END);

  /**
   * Window 2, uniform. Pairs of FIRST with j - i <= 2: (S,c1) twice, (c1,c1) once, (c1,c2) twice,
   * (c1,E) once, (c2,E) once; each adds 1 to X[a][b] and X[b][a], so the (c1,c1) pair adds 2 to the
   * diagonal. SECOND: (S,c2), (S,E), (c2,E) once each. Codes sort E=-2 < S=-1 < c1 < c2.
   */
  private static CooccurrenceMatrix expectedUniform() {
    int s = START;
    int e = END;
    return CooccurrenceMatrix.of(
        1,
        2,
        new int[] {e, e, e, s, s, s, 1, 1, 1, 1, 2, 2, 2},
        new int[] {s, 1, 2, e, 1, 2, e, s, 1, 2, e, s, 1},
        new long[] {1, 1, 2, 1, 2, 1, 1, 2, 2, 2, 2, 1, 2},
        new int[] {e, s, 1, 2},
        new long[] {2, 2, 2, 2});
  }

  @Test
  void countsWindowsOfAShortSequenceByHand(TestPipeline pipeline) {
    PCollection<CooccurrenceMatrix> matrix =
        pipeline.apply(Create.of(FIRST, SECOND)).apply(WindowCooccur.create().withWindow(2));

    PAssert.thatSingleton(matrix).isEqualTo(expectedUniform());
    pipeline.run().waitUntilFinish();
  }

  @Test
  void harmonicWeightingAddsOneOverDistance() {
    // Window 2: d = 1 weighs 1, d = 2 weighs 1/2; counts are kept in halves (scale 2).
    CooccurrenceMatrix m = WindowCooccur.count(List.of(FIRST), 2, Weighting.HARMONIC);

    assertEquals(2, m.scale());
    assertEquals(1.5, m.valueOf(START, 1)); // (0,1) d=1 + (0,2) d=2
    assertEquals(2.0, m.valueOf(1, 1)); // (1,2) d=1, added to X[c1][c1] twice
    assertEquals(1.5, m.valueOf(1, 2)); // (1,3) d=2 + (2,3) d=1
    assertEquals(1.5, m.valueOf(2, 1));
    assertEquals(0.5, m.valueOf(1, END)); // (2,4) d=2
    assertEquals(1.0, m.valueOf(2, END)); // (3,4) d=1
    assertEquals(0.0, m.valueOf(START, END));
  }

  @Test
  void theDefaultWindowIsTenAndLongRunsFeedTheDiagonal() {
    int[] codes = new int[14];
    codes[0] = START;
    java.util.Arrays.fill(codes, 1, 13, 7);
    codes[13] = END;
    // 12 positions of c7: pairs at distance d <= 10 among them: sum over d of (12 - d) =
    // 11+10+...+2 = 65,
    // each adding 2 to the diagonal. <START> (position 0) reaches positions 1..10: 10 pairs with
    // c7.
    // <END> (position 13) is reached from positions 3..12: 10 pairs. <START>-<END> are 13 apart:
    // none.
    CooccurrenceMatrix m =
        WindowCooccur.count(List.of(TokenSequence.of(ID, codes)), 10, Weighting.UNIFORM);

    assertEquals(130.0, m.valueOf(7, 7));
    assertEquals(10.0, m.valueOf(START, 7));
    assertEquals(10.0, m.valueOf(7, END));
    assertEquals(0.0, m.valueOf(START, END));
    assertEquals(12, m.occurrencesOf(7));
    assertEquals(0, m.occurrencesOf(UNK));
    assertEquals(14, m.totalOccurrences());
  }

  @Test
  void mergingPartialCountsInAnyOrderGivesTheSameMatrix() {
    PairCounter forwards = counter(Weighting.UNIFORM, FIRST);
    forwards.add(counter(Weighting.UNIFORM, SECOND));
    PairCounter backwards = counter(Weighting.UNIFORM, SECOND);
    backwards.add(counter(Weighting.UNIFORM, FIRST));

    assertEquals(expectedUniform(), forwards.toMatrix());
    assertEquals(expectedUniform(), backwards.toMatrix());
    PairCounter otherUnits = new PairCounter(2, Weighting.HARMONIC);
    assertThrows(IllegalArgumentException.class, () -> otherUnits.add(forwards));
  }

  @Test
  void partialCountsCrossACoderWhole() throws Exception {
    // Enough pairs that the tables grow several times; decoded counts go on counting.
    java.util.Random random = new java.util.Random(8);
    List<TokenSequence> sequences = new java.util.ArrayList<>();
    for (int s = 0; s < 40; s++) {
      int[] codes = new int[2 + random.nextInt(200)];
      codes[0] = START;
      for (int i = 1; i < codes.length - 1; i++) {
        codes[i] = random.nextInt(300);
      }
      codes[codes.length - 1] = END;
      sequences.add(TokenSequence.of(ID.withSegment(s), codes));
    }
    for (Weighting weighting : Weighting.values()) {
      WindowCooccur.PairCounterCoder coder = new WindowCooccur.PairCounterCoder(5, weighting);
      PairCounter counter = new PairCounter(5, weighting);
      sequences.subList(0, 30).forEach(counter::add);

      PairCounter decoded = CoderUtils.clone(coder, counter);
      assertEquals(counter.toMatrix(), decoded.toMatrix());
      sequences.subList(30, 40).forEach(decoded::add);
      assertEquals(WindowCooccur.count(sequences, 5, weighting), decoded.toMatrix());
      assertEquals(
          new PairCounter(5, weighting).toMatrix(),
          CoderUtils.clone(coder, new PairCounter(5, weighting)).toMatrix());
    }
  }

  private static PairCounter counter(Weighting weighting, TokenSequence sequence) {
    PairCounter counter = new PairCounter(2, weighting);
    counter.add(sequence);
    return counter;
  }

  @Test
  void manySequencesInTheTransformGiveWhatCountingThemAllAtOnceGives(TestPipeline pipeline) {
    List<TokenSequence> sequences = new java.util.ArrayList<>();
    java.util.Random random = new java.util.Random(4);
    for (int s = 0; s < 60; s++) {
      int[] codes = new int[2 + random.nextInt(30)];
      codes[0] = START;
      for (int i = 1; i < codes.length - 1; i++) {
        codes[i] = random.nextInt(12) - 1 == -1 ? UNK : random.nextInt(12);
      }
      codes[codes.length - 1] = END;
      sequences.add(TokenSequence.of(ID.withSegment(s), codes));
    }

    PAssert.thatSingleton(pipeline.apply(Create.of(sequences)).apply(WindowCooccur.create()))
        .isEqualTo(WindowCooccur.count(sequences, 10, Weighting.UNIFORM));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void matrixAndSequenceCodersRoundTrip() throws Exception {
    CoderProperties.coderDecodeEncodeEqual(CooccurrenceMatrix.Coder.of(), expectedUniform());
    CoderProperties.coderDecodeEncodeEqual(
        TokenSequence.Coder.of(), TokenSequence.of(ID, START, UNK, 999, END));
  }

  @Test
  void emptyInputGivesAnEmptyMatrix(TestPipeline pipeline) {
    PCollection<CooccurrenceMatrix> matrix =
        pipeline
            .apply(Create.empty(TokenSequence.Coder.of()))
            .apply(WindowCooccur.create().withWeighting(Weighting.HARMONIC));

    PAssert.thatSingleton(matrix)
        .isEqualTo(
            CooccurrenceMatrix.of(
                2520, 0, new int[0], new int[0], new long[0], new int[0], new long[0]));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void refusesBadWindows() {
    IllegalArgumentException tooLarge =
        assertThrows(IllegalArgumentException.class, () -> WindowCooccur.create().withWindow(0));
    assertEquals("window must be within 1..1000, got 0", tooLarge.getMessage());
    IllegalArgumentException harmonic =
        assertThrows(
            IllegalArgumentException.class,
            () -> WindowCooccur.create().withWindow(21).withWeighting(Weighting.HARMONIC));
    assertEquals(
        "window must be within 1..20 with harmonic weighting, got 21", harmonic.getMessage());
  }
}
