package io.auglove.models.lstm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auglove.models.ActionUnits;
import io.auglove.models.regression.Sample;
import org.junit.jupiter.api.Test;

class SubsamplingTest {

  @Test
  void shortSequencesAreReadWhole() {
    assertArrayEquals(new int[] {0, 1, 2, 3, 4}, Subsampling.indices(5, 10));
    assertArrayEquals(new int[] {0, 1, 2, 3}, Subsampling.indices(4, 4));
    assertArrayEquals(new int[] {0}, Subsampling.indices(1, 500));
  }

  @Test
  void longSequencesKeepEvenlySpreadFramesByHand() {
    // round(i · 9 / 3): 0, 3, 6, 9.
    assertArrayEquals(new int[] {0, 3, 6, 9}, Subsampling.indices(10, 4));
    // round(i · 9 / 2) = 0, 4.5 -> 5 (half up), 9.
    assertArrayEquals(new int[] {0, 5, 9}, Subsampling.indices(10, 3));
    // round(i · 11 / 3) = 0, 3.67 -> 4, 7.33 -> 7, 11.
    assertArrayEquals(new int[] {0, 4, 7, 11}, Subsampling.indices(12, 4));
    // round(i · 5 / 4) = 0, 1.25 -> 1, 2.5 -> 3, 3.75 -> 4, 5.
    assertArrayEquals(new int[] {0, 1, 3, 4, 5}, Subsampling.indices(6, 5));
  }

  @Test
  void aLongRecordingKeepsItsEndsAndEvenGaps() {
    int[] indices = Subsampling.indices(3001, 500);

    assertEquals(500, indices.length);
    assertEquals(0, indices[0]);
    assertEquals(3000, indices[499]);
    for (int i = 1; i < indices.length; i++) {
      int gap = indices[i] - indices[i - 1];
      assertTrue(gap == 6 || gap == 7, "gap " + gap + " at " + i);
    }
  }

  @Test
  void maxLengthBelowTwoIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> Subsampling.indices(10, 1));
  }

  @Test
  void encodingReadsTheSubsampledFrames() {
    float[][] aus = new float[12][ActionUnits.COUNT];
    int[] ids = new int[12];
    for (int t = 0; t < 12; t++) {
      aus[t][0] = t;
      ids[t] = t;
    }
    Sample sample = Sample.of("s", "g", aus, ids, 1);

    EncodedSequence frames = EncodedSequence.encode(sample, LstmInput.aus(), 4);
    EncodedSequence tokens = EncodedSequence.encode(sample, LstmInput.randomEmbedding(12), 4);

    assertEquals(4, frames.length());
    assertEquals(7f, frames.aus()[2 * ActionUnits.COUNT]);
    assertArrayEquals(new int[] {0, 4, 7, 11}, tokens.tokenIds());
  }

  @Test
  void tokenIdsOutsideTheVocabularyAreRefused() {
    Sample sample = Sample.of("s", "g", new float[2][ActionUnits.COUNT], new int[] {0, 5}, 1);

    assertThrows(
        IllegalArgumentException.class,
        () -> EncodedSequence.encode(sample, LstmInput.randomEmbedding(5), 500));
  }
}
