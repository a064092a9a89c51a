package io.auglove.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.auglove.models.Centroids;
import java.util.List;
import java.util.OptionalInt;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPipelineExtension.class)
class ChooseKTest {

  private static KMeansFit.Fit fit(int k, double meanDistance) {
    float[][] rows = new float[k][];
    for (int c = 0; c < k; c++) {
      rows[c] = new float[] {c};
    }
    return new KMeansFit.Fit(
        k,
        Centroids.of(rows),
        1000,
        5,
        true,
        meanDistance * 1000,
        meanDistance,
        new double[] {1},
        new long[k],
        "cpu()",
        0.1);
  }

  /** A sharp elbow at 1000 on the paper's log-spaced k: steep drop, then flat. */
  private static final List<KMeansFit.Fit> SWEEP =
      List.of(fit(2000, 0.48), fit(100, 1.2), fit(200, 0.9), fit(500, 0.62), fit(1000, 0.5));

  @Test
  void choosesTheKneeAndSaysWhy() {
    ChooseK.Choice choice = new ChooseK.ChooseFn(0).apply(SWEEP);

    assertEquals(500, choice.chosen().k());
    assertEquals(OptionalInt.of(500), choice.knee());
    assertEquals(
        List.of(100, 200, 500, 1000, 2000), choice.fits().stream().map(KMeansFit.Fit::k).toList());
    assertEquals(
        "k = 500 is the knee of the elbow curve of k = 100, 200, 500, 1000, 2000 (the point furthest"
            + " below the chord of mean distance against log k)",
        choice.reason());
  }

  @Test
  void aRequestedKWinsAndTheKneeIsStillReported() {
    ChooseK.Choice choice = new ChooseK.ChooseFn(1000).apply(SWEEP);

    assertEquals(1000, choice.chosen().k());
    assertEquals("k = 1000 was requested (the elbow curve's knee is k = 500)", choice.reason());
  }

  @Test
  void withoutAKneeTheLargestKIsUsed() {
    ChooseK.Choice two = new ChooseK.ChooseFn(0).apply(List.of(fit(50, 1.0), fit(100, 0.8)));
    assertEquals(100, two.chosen().k());
    assertEquals(
        "the elbow curve of k = 50, 100 has no knee (fewer than 3 values of k), so the largest k,"
            + " 100, was used",
        two.reason());

    ChooseK.Choice one = new ChooseK.ChooseFn(0).apply(List.of(fit(50, 1.0)));
    assertEquals("k = 50 is the only k fitted", one.reason());
  }

  @Test
  void theTransformChoosesFromEveryFitOfTheSweep(TestPipeline pipeline) {
    PCollection<ChooseK.Choice> choice =
        pipeline
            .apply(Create.of(SWEEP).withCoder(KMeansFit.Fit.Coder.of()))
            .apply(ChooseK.byElbow());

    PAssert.thatSingleton(choice)
        .satisfies(
            c -> {
              assertEquals(500, c.chosen().k());
              assertEquals(5, c.fits().size());
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void noFitsGiveNoChoice(TestPipeline pipeline) {
    PCollection<ChooseK.Choice> choice =
        pipeline.apply(Create.empty(KMeansFit.Fit.Coder.of())).apply(ChooseK.fixed(3, List.of(3)));

    PAssert.that(choice).empty();
    pipeline.run().waitUntilFinish();
  }

  @Test
  void aVocabKThatIsNotSweptIsRefusedWhenThePipelineIsBuilt() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ChooseK.fixed(7, List.of(50, 100)));
    assertEquals("vocabK=7 is not one of the fitted k=[50, 100]", e.getMessage());
  }

  @Test
  void aRequestedKThatWasNotFittedIsRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new ChooseK.ChooseFn(300).apply(SWEEP));
    assertEquals(
        "the vocabulary's k = 300 is not among the fitted k = 100, 200, 500, 1000, 2000",
        e.getMessage());
  }
}
