package io.auglove.transforms;

import static io.auglove.models.Tokens.END;
import static io.auglove.models.Tokens.START;
import static io.auglove.models.Tokens.UNK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auglove.models.Vocabulary;
import io.auglove.transforms.WindowCooccur.Weighting;
import io.auglove.transforms.records.CooccurrenceMatrix;
import io.auglove.transforms.records.TokenSequence;
import io.auglove.transforms.records.TrackId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPipelineExtension.class)
class GloveFitTest {

  /** Sequences over clusters 0..5 that stay within {0,1,2} or within {3,4,5}, with some <unk>. */
  private static CooccurrenceMatrix matrix() {
    Random random = new Random(2);
    List<TokenSequence> sequences = new ArrayList<>();
    for (int s = 0; s < 40; s++) {
      int[] codes = new int[32];
      codes[0] = START;
      int group = s % 2 * 3;
      for (int i = 1; i < 31; i++) {
        codes[i] = random.nextInt(10) == 0 ? UNK : group + random.nextInt(3);
      }
      codes[31] = END;
      sequences.add(TokenSequence.of(TrackId.of("/f", "f", 0, s), codes));
    }
    return WindowCooccur.count(sequences, 10, Weighting.UNIFORM);
  }

  @Test
  void trainsEveryDimensionOverTheVocabularyWithFallingLoss(TestPipeline pipeline) {
    PCollection<GloveFit.Embedding> embeddings =
        pipeline
            .apply(Create.of(matrix()))
            .apply(GloveFit.create().withDimensions(List.of(8, 3)).withEpochs(30).withSeed(4));

    PAssert.that(embeddings)
        .satisfies(
            all -> {
              List<Integer> dimensions = new ArrayList<>();
              for (GloveFit.Embedding e : all) {
                dimensions.add(e.dimension());
                // <END>, <START>, <unk>, then c0..c5: the vocabulary's order.
                assertEquals(9, e.size());
                assertEquals(List.of(END, START, UNK, 0, 1, 2, 3, 4, 5), codes(e));
                assertEquals(e.dimension(), e.vector(4).length);
                List<Double> loss = e.lossPerEpoch();
                assertEquals(30, loss.size());
                assertTrue(loss.get(29) < loss.get(0) / 2, "loss " + loss);
              }
              dimensions.sort(null);
              assertEquals(List.of(3, 8), dimensions);
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  private static List<Integer> codes(GloveFit.Embedding embedding) {
    List<Integer> codes = new ArrayList<>();
    for (int i = 0; i < embedding.size(); i++) {
      codes.add(embedding.code(i));
    }
    return codes;
  }

  @Test
  void theDenseMatrixFollowsTheVocabulary() {
    CooccurrenceMatrix matrix = matrix();
    Vocabulary vocabulary = GloveFit.vocabulary(matrix);

    var dense = GloveFit.denseMatrix(matrix, vocabulary);

    assertEquals(matrix.size(), dense.size());
    // c0 is index 3, c1 index 4: X[c0][c1] lands at (3, 4).
    double expected = matrix.valueOf(0, 1);
    boolean found = false;
    for (int n = 0; n < dense.size(); n++) {
      if (dense.row(n) == 3 && dense.column(n) == 4) {
        assertEquals(expected, dense.value(n));
        found = true;
      }
    }
    assertTrue(found);
    assertEquals(matrix.occurrencesOf(UNK), vocabulary.count(2));
  }

  @Test
  void anEmptyMatrixFailsWithAClearMessage() {
    Pipeline pipeline = Pipeline.create();
    pipeline
        .apply(Create.of(WindowCooccur.count(List.of(), 10, Weighting.UNIFORM)))
        .apply(GloveFit.create().withDimensions(List.of(2)));

    Exception e = assertThrows(Exception.class, () -> pipeline.run().waitUntilFinish());
    assertTrue(
        String.valueOf(e.getMessage()).contains("GloVe needs co-occurrences"), e.getMessage());
  }

  @Test
  void refusesBadSettings() {
    assertEquals(
        "epochs must be at least 1, got 0",
        assertThrows(IllegalArgumentException.class, () -> GloveFit.create().withEpochs(0))
            .getMessage());
    assertEquals(
        "dimensions must be distinct, got [5, 5]",
        assertThrows(
                IllegalArgumentException.class,
                () -> GloveFit.create().withDimensions(List.of(5, 5)))
            .getMessage());
  }
}
