package io.auglove.models.metrics;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.auglove.models.Seeds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * 95% percentile bootstrap confidence intervals of a {@link Metric}: resample the (prediction,
 * target) pairs with replacement, compute the metric on each resample, and take the 2.5th and
 * 97.5th percentiles of those values. The pairs are pooled: all test predictions of a
 * cross-validation, or one test set's.
 *
 * <p>Resamples on which the metric is undefined (a resample whose targets happen to be all equal
 * has no correlation) are left out; when fewer than half of the resamples define it, the interval
 * is undefined rather than built from a biased remainder.
 *
 * <p>With several draws of predictions (the random baseline's), the value is {@link
 * Metric#ofDraws}, the mean over the draws, and each resample applies the same indices to every
 * draw before averaging, so the interval is that of the averaged statistic.
 *
 * <p>{@link #estimate(Metric, double[][], double[], int[])} resamples whole clusters instead (the
 * test recordings of each participant), for pairs that are not independent.
 *
 * <p>The resampled indices depend only on the seed and the number of pairs (or clusters), never on
 * the metric, the predictions or earlier calls: models evaluated on the same test samples with the
 * same seed are compared on the same resamples (a paired bootstrap), and one call always gives the
 * same estimate. Percentiles interpolate linearly between order statistics (Hyndman and Fan's type
 * 7, numpy's default).
 */
public final class Bootstrap {

  /** Resamples when none are given. */
  public static final int DEFAULT_RESAMPLES = 1000;

  /** The interval's confidence level. */
  public static final double LEVEL = 0.95;

  /** Distinguishes this class's random stream from others seeded with the same value. */
  private static final long STREAM = 0x626F6F74L;

  private final long seed;
  private final int resamples;

  /** A bootstrap of {@link #DEFAULT_RESAMPLES} resamples. */
  public Bootstrap(long seed) {
    this(seed, DEFAULT_RESAMPLES);
  }

  /**
   * A bootstrap of {@code resamples} resamples; at least 1 (a few hundred or more for a meaningful
   * 95% interval).
   */
  public Bootstrap(long seed, int resamples) {
    checkArgument(resamples >= 1, "bootstrap: resamples must be at least 1, got %s", resamples);
    this.seed = seed;
    this.resamples = resamples;
  }

  public long seed() {
    return seed;
  }

  public int resamples() {
    return resamples;
  }

  /**
   * {@code metric} of one set of predictions with its interval; the same as {@link
   * #estimate(Metric, double[][], double[])} with that one draw.
   *
   * @throws IllegalArgumentException if the lengths differ or are 0
   */
  public Estimate estimate(Metric metric, double[] predictions, double[] targets) {
    checkNotNull(predictions, "bootstrap: predictions are null");
    return estimate(metric, new double[][] {predictions}, targets);
  }

  /**
   * {@code metric} averaged over draws of predictions, with the interval of that average.
   *
   * @return {@link Estimate#undefined()} if the metric is undefined on every draw
   * @throws IllegalArgumentException if there are no draws, or a draw and the targets differ in
   *     length, or they are empty
   */
  public Estimate estimate(Metric metric, double[][] drawsOfPredictions, double[] targets) {
    return estimate(metric, drawsOfPredictions, targets, null);
  }

  /**
   * {@code metric} averaged over draws of predictions, with the interval of a cluster bootstrap:
   * each resample draws whole clusters with replacement, as many as there are, and takes every pair
   * of each. Pairs of one cluster (the recordings of one participant, who share labels) are not
   * independent, and resampling them one by one would give intervals that are too narrow. With
   * every pair its own cluster this is the pairs bootstrap, resample for resample.
   *
   * @param clusters the cluster of each pair, any ints; null: every pair its own cluster
   * @return {@link Estimate#undefined()} if the metric is undefined on every draw
   * @throws IllegalArgumentException if there are no draws, or a draw, the clusters and the targets
   *     differ in length, or they are empty
   */
  public Estimate estimate(
      Metric metric, double[][] drawsOfPredictions, double[] targets, int[] clusters) {
    checkNotNull(metric, "bootstrap: metric is null");
    checkNotNull(drawsOfPredictions, "bootstrap: draws are null");
    checkNotNull(targets, "bootstrap: targets are null");
    checkArgument(drawsOfPredictions.length > 0, "bootstrap: no draws of predictions");
    for (int d = 0; d < drawsOfPredictions.length; d++) {
      checkNotNull(drawsOfPredictions[d], "bootstrap: draw %s is null", d);
      checkArgument(
          drawsOfPredictions[d].length == targets.length,
          "bootstrap: draw %s has %s predictions but there are %s targets",
          d,
          drawsOfPredictions[d].length,
          targets.length);
    }
    checkArgument(
        clusters == null || clusters.length == targets.length,
        "bootstrap: %s clusters for %s targets",
        clusters == null ? 0 : clusters.length,
        targets.length);
    double value = metric.ofDraws(drawsOfPredictions, targets);
    if (Double.isNaN(value)) {
      return Estimate.undefined();
    }
    Stratum stratum =
        new Stratum(
            drawsOfPredictions,
            targets,
            clusters == null ? singletons(targets.length) : members(clusters));
    double[] statistics = new double[resamples];
    int defined = 0;
    Random random = new Random(Seeds.stream(seed, STREAM));
    for (int r = 0; r < resamples; r++) {
      double statistic = stratum.resampled(metric, random);
      if (!Double.isNaN(statistic)) {
        statistics[defined++] = statistic;
      }
    }
    return withInterval(value, statistics, defined);
  }

  /**
   * The mean over folds of {@code metric} on each fold's own test pairs (the paper's "average
   * scores from a k-fold cross-validation"), with the interval of a cluster bootstrap stratified by
   * fold: each resample draws, within every fold, as many of its clusters as it has, with
   * replacement, computes the metric per fold and averages the folds. A fold on which the metric is
   * undefined (fewer than two pairs, constant targets) is left out of the mean, in the value and in
   * each resample; the value is undefined if every fold is. Like {@link #estimate(Metric,
   * double[][], double[], int[])}, the resampled clusters depend only on the seed and the folds'
   * cluster counts, so models scored on the same folds are compared on the same resamples.
   *
   * @param drawsPerFold each fold's draws of predictions, as for {@link #estimate(Metric,
   *     double[][], double[], int[])}
   * @param targetsPerFold each fold's targets
   * @param clustersPerFold each fold's cluster of each pair (the participants)
   * @throws IllegalArgumentException if there are no folds, the lists differ in length, or a fold's
   *     draws, targets and clusters do not pair up or are empty
   */
  public Estimate estimateFoldMean(
      Metric metric,
      List<double[][]> drawsPerFold,
      List<double[]> targetsPerFold,
      List<int[]> clustersPerFold) {
    checkNotNull(metric, "bootstrap: metric is null");
    checkArgument(!drawsPerFold.isEmpty(), "bootstrap: no folds");
    checkArgument(
        drawsPerFold.size() == targetsPerFold.size()
            && drawsPerFold.size() == clustersPerFold.size(),
        "bootstrap: %s folds of draws, %s of targets, %s of clusters",
        drawsPerFold.size(),
        targetsPerFold.size(),
        clustersPerFold.size());
    List<Stratum> folds = new ArrayList<>();
    double[] values = new double[drawsPerFold.size()];
    for (int f = 0; f < values.length; f++) {
      double[] targets = targetsPerFold.get(f);
      int[] clusters = clustersPerFold.get(f);
      checkArgument(
          clusters.length == targets.length,
          "bootstrap: fold %s has %s clusters for %s targets",
          f,
          clusters.length,
          targets.length);
      values[f] = metric.ofDraws(drawsPerFold.get(f), targets);
      folds.add(new Stratum(drawsPerFold.get(f), targets, members(clusters)));
    }
    double value = meanOfDefined(values);
    if (Double.isNaN(value)) {
      return Estimate.undefined();
    }
    double[] statistics = new double[resamples];
    int defined = 0;
    Random random = new Random(Seeds.stream(seed, STREAM));
    for (int r = 0; r < resamples; r++) {
      double[] resampled = new double[folds.size()];
      for (int f = 0; f < resampled.length; f++) {
        resampled[f] = folds.get(f).resampled(metric, random);
      }
      double statistic = meanOfDefined(resampled);
      if (!Double.isNaN(statistic)) {
        statistics[defined++] = statistic;
      }
    }
    return withInterval(value, statistics, defined);
  }

  /**
   * {@code value} with the percentile interval of the first {@code defined} statistics; no interval
   * when fewer than half the resamples defined the metric.
   */
  private Estimate withInterval(double value, double[] statistics, int defined) {
    if (2 * defined < resamples) {
      return new Estimate(value, Double.NaN, Double.NaN);
    }
    double[] sorted = Arrays.copyOf(statistics, defined);
    Arrays.sort(sorted);
    double tail = (1 - LEVEL) / 2;
    return new Estimate(value, percentile(sorted, tail), percentile(sorted, 1 - tail));
  }

  /** The mean of the values that are not NaN; NaN if none is. */
  private static double meanOfDefined(double[] values) {
    double sum = 0;
    int count = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        sum += v;
        count++;
      }
    }
    return count == 0 ? Double.NaN : sum / count;
  }

  /** Pairs to resample as whole clusters: the pairs of each cluster, by cluster. */
  private record Stratum(double[][] draws, double[] targets, int[][] members) {

    /** The metric on one resample: as many clusters as there are, drawn with replacement. */
    double resampled(Metric metric, Random random) {
      int[] picked = new int[members.length];
      int size = 0;
      for (int c = 0; c < picked.length; c++) {
        picked[c] = random.nextInt(members.length);
        size += members[picked[c]].length;
      }
      double[] resampledTargets = new double[size];
      double[][] resampledDraws = new double[draws.length][size];
      int at = 0;
      for (int cluster : picked) {
        for (int i : members[cluster]) {
          resampledTargets[at] = targets[i];
          for (int d = 0; d < draws.length; d++) {
            resampledDraws[d][at] = draws[d][i];
          }
          at++;
        }
      }
      return metric.ofDraws(resampledDraws, resampledTargets);
    }
  }

  /** Every pair its own cluster. */
  private static int[][] singletons(int n) {
    int[][] members = new int[n][];
    for (int i = 0; i < n; i++) {
      members[i] = new int[] {i};
    }
    return members;
  }

  /** The pairs of each cluster, clusters in order of first appearance. */
  private static int[][] members(int[] clusters) {
    Map<Integer, List<Integer>> byCluster = new LinkedHashMap<>();
    for (int i = 0; i < clusters.length; i++) {
      byCluster.computeIfAbsent(clusters[i], c -> new ArrayList<>()).add(i);
    }
    return byCluster.values().stream()
        .map(list -> list.stream().mapToInt(Integer::intValue).toArray())
        .toArray(int[][]::new);
  }

  /**
   * The {@code q}-quantile of ascending {@code sorted} values, interpolating linearly between the
   * order statistics at positions ⌊q(m − 1)⌋ and ⌈q(m − 1)⌉ (0-based, m values).
   */
  static double percentile(double[] sorted, double q) {
    checkArgument(sorted.length > 0, "bootstrap: no values to take a percentile of");
    checkArgument(q >= 0 && q <= 1, "bootstrap: quantile %s is outside [0, 1]", q);
    double position = q * (sorted.length - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(below + 1, sorted.length - 1);
    double fraction = position - below;
    if (fraction == 0) {
      return sorted[below];
    }
    return sorted[below] + fraction * (sorted[above] - sorted[below]);
  }
}
