package io.auglove.models.glove;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GloveModelTest {

  @Test
  void weightFollowsThePowerLawBelowXMax() {
    // f(50) = (50/100)^0.75 = 2^-0.75 = 1 / 1.6817928305074290 = 0.5946035575013605
    assertEquals(0.5946035575013605, GloveModel.weight(50, 100, 0.75), 1e-15);
    // f(1) = (1/100)^0.75 = 10^-1.5 = 1 / 31.622776601683793 = 0.03162277660168379
    assertEquals(0.03162277660168379, GloveModel.weight(1, 100, 0.75), 1e-15);
  }

  @Test
  void weightIsOneFromXMaxOn() {
    assertEquals(1.0, GloveModel.weight(100, 100, 0.75));
    assertEquals(1.0, GloveModel.weight(250, 100, 0.75));
  }

  @Test
  void lossIsTheMeanWeightedSquaredErrorOverTheEntries() {
    // Rows are tokens 0, 1, 2; d = 2.
    GloveModel model =
        GloveModel.of(
            new double[][] {{1, 0}, {0, 1}, {1, 1}},
            new double[][] {{0.5, 0.5}, {1, -1}, {2, 0}},
            new double[] {0.1, 0.2, 0.3},
            new double[] {0.0, -0.1, 0.4});
    Cooccurrences x =
        Cooccurrences.builder(3).add(0, 1, 1).add(1, 1, 50).add(1, 2, 100).add(2, 0, 250).build();
    // (0,1), x = 1:   w0.w~1 = 1*1 + 0*(-1) = 1;   diff = 1 + 0.1 - 0.1 - ln 1 = 1
    //                 f = 0.01^0.75 = 0.03162277660168379; term = 0.03162277660168379
    // (1,1), x = 50:  w1.w~1 = 0*1 + 1*(-1) = -1;  diff = -1 + 0.2 - 0.1 - 3.912023005428146
    //                 = -4.812023005428146; f = 0.5946035575013605; term = 13.768381565631511
    // (1,2), x = 100: w1.w~2 = 0*2 + 1*0 = 0;      diff = 0 + 0.2 + 0.4 - 4.605170185988092
    //                 = -4.005170185988092; f = 1; term = 16.04138821872789
    // (2,0), x = 250: w2.w~0 = 0.5 + 0.5 = 1;      diff = 1 + 0.3 + 0.0 - 5.521460917862246
    //                 = -4.221460917862246; f = 1 (capped); term = 17.820732281038357
    // J = 47.66212484199944; J / nnz = 47.66212484199944 / 4 = 11.91553121049986
    assertEquals(11.91553121049986, model.loss(x), 1e-12);
  }

  @Test
  void lossUsesTheGivenXMaxAndAlpha() {
    GloveModel model =
        GloveModel.of(
            new double[][] {{1}}, new double[][] {{2}}, new double[] {0}, new double[] {0});
    Cooccurrences x = Cooccurrences.builder(1).add(0, 0, 1).build();
    // diff = 1*2 + 0 + 0 - ln 1 = 2; f(1) with xMax 16, alpha 0.75 = (1/16)^0.75 = 1/8
    // J / nnz = (1/8) * 2^2 / 1 = 0.5
    assertEquals(0.5, model.loss(x, 16, 0.75), 1e-15);
  }

  @Test
  void embeddingIsWordVectorPlusContextVector() {
    GloveModel model =
        GloveModel.of(
            new double[][] {{1, 0}, {0.25, 1}},
            new double[][] {{0.5, 0.5}, {1, -1.5}},
            new double[] {0.1, 0.2},
            new double[] {0.3, 0.4});

    assertEquals(2, model.vocabularySize());
    assertEquals(2, model.dimension());
    // token 1: (0.25 + 1, 1 - 1.5) = (1.25, -0.5)
    assertArrayEquals(new float[] {1.25f, -0.5f}, model.embedding(1));
    assertArrayEquals(new double[] {0.25, 1}, model.wordVector(1));
    assertArrayEquals(new double[] {1, -1.5}, model.contextVector(1));
    assertEquals(0.2, model.wordBias(1));
    assertEquals(0.4, model.contextBias(1));
  }

  @Test
  void copiesTheArraysItIsGiven() {
    double[][] word = {{1, 2}};
    double[] wordBias = {3};
    GloveModel model = GloveModel.of(word, new double[][] {{0, 0}}, wordBias, new double[] {0});

    word[0][0] = 99;
    wordBias[0] = 99;

    assertArrayEquals(new double[] {1, 2}, model.wordVector(0));
    assertEquals(3, model.wordBias(0));
  }

  @Test
  void rejectsVectorsOfUnequalLengths() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                GloveModel.of(
                    new double[][] {{1, 2}, {3, 4}},
                    new double[][] {{1, 2}, {3}},
                    new double[] {0, 0},
                    new double[] {0, 0}));
    assertEquals(
        "glove model: context vector 1 has 1 values, expected 2 like word vector 0",
        e.getMessage());
  }

  @Test
  void rejectsAValueThatIsNotFinite() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                GloveModel.of(
                    new double[][] {{1, Double.NaN}},
                    new double[][] {{1, 2}},
                    new double[] {0},
                    new double[] {0}));
    assertEquals("glove model: word vector 0 value 1 is not finite: NaN", e.getMessage());
  }

  @Test
  void lossRejectsAMatrixOverAnotherVocabulary() {
    GloveModel model =
        GloveModel.of(
            new double[][] {{1}}, new double[][] {{2}}, new double[] {0}, new double[] {0});
    Cooccurrences x = Cooccurrences.builder(2).add(1, 1, 3).build();

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.loss(x));
    assertEquals("glove model: the matrix has 2 tokens, the model 1", e.getMessage());
  }

  @Test
  void lossRejectsAMatrixWithNoEntries() {
    GloveModel model =
        GloveModel.of(
            new double[][] {{1}}, new double[][] {{2}}, new double[] {0}, new double[] {0});

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> model.loss(Cooccurrences.builder(1).build()));
    assertEquals("glove model: the loss of a matrix with no entries is undefined", e.getMessage());
  }
}
