package io.auglove.models.glove;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.junit.jupiter.api.Test;

class GloveTest {

  private static final int TOKENS_PER_GROUP = 5;

  /**
   * 10 tokens in two groups of 5; 40 sequences of 60 tokens that switch group with probability 0.05
   * per token; window 10. Every one of the 100 pairs co-occurs (138 to 819 times), within a group
   * far more often than across.
   */
  private static final Cooccurrences TWO_GROUPS =
      TwoGroupCorpus.cooccurrences(TOKENS_PER_GROUP, 40, 60, 0.05, 10, 1);

  private static Glove glove(long seed) {
    return Glove.builder().setDimension(10).optSeed(seed).build();
  }

  @Test
  void lossFallsOverTheEpochs() {
    List<Double> losses = glove(0).fit(TWO_GROUPS).lossPerEpoch();

    assertEquals(25, losses.size());
    // Far from the optimum every epoch lowers the loss; near it, the per-entry updates make it
    // wander by a fraction of a percent, so the later epochs are only held below the early ones.
    for (int epoch = 1; epoch < 10; epoch++) {
      assertTrue(losses.get(epoch) < losses.get(epoch - 1), "epoch " + (epoch + 1) + ": " + losses);
    }
    for (int epoch = 10; epoch < 25; epoch++) {
      assertTrue(losses.get(epoch) < losses.get(9), "epoch " + (epoch + 1) + ": " + losses);
    }
    assertTrue(losses.get(24) < losses.get(0) / 100, losses.toString());
  }

  @Test
  void lossPerEpochIsTheRecomputedLossOfTheParameters() {
    Glove glove = Glove.builder().setDimension(4).optEpochs(3).optXMax(300).optAlpha(0.5).build();

    GloveResult result = glove.fit(TWO_GROUPS);

    assertEquals(3, result.lossPerEpoch().size());
    assertEquals(result.lossPerEpoch().get(2), result.finalLoss());
    assertEquals(result.model().loss(TWO_GROUPS, 300, 0.5), result.finalLoss());
  }

  @Test
  void listenerHearsEachEpoch() {
    List<Double> heard = new ArrayList<>();
    List<Integer> epochs = new ArrayList<>();
    GloveListener listener =
        (dimension, epoch, loss, seconds) -> {
          assertEquals(3, dimension);
          assertTrue(seconds >= 0, "seconds " + seconds);
          epochs.add(epoch);
          heard.add(loss);
        };

    GloveResult result =
        Glove.builder().setDimension(3).optEpochs(4).optListener(listener).build().fit(TWO_GROUPS);

    assertEquals(List.of(1, 2, 3, 4), epochs);
    assertEquals(result.lossPerEpoch(), heard);
  }

  @Test
  void sameMatrixAndSeedGiveBitIdenticalResults() {
    GloveResult first = glove(42).fit(TWO_GROUPS);
    GloveResult second = glove(42).fit(TWO_GROUPS);

    // GloveModel.equals compares every parameter bit for bit (Arrays.equals on double[]).
    assertEquals(first.model(), second.model());
    assertEquals(first.lossPerEpoch(), second.lossPerEpoch());
  }

  @Test
  void entryOrderOfTheInputDoesNotMatter() {
    Cooccurrences.Builder reversed = Cooccurrences.builder(TWO_GROUPS.vocabularySize());
    for (int n = TWO_GROUPS.size() - 1; n >= 0; n--) {
      reversed.add(TWO_GROUPS.row(n), TWO_GROUPS.column(n), TWO_GROUPS.value(n));
    }

    assertEquals(glove(7).fit(TWO_GROUPS).model(), glove(7).fit(reversed.build()).model());
  }

  @Test
  void differentSeedsGiveDifferentVectors() {
    GloveModel one = glove(1).fit(TWO_GROUPS).model();
    GloveModel two = glove(2).fit(TWO_GROUPS).model();

    for (int token = 0; token < one.vocabularySize(); token++) {
      assertNotEquals(
          Arrays.toString(one.embedding(token)),
          Arrays.toString(two.embedding(token)),
          "token " + token);
    }
  }

  @Test
  void tokensOfOneGroupAreMoreSimilarThanTokensOfDifferentGroups() {
    for (long seed = 0; seed < 3; seed++) {
      GloveModel model = glove(seed).fit(TWO_GROUPS).model();
      double within = 0;
      double across = 0;
      int withinPairs = 0;
      int acrossPairs = 0;
      for (int a = 0; a < model.vocabularySize(); a++) {
        for (int b = a + 1; b < model.vocabularySize(); b++) {
          double cosine = cosine(model.embedding(a), model.embedding(b));
          if (TwoGroupCorpus.sameGroup(a, b, TOKENS_PER_GROUP)) {
            within += cosine;
            withinPairs++;
          } else {
            across += cosine;
            acrossPairs++;
          }
        }
      }
      // 2 groups of 5: 2 * (5 * 4 / 2) = 20 pairs within, 5 * 5 = 25 across.
      assertEquals(20, withinPairs);
      assertEquals(25, acrossPairs);
      within /= withinPairs;
      across /= acrossPairs;
      assertTrue(
          within > across + 0.5,
          "seed " + seed + ": mean cosine within groups " + within + ", across " + across);
    }
  }

  @Test
  void initialParametersAreUniformInAHalfOverD() {
    int d = 4;
    GloveModel start = Glove.initialModel(50, d, 3);

    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    for (int token = 0; token < 50; token++) {
      double[] values = concat(start.wordVector(token), start.contextVector(token));
      for (double value : values) {
        min = Math.min(min, value);
        max = Math.max(max, value);
      }
      for (double bias : new double[] {start.wordBias(token), start.contextBias(token)}) {
        min = Math.min(min, bias);
        max = Math.max(max, bias);
      }
    }
    // 500 draws from U[-0.5, 0.5] / 4 = U[-0.125, 0.125]: inside it, and reaching near both ends.
    assertTrue(min >= -0.125 && min < -0.12, "min " + min);
    assertTrue(max <= 0.125 && max > 0.12, "max " + max);
  }

  @Test
  void eachEpochVisitsEveryEntryOnceInItsOwnOrder() {
    int[] first = Glove.shuffledOrder(1000, 11);
    int[] second = Glove.shuffledOrder(1000, 12);

    int[] sorted = first.clone();
    Arrays.sort(sorted);
    for (int n = 0; n < sorted.length; n++) {
      assertEquals(n, sorted[n]);
    }
    assertTrue(!Arrays.equals(first, second));
  }

  @Test
  void refusesAMatrixWithNoEntries() {
    Cooccurrences empty = Cooccurrences.builder(3).build();

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> glove(0).fit(empty));
    assertEquals("glove: the co-occurrence matrix has no entries", e.getMessage());
  }

  @Test
  void rejectsADimensionBelowOne() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Glove.builder().setDimension(0));
    assertEquals("glove: dimension must be at least 1, got 0", e.getMessage());
  }

  @Test
  void requiresADimension() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> Glove.builder().optEpochs(3).build());
    assertEquals("glove: dimension is not set; call setDimension(d)", e.getMessage());
  }

  @Test
  void rejectsEpochsBelowOne() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Glove.builder().optEpochs(-2));
    assertEquals("glove: epochs must be at least 1, got -2", e.getMessage());
  }

  @Test
  void rejectsAnXMaxThatIsNotPositive() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Glove.builder().optXMax(0));
    assertEquals("glove: xMax must be finite and greater than 0, got 0.0", e.getMessage());
  }

  @Test
  void rejectsANegativeAlpha() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Glove.builder().optAlpha(-0.5));
    assertEquals("glove: alpha must be finite and at least 0, got -0.5", e.getMessage());
  }

  @Test
  void rejectsALearningRateThatIsNotFinite() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Glove.builder().optLearningRate(Double.NaN));
    assertEquals("glove: learningRate must be finite and greater than 0, got NaN", e.getMessage());
  }

  @Test
  void reportsDivergenceInsteadOfReturningNonFiniteVectors() {
    // A huge learning rate overshoots: with x_max = 1 every f is 1 and each first step moves
    // every parameter by about eta, far past the optimum, until the loss overflows.
    Glove glove = Glove.builder().setDimension(2).optXMax(1).optLearningRate(1e200).build();

    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> glove.fit(TWO_GROUPS));
    assertTrue(
        e.getMessage()
            .startsWith("glove: training diverged: the loss after epoch 1 of dimension 2"),
        e.getMessage());
  }

  private static double cosine(float[] a, float[] b) {
    ArrayRealVector u = new ArrayRealVector(toDouble(a));
    ArrayRealVector v = new ArrayRealVector(toDouble(b));
    return u.cosine(v);
  }

  private static double[] toDouble(float[] values) {
    double[] doubles = new double[values.length];
    for (int k = 0; k < values.length; k++) {
      doubles[k] = values[k];
    }
    return doubles;
  }

  private static double[] concat(double[] a, double[] b) {
    double[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
