package io.auglove.models.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.junit.jupiter.api.Test;

class MetricTest {

  private static final double[] P = {1, 2, 3, 4};
  private static final double[] T = {2, 4, 5, 4};

  // By hand for P and T:
  //   mean p = 10 / 4 = 2.5, mean t = 15 / 4 = 3.75
  //   p - mean = -1.5, -0.5, 0.5, 1.5;  t - mean = -1.75, 0.25, 1.25, 0.25
  //   Sxy = 2.625 - 0.125 + 0.625 + 0.375 = 3.5
  //   Sxx = 2.25 + 0.25 + 0.25 + 2.25 = 5;  Syy = 3.0625 + 0.0625 + 1.5625 + 0.0625 = 4.75
  //   PCC = 3.5 / sqrt(5 * 4.75) = 3.5 / sqrt(23.75) = 3.5 / 4.873397172404482 = 0.718184846459608
  //   errors p - t = -1, -2, -2, 0; squares 1 + 4 + 4 + 0 = 9; RMSE = sqrt(9 / 4) = 1.5
  //   cov = 3.5 / 4 = 0.875; var p = 5 / 4 = 1.25; var t = 4.75 / 4 = 1.1875;
  //   (2.5 - 3.75)^2 = 1.5625; CCC = 2 * 0.875 / (1.25 + 1.1875 + 1.5625) = 1.75 / 4 = 0.4375

  @Test
  void pccOfHandExample() {
    assertEquals(0.718184846459608, Metric.PCC.of(P, T), 1e-15);
  }

  @Test
  void pccIsSignedAndAbsPccIsItsMagnitude() {
    double[] reversed = {4, 3, 2, 1};
    // Reversing p flips the sign of every p - mean, hence of Sxy: PCC = -0.718184846459608.
    assertEquals(-0.718184846459608, Metric.PCC.of(reversed, T), 1e-15);
    assertEquals(0.718184846459608, Metric.ABS_PCC.of(reversed, T), 1e-15);
    assertEquals(0.718184846459608, Metric.ABS_PCC.of(P, T), 1e-15);
  }

  @Test
  void rmseOfHandExample() {
    assertEquals(1.5, Metric.RMSE.of(P, T), 1e-15);
  }

  @Test
  void cccOfHandExample() {
    assertEquals(0.4375, Metric.CCC.of(P, T), 1e-15);
  }

  @Test
  void cccPenalisesShiftAndScaleThatPccIgnores() {
    double[] t = {1, 2, 3};
    // p = t + 1: PCC = 1; var p = var t = 2/3, cov = 2/3, shift^2 = 1;
    // CCC = (4/3) / (2/3 + 2/3 + 1) = (4/3) / (7/3) = 4/7
    double[] shifted = {2, 3, 4};
    assertEquals(1.0, Metric.PCC.of(shifted, t), 1e-15);
    assertEquals(4.0 / 7, Metric.CCC.of(shifted, t), 1e-15);
    // p = 2t: means 4 and 2; var p = 8/3, var t = 2/3, cov = 4/3;
    // CCC = (8/3) / (8/3 + 2/3 + 4) = (8/3) / (22/3) = 4/11
    double[] scaled = {2, 4, 6};
    assertEquals(1.0, Metric.PCC.of(scaled, t), 1e-15);
    assertEquals(4.0 / 11, Metric.CCC.of(scaled, t), 1e-15);
    // Identical: CCC = 2 var / (2 var) = 1; RMSE = 0.
    assertEquals(1.0, Metric.CCC.of(t, t), 1e-15);
    assertEquals(0.0, Metric.RMSE.of(t, t));
  }

  @Test
  void constantPredictionsOrTargetsLeaveTheCorrelationsUndefined() {
    double[] constant = {3, 3, 3, 3};
    for (Metric m : new Metric[] {Metric.PCC, Metric.ABS_PCC, Metric.CCC}) {
      assertTrue(Double.isNaN(m.of(constant, T)), m + " of constant predictions");
      assertTrue(Double.isNaN(m.of(P, constant)), m + " of constant targets");
    }
    // RMSE stays defined: errors 1, -1, -2, -1; squares 1 + 1 + 4 + 1 = 7; sqrt(7 / 4)
    assertEquals(Math.sqrt(7.0 / 4), Metric.RMSE.of(constant, T), 1e-15);
  }

  @Test
  void constantValuesWhoseMeanIsNotExactAreStillConstant() {
    // (0.1 + 0.1 + 0.1) / 3 = 0.10000000000000002, not 0.1: a variance test alone would see
    // rounding noise and return a correlation of it.
    double[] tenths = {0.1, 0.1, 0.1};
    double[] t = {1, 2, 4};
    assertTrue(Double.isNaN(Metric.PCC.of(tenths, t)));
    assertTrue(Double.isNaN(Metric.CCC.of(t, tenths)));
  }

  @Test
  void oneValueLeavesTheCorrelationsUndefinedButNotRmse() {
    double[] p = {2};
    double[] t = {5};
    assertTrue(Double.isNaN(Metric.PCC.of(p, t)));
    assertTrue(Double.isNaN(Metric.ABS_PCC.of(p, t)));
    assertTrue(Double.isNaN(Metric.CCC.of(p, t)));
    assertEquals(3.0, Metric.RMSE.of(p, t));
  }

  @Test
  void lengthsThatDifferAreRefused() {
    for (Metric m : Metric.values()) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> m.of(new double[3], new double[4]));
      assertTrue(e.getMessage().contains("3 predictions but 4 targets"), e.getMessage());
    }
  }

  @Test
  void emptyInputIsRefused() {
    for (Metric m : Metric.values()) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> m.of(new double[0], new double[0]));
      assertTrue(e.getMessage().contains("no predictions"), e.getMessage());
    }
  }

  @Test
  void pccAgreesWithCommonsMath() {
    Random random = new Random(11);
    PearsonsCorrelation reference = new PearsonsCorrelation();
    for (int trial = 0; trial < 20; trial++) {
      int n = 5 + random.nextInt(200);
      double[] t = new double[n];
      double[] p = new double[n];
      double slope = random.nextGaussian();
      for (int i = 0; i < n; i++) {
        t[i] = 10 + 3 * random.nextGaussian();
        p[i] = slope * t[i] + random.nextGaussian() * 2 + 100;
      }
      double expected = reference.correlation(p, t);
      assertEquals(expected, Metric.PCC.of(p, t), 1e-12);
      assertEquals(Math.abs(expected), Metric.ABS_PCC.of(p, t), 1e-12);
    }
  }

  @Test
  void cccNeverExceedsAbsolutePcc() {
    // |CCC| = 2|cov| / (var p + var t + shift^2) <= 2|cov| / (2 sd p sd t) = |PCC|.
    Random random = new Random(12);
    for (int trial = 0; trial < 200; trial++) {
      int n = 2 + random.nextInt(50);
      double[] t = new double[n];
      double[] p = new double[n];
      double scale = Math.exp(random.nextGaussian());
      double shift = random.nextGaussian() * 3;
      for (int i = 0; i < n; i++) {
        t[i] = random.nextGaussian();
        p[i] = scale * (t[i] + random.nextGaussian()) + shift;
      }
      double ccc = Metric.CCC.of(p, t);
      double absPcc = Metric.ABS_PCC.of(p, t);
      assertTrue(Math.abs(ccc) <= absPcc + 1e-12, ccc + " > " + absPcc);
    }
  }

  @Test
  void cccEqualsPccWhenMeansAndVariancesAgree() {
    // A permutation of the targets has their mean and variance: CCC = 2 cov / (2 var) = PCC.
    Random random = new Random(13);
    int n = 50;
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = 5 + 2 * random.nextGaussian();
    }
    double[] p = t.clone();
    for (int i = 0; i < 10; i++) {
      int a = random.nextInt(n);
      int b = random.nextInt(n);
      double swap = p[a];
      p[a] = p[b];
      p[b] = swap;
    }
    double pcc = Metric.PCC.of(p, t);
    assertTrue(pcc < 0.99, "the permutation should not be the identity: " + pcc);
    assertEquals(pcc, Metric.CCC.of(p, t), 1e-12);
  }

  @Test
  void ofDrawsAveragesTheDefinedDraws() {
    double[][] draws = {P, {4, 3, 2, 1}, {3, 3, 3, 3}};
    // PCC: (0.718184846459608 - 0.718184846459608) / 2 = 0; the constant draw is left out.
    assertEquals(0.0, Metric.PCC.ofDraws(draws, T), 1e-15);
    // RMSE is defined on all three: 1.5; errors 2, -1, -3, -3 give sqrt(23 / 4); the constant
    // draw's errors 1, -1, -2, -1 give sqrt(7 / 4).
    double expected = (1.5 + Math.sqrt(23.0 / 4) + Math.sqrt(7.0 / 4)) / 3;
    assertEquals(expected, Metric.RMSE.ofDraws(draws, T), 1e-15);
    assertTrue(Double.isNaN(Metric.CCC.ofDraws(new double[][] {{3, 3, 3, 3}}, T)));
  }

  @Test
  void labelsAndDirections() {
    assertEquals("|PCC|", Metric.ABS_PCC.label());
    assertFalse(Metric.RMSE.higherIsBetter());
    assertTrue(Metric.CCC.higherIsBetter());
  }
}
