package io.auglove.models.glove;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AdaGradTrainerTest {

  private static final double ETA = 0.05;

  /**
   * Two tokens, d = 2, one entry (0, 1) with x = 1; with x_max = 16 and alpha = 0.75, f(1) =
   * (1/16)^0.75 = 1/8 and ln 1 = 0, so the arithmetic stays exact enough to follow by hand.
   */
  private static AdaGradTrainer oneEntryTrainer() {
    GloveModel start =
        GloveModel.of(
            new double[][] {{0.5, -1.0}, {0.3, 0.7}},
            new double[][] {{0.9, -0.2}, {2.0, 1.0}},
            new double[] {0.5, -0.4},
            new double[] {0.6, 0.25});
    Cooccurrences x = Cooccurrences.builder(2).add(0, 1, 1).build();
    return new AdaGradTrainer(start, x, 16, 0.75, ETA);
  }

  @Test
  void oneStepFollowsTheGradientScaledByTheInitialAccumulator() {
    AdaGradTrainer trainer = oneEntryTrainer();

    trainer.pass(new int[] {0});
    GloveModel model = trainer.model();

    // diff = w0.w~1 + b0 + b~1 - ln 1 = 0.5*2 + (-1)*1 + 0.5 + 0.25 - 0 = 0.75
    // fdiff = f(1) * diff = 0.125 * 0.75 = 0.09375
    // g(w0) = fdiff * w~1 = (0.1875, 0.09375);  g(w~1) = fdiff * w0 (before update) =
    // (0.046875, -0.09375);  g(b0) = g(b~1) = 0.09375.  Every G starts at 1, so p -= 0.05 * g:
    // w0  = (0.5 - 0.009375, -1 - 0.0046875)   = (0.490625, -1.0046875)
    // w~1 = (2 - 0.00234375, 1 + 0.0046875)    = (1.99765625, 1.0046875)
    // b0  = 0.5 - 0.0046875 = 0.4953125;  b~1 = 0.25 - 0.0046875 = 0.2453125
    assertArrayEquals(new double[] {0.490625, -1.0046875}, model.wordVector(0), 1e-15);
    assertArrayEquals(new double[] {1.99765625, 1.0046875}, model.contextVector(1), 1e-15);
    assertEquals(0.4953125, model.wordBias(0), 1e-15);
    assertEquals(0.2453125, model.contextBias(1), 1e-15);
    // The parameters the entry does not touch stay as they were.
    assertArrayEquals(new double[] {0.3, 0.7}, model.wordVector(1));
    assertArrayEquals(new double[] {0.9, -0.2}, model.contextVector(0));
    assertEquals(-0.4, model.wordBias(1));
    assertEquals(0.6, model.contextBias(0));
  }

  @Test
  void secondStepDividesByTheAccumulatedSquaredSteps() {
    AdaGradTrainer trainer = oneEntryTrainer();

    trainer.pass(new int[] {0, 0});
    GloveModel model = trainer.model();

    // After step 1 (previous test) each G_p = 1 + (0.05 * g)^2:
    //   G(w0)  = (1 + 0.009375^2, 1 + 0.0046875^2)     = (1.000087890625, 1.00002197265625)
    //   G(w~1) = (1 + 0.00234375^2, 1 + 0.0046875^2)   = (1.0000054931640625, 1.00002197265625)
    //   G(b0)  = G(b~1) = 1 + 0.0046875^2             = 1.00002197265625
    // Step 2: diff = 0.490625*1.99765625 + (-1.0046875)*1.0046875 + 0.4953125 + 0.2453125
    //              = 0.98010009765625 - 1.00939697265625 + 0.740625 = 0.711328125
    //         fdiff = 0.125 * 0.711328125 = 0.088916015625
    double fdiff = 0.088916015625;
    double[] word0 = {
      0.490625 - ETA * fdiff * 1.99765625 / Math.sqrt(1.000087890625),
      -1.0046875 - ETA * fdiff * 1.0046875 / Math.sqrt(1.00002197265625)
    };
    double[] context1 = {
      1.99765625 - ETA * fdiff * 0.490625 / Math.sqrt(1.0000054931640625),
      1.0046875 - ETA * fdiff * -1.0046875 / Math.sqrt(1.00002197265625)
    };
    double bias0 = 0.4953125 - ETA * fdiff / Math.sqrt(1.00002197265625);
    double contextBias1 = 0.2453125 - ETA * fdiff / Math.sqrt(1.00002197265625);
    assertArrayEquals(word0, model.wordVector(0), 1e-15);
    assertArrayEquals(context1, model.contextVector(1), 1e-15);
    assertEquals(bias0, model.wordBias(0), 1e-15);
    assertEquals(contextBias1, model.contextBias(1), 1e-15);
  }

  @Test
  void clipsEachGradientComponentToOneHundred() {
    // One token, d = 1, the diagonal entry (0, 0) with x = 1 and x_max = 1, so f = 1, ln x = 0.
    GloveModel start =
        GloveModel.of(
            new double[][] {{10}}, new double[][] {{20}}, new double[] {0}, new double[] {0});
    Cooccurrences x = Cooccurrences.builder(1).add(0, 0, 1).build();
    AdaGradTrainer trainer = new AdaGradTrainer(start, x, 1, 0.75, ETA);

    trainer.pass(new int[] {0});
    GloveModel afterOne = trainer.model();
    trainer.pass(new int[] {0});
    GloveModel afterTwo = trainer.model();

    // Step 1: diff = 10*20 + 0 + 0 - 0 = 200. g(w) = 200*20 = 4000 -> 100, g(w~) = 200*10 = 2000
    // -> 100, g(b) = g(b~) = 200 -> 100. Every G is 1: p -= 0.05 * 100 = 5.
    assertEquals(5, afterOne.wordVector(0)[0], 1e-15);
    assertEquals(15, afterOne.contextVector(0)[0], 1e-15);
    assertEquals(-5, afterOne.wordBias(0), 1e-15);
    assertEquals(-5, afterOne.contextBias(0), 1e-15);
    // Every G is now 1 + (0.05 * 100)^2 = 26 (the clipped gradient is what accumulates).
    // Step 2: diff = 5*15 - 5 - 5 = 65. g(w) = 65*15 = 975 -> 100, g(w~) = 65*5 = 325 -> 100,
    // g(b) = g(b~) = 65 (within the clip).
    assertEquals(5 - 0.05 * 100 / Math.sqrt(26), afterTwo.wordVector(0)[0], 1e-15);
    assertEquals(15 - 0.05 * 100 / Math.sqrt(26), afterTwo.contextVector(0)[0], 1e-15);
    assertEquals(-5 - 0.05 * 65 / Math.sqrt(26), afterTwo.wordBias(0), 1e-15);
    assertEquals(-5 - 0.05 * 65 / Math.sqrt(26), afterTwo.contextBias(0), 1e-15);
  }

  @Test
  void lossIsTheModelsLossOnTheMatrix() {
    AdaGradTrainer trainer = oneEntryTrainer();
    // Before any step: diff = 0.75 (first test), f = 1/8: J / nnz = 0.125 * 0.75^2 = 0.0703125
    assertEquals(0.0703125, trainer.loss(), 1e-15);

    trainer.pass(new int[] {0});

    Cooccurrences x = Cooccurrences.builder(2).add(0, 1, 1).build();
    assertEquals(trainer.model().loss(x, 16, 0.75), trainer.loss());
  }
}
