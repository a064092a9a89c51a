package io.auglove.models.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BootstrapTest {

  /** n targets and predictions correlated with them (PCC about 0.7). */
  private static double[][] correlated(int n, long seed) {
    Random random = new Random(seed);
    double[] t = new double[n];
    double[] p = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = random.nextGaussian() * 2 + 10;
      p[i] = t[i] + random.nextGaussian() * 2;
    }
    return new double[][] {p, t};
  }

  @Test
  void intervalContainsTheValueForEveryMetric() {
    double[][] data = correlated(200, 1);
    Bootstrap bootstrap = new Bootstrap(5);
    for (Metric m : Metric.values()) {
      Estimate e = bootstrap.estimate(m, data[0], data[1]);
      assertEquals(m.of(data[0], data[1]), e.value(), 0.0, m.toString());
      assertTrue(e.defined() && e.intervalDefined(), m + ": " + e);
      assertTrue(e.ciLow() < e.value() && e.value() < e.ciHigh(), m + ": " + e);
    }
  }

  @Test
  void intervalWidthShrinksLikeOneOverRootN() {
    // Fisher: sd of PCC near rho = 0.7 with n pairs is about (1 - 0.49) / sqrt(n): 0.036 for
    // n = 200 and 0.009 for 3200, so the 95% widths are about 0.14 and 0.035.
    double[][] few = correlated(200, 2);
    Estimate small = new Bootstrap(3).estimate(Metric.PCC, few[0], few[1]);
    double[][] big = correlated(3200, 2);
    Estimate large = new Bootstrap(3).estimate(Metric.PCC, big[0], big[1]);
    double smallWidth = small.ciHigh() - small.ciLow();
    double largeWidth = large.ciHigh() - large.ciLow();
    assertTrue(smallWidth > 0.10 && smallWidth < 0.20, "n = 200: " + small);
    assertTrue(largeWidth > 0.025 && largeWidth < 0.05, "n = 3200: " + large);
  }

  @Test
  void sameSeedSameEstimateOtherSeedOtherInterval() {
    double[][] data = correlated(100, 3);
    Estimate first = new Bootstrap(42).estimate(Metric.CCC, data[0], data[1]);
    Estimate again = new Bootstrap(42).estimate(Metric.CCC, data[0], data[1]);
    Estimate other = new Bootstrap(43).estimate(Metric.CCC, data[0], data[1]);
    assertEquals(first, again);
    assertEquals(first.value(), other.value(), 0.0);
    assertNotEquals(first.ciLow(), other.ciLow());
  }

  @Test
  void resamplesDoNotDependOnEarlierCalls() {
    double[][] data = correlated(60, 4);
    Bootstrap bootstrap = new Bootstrap(7, 200);
    Estimate before = bootstrap.estimate(Metric.RMSE, data[0], data[1]);
    bootstrap.estimate(Metric.PCC, data[0], data[1]);
    assertEquals(before, bootstrap.estimate(Metric.RMSE, data[0], data[1]));
  }

  @Test
  void singleDrawEqualsMultiDrawWithOneDraw() {
    double[][] data = correlated(80, 5);
    Bootstrap bootstrap = new Bootstrap(9, 300);
    for (Metric m : Metric.values()) {
      assertEquals(
          bootstrap.estimate(m, data[0], data[1]),
          bootstrap.estimate(m, new double[][] {data[0]}, data[1]),
          m.toString());
    }
  }

  @Test
  void identicalDrawsGiveTheSingleDrawEstimate() {
    // Averaging two copies of each resample's statistic leaves it unchanged only if both draws
    // are resampled with the same indices.
    double[][] data = correlated(80, 6);
    Bootstrap bootstrap = new Bootstrap(9, 300);
    Estimate single = bootstrap.estimate(Metric.PCC, data[0], data[1]);
    Estimate doubled = bootstrap.estimate(Metric.PCC, new double[][] {data[0], data[0]}, data[1]);
    assertEquals(single.value(), doubled.value(), 1e-15);
    assertEquals(single.ciLow(), doubled.ciLow(), 1e-15);
    assertEquals(single.ciHigh(), doubled.ciHigh(), 1e-15);
  }

  @Test
  void averagedDrawsValueIsTheMeanOfDefinedDraws() {
    double[] t = {2, 4, 5, 4};
    double[][] draws = {{1, 2, 3, 4}, {1, 3, 2, 4}, {3, 3, 3, 3}};
    // PCC of draw 2: mean 2.5, deviations -1.5, 0.5, -0.5, 1.5 against -1.75, 0.25, 1.25, 0.25:
    // Sxy = 2.625 + 0.125 - 0.625 + 0.375 = 2.5; PCC = 2.5 / sqrt(23.75) = 0.5129891760425771.
    // Draw 1: 0.718184846459608 (MetricTest). Draw 3 is constant: left out.
    Estimate e = new Bootstrap(1, 100).estimate(Metric.PCC, draws, t);
    assertEquals((0.718184846459608 + 0.5129891760425771) / 2, e.value(), 1e-15);
  }

  @Test
  void undefinedMetricGivesUndefinedEstimate() {
    double[] p = {1, 2, 3, 4};
    double[] constant = {2, 2, 2, 2};
    Estimate e = new Bootstrap(1, 100).estimate(Metric.CCC, p, constant);
    assertFalse(e.defined());
    assertFalse(e.intervalDefined());
    assertEquals(Estimate.undefined(), e);
  }

  @Test
  void intervalIsUndefinedWhenFewerThanHalfTheResamplesDefineTheMetric() {
    // PCC of p = {1, 0, 0} against t = {0, 0, 1}: means 1/3, Sxy = (2/3)(-1/3) + (-1/3)(-1/3)
    // + (-1/3)(2/3) = -3/9, Sxx = Syy = 6/9, PCC = -1/2. A resample of 3 indices defines PCC only
    // if it holds both index 0 and index 2 (otherwise p or t is constant):
    // P = 1 - 2 (2/3)^3 + (1/3)^3 = 12/27 = 0.44, under half.
    double[] p = {1, 0, 0};
    double[] t = {0, 0, 1};
    Estimate e = new Bootstrap(2).estimate(Metric.PCC, p, t);
    assertEquals(-0.5, e.value(), 1e-15);
    assertTrue(e.defined());
    assertFalse(e.intervalDefined());
    // RMSE is defined on every resample, so its interval is too.
    assertTrue(new Bootstrap(2).estimate(Metric.RMSE, p, t).intervalDefined());
  }

  @Test
  void percentileInterpolatesBetweenOrderStatistics() {
    double[] sorted = {1, 2, 3, 4, 5};
    // position = q (m - 1): 0.025 * 4 = 0.1 -> 1 + 0.1 (2 - 1) = 1.1;
    // 0.975 * 4 = 3.9 -> 4 + 0.9 (5 - 4) = 4.9; 0.5 * 4 = 2 -> 3
    assertEquals(1.1, Bootstrap.percentile(sorted, 0.025), 1e-12);
    assertEquals(4.9, Bootstrap.percentile(sorted, 0.975), 1e-12);
    assertEquals(3.0, Bootstrap.percentile(sorted, 0.5), 0.0);
    assertEquals(1.0, Bootstrap.percentile(sorted, 0), 0.0);
    assertEquals(5.0, Bootstrap.percentile(sorted, 1), 0.0);
  }

  @Test
  void badInputsAreRefused() {
    Bootstrap bootstrap = new Bootstrap(1, 10);
    IllegalArgumentException lengths =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                bootstrap.estimate(Metric.PCC, new double[][] {{1, 2}, {1, 2, 3}}, new double[3]));
    assertTrue(lengths.getMessage().contains("draw 0 has 2 predictions"), lengths.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> bootstrap.estimate(Metric.PCC, new double[0][], new double[3]));
    assertThrows(
        IllegalArgumentException.class,
        () -> bootstrap.estimate(Metric.RMSE, new double[0], new double[0]));
    IllegalArgumentException resamples =
        assertThrows(IllegalArgumentException.class, () -> new Bootstrap(1, 0));
    assertTrue(resamples.getMessage().contains("got 0"), resamples.getMessage());
  }

  @Test
  void everyPairItsOwnClusterIsThePairsBootstrap() {
    double[][] data = correlated(60, 4);
    int[] own = new int[60];
    for (int i = 0; i < own.length; i++) {
      own[i] = 100 - i;
    }
    Bootstrap bootstrap = new Bootstrap(9, 300);
    for (Metric metric : Metric.values()) {
      assertEquals(
          bootstrap.estimate(metric, data[0], data[1]),
          bootstrap.estimate(metric, new double[][] {data[0]}, data[1], own),
          metric.label());
    }
  }

  @Test
  void clustersOfCopiesGiveTheIntervalOfTheDataWithoutCopies() {
    // Every pair repeated 4 times as one cluster: a cluster resample is a pairs resample of the
    // original data with every pair weighted 4 times, which no metric can tell apart. Resampling
    // the copies one by one instead treats 4 copies as 4 independent pairs: a narrower interval.
    double[][] data = correlated(40, 8);
    double[] predictions = new double[160];
    double[] targets = new double[160];
    int[] clusters = new int[160];
    for (int i = 0; i < 160; i++) {
      predictions[i] = data[0][i / 4];
      targets[i] = data[1][i / 4];
      clusters[i] = i / 4;
    }
    Bootstrap bootstrap = new Bootstrap(2, 500);
    for (Metric metric : Metric.values()) {
      Estimate original = bootstrap.estimate(metric, data[0], data[1]);
      Estimate byCluster =
          bootstrap.estimate(metric, new double[][] {predictions}, targets, clusters);
      assertEquals(original.value(), byCluster.value(), 1e-12, metric.label());
      assertEquals(original.ciLow(), byCluster.ciLow(), 1e-12, metric.label());
      assertEquals(original.ciHigh(), byCluster.ciHigh(), 1e-12, metric.label());
      Estimate byPair = bootstrap.estimate(metric, predictions, targets);
      assertTrue(
          byPair.ciHigh() - byPair.ciLow() < 0.75 * (byCluster.ciHigh() - byCluster.ciLow()),
          metric.label() + ": " + byPair + " against " + byCluster);
    }
  }

  @Test
  void clustersMustPairUpWithTheTargets() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new Bootstrap(1)
                    .estimate(
                        Metric.RMSE,
                        new double[][] {{1, 2, 3}},
                        new double[] {1, 2, 3},
                        new int[] {0, 1}));
    assertTrue(e.getMessage().contains("2 clusters for 3 targets"), e.getMessage());
  }

  private static int[] ownClusters(int n) {
    int[] clusters = new int[n];
    for (int i = 0; i < n; i++) {
      clusters[i] = i;
    }
    return clusters;
  }

  @Test
  void foldMeanIsTheMeanOfEachFoldsMetric() {
    // Fold 0 ranks perfectly (PCC 1, RMSE 0), fold 1 backwards (PCC -1, RMSE sqrt(8/3)); fold 2
    // has one pair, so no PCC: left out of the PCC mean, counted in the RMSE mean (error 2).
    List<double[][]> draws =
        List.of(new double[][] {{1, 2, 3}}, new double[][] {{1, 2, 3}}, new double[][] {{4}});
    List<double[]> targets =
        List.of(new double[] {1, 2, 3}, new double[] {3, 2, 1}, new double[] {2});
    List<int[]> clusters = List.of(ownClusters(3), ownClusters(3), ownClusters(1));
    Bootstrap bootstrap = new Bootstrap(3, 200);

    assertEquals(0, bootstrap.estimateFoldMean(Metric.PCC, draws, targets, clusters).value(), 0);
    assertEquals(
        (0 + Math.sqrt(8.0 / 3) + 2) / 3,
        bootstrap.estimateFoldMean(Metric.RMSE, draws, targets, clusters).value(),
        1e-12);
    assertFalse(
        bootstrap
            .estimateFoldMean(
                Metric.PCC, draws.subList(2, 3), targets.subList(2, 3), clusters.subList(2, 3))
            .defined());
  }

  @Test
  void oneFoldsMeanIsThatFoldsClusterBootstrap() {
    double[][] data = correlated(50, 6);
    int[] clusters = new int[50];
    for (int i = 0; i < clusters.length; i++) {
      clusters[i] = i / 2;
    }
    Bootstrap bootstrap = new Bootstrap(4, 300);
    for (Metric metric : Metric.values()) {
      assertEquals(
          bootstrap.estimate(metric, new double[][] {data[0]}, data[1], clusters),
          bootstrap.estimateFoldMean(
              metric,
              List.<double[][]>of(new double[][] {data[0]}),
              List.of(data[1]),
              List.of(clusters)),
          metric.label());
    }
  }

  @Test
  void foldMeanIntervalContainsTheValueForEveryMetric() {
    List<double[][]> draws = new ArrayList<>();
    List<double[]> targets = new ArrayList<>();
    List<int[]> clusters = new ArrayList<>();
    double[][] all = correlated(60, 12);
    for (int f = 0; f < 5; f++) {
      draws.add(new double[][] {Arrays.copyOfRange(all[0], 12 * f, 12 * f + 12)});
      targets.add(Arrays.copyOfRange(all[1], 12 * f, 12 * f + 12));
      clusters.add(ownClusters(12));
    }
    Bootstrap bootstrap = new Bootstrap(8, 500);

    for (Metric metric : Metric.values()) {
      Estimate e = bootstrap.estimateFoldMean(metric, draws, targets, clusters);
      assertTrue(e.intervalDefined(), metric + ": " + e);
      assertTrue(e.ciLow() < e.value() && e.value() < e.ciHigh(), metric + ": " + e);
    }
  }
}
