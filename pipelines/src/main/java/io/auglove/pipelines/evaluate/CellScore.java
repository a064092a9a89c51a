package io.auglove.pipelines.evaluate;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.auglove.models.metrics.Bootstrap;
import io.auglove.models.metrics.Estimate;
import io.auglove.models.metrics.Metric;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The scores of one cell of a result table (a model on a target under a protocol), from its
 * trainings: under cross-validation both {@link Scoring}s, the test predictions of every fold
 * pooled and the mean of per-fold scores; on the fixed split the test predictions of the restart
 * with the best dev CCC (a restart whose dev CCC is undefined ranks last; ties go to the earlier
 * restart). Each metric has a 95% bootstrap interval that resamples participants, not recordings (a
 * participant's recordings share labels and are not independent); for the mean of per-fold scores,
 * participants within each fold. With fewer than {@link #MIN_PARTICIPANTS} test participants an
 * interval is not estimable: a bootstrap over a handful of participants gives an interval that
 * looks exact and is not, so none is given.
 *
 * @param error why the cell has no scores, or null
 * @param estimates the scores of the pooled test predictions (the fixed split's test predictions)
 * @param foldMeans the mean of per-fold scores; empty on the fixed split
 * @param participants the test participants the scores rest on
 * @param chosen the restart the fixed protocol chose, or -1
 */
public record CellScore(
    Protocol protocol,
    String model,
    String target,
    String error,
    ImmutableMap<Metric, Estimate> estimates,
    ImmutableMap<Metric, Estimate> foldMeans,
    int samples,
    int participants,
    int chosen,
    ImmutableList<TaskResult> trainings) {

  /** The fewest test participants an interval is estimated from. */
  public static final int MIN_PARTICIPANTS = 10;

  /**
   * Scores the trainings of one cell.
   *
   * @param trainings every fold or restart of the cell, in any order
   */
  static CellScore of(List<TaskResult> trainings, Bootstrap bootstrap) {
    List<TaskResult> sorted = new ArrayList<>(trainings);
    sorted.sort(Comparator.comparingInt(r -> r.task().index()));
    Task first = sorted.get(0).task();
    ImmutableList<TaskResult> all = ImmutableList.copyOf(sorted);
    for (TaskResult result : sorted) {
      if (!result.ok()) {
        return new CellScore(
            first.protocol(),
            first.model(),
            first.target(),
            result.task() + ": " + result.error(),
            ImmutableMap.of(),
            ImmutableMap.of(),
            0,
            0,
            -1,
            all);
      }
    }
    double[] targets;
    double[][] draws;
    List<String> groups;
    int chosen = -1;
    if (first.protocol() == Protocol.CV) {
      targets = sorted.stream().flatMapToDouble(r -> Arrays.stream(r.testTargets())).toArray();
      groups = sorted.stream().flatMap(r -> r.testGroups().stream()).toList();
      int drawCount = sorted.get(0).testDraws().length;
      draws = new double[drawCount][];
      for (int d = 0; d < drawCount; d++) {
        int draw = d;
        draws[d] =
            sorted.stream().flatMapToDouble(r -> Arrays.stream(r.testDraws()[draw])).toArray();
      }
    } else {
      TaskResult best = sorted.get(0);
      for (TaskResult result : sorted) {
        if (better(result.validationCcc(), best.validationCcc())) {
          best = result;
        }
      }
      chosen = best.task().index();
      targets = best.testTargets();
      draws = best.testDraws();
      groups = best.testGroups();
    }
    int participants = (int) groups.stream().distinct().count();
    Map<Metric, Estimate> estimates = new EnumMap<>(Metric.class);
    Map<Metric, Estimate> foldMeans = new EnumMap<>(Metric.class);
    for (Metric metric : Metric.values()) {
      estimates.put(
          metric,
          estimable(bootstrap.estimate(metric, draws, targets, clusters(groups)), participants));
      if (first.protocol() == Protocol.CV) {
        foldMeans.put(
            metric,
            estimable(
                bootstrap.estimateFoldMean(
                    metric,
                    sorted.stream().map(TaskResult::testDraws).toList(),
                    sorted.stream().map(TaskResult::testTargets).toList(),
                    sorted.stream().map(r -> clusters(r.testGroups())).toList()),
                participants));
      }
    }
    return new CellScore(
        first.protocol(),
        first.model(),
        first.target(),
        null,
        ImmutableMap.copyOf(estimates),
        ImmutableMap.copyOf(foldMeans),
        targets.length,
        participants,
        chosen,
        all);
  }

  /** {@code estimate} without its interval when it rests on too few participants. */
  private static Estimate estimable(Estimate estimate, int participants) {
    return participants >= MIN_PARTICIPANTS
        ? estimate
        : new Estimate(estimate.value(), Double.NaN, Double.NaN);
  }

  /** Each test recording's participant as a cluster number, for the bootstrap. */
  private static int[] clusters(List<String> groups) {
    Map<String, Integer> numbers = new HashMap<>();
    return groups.stream().mapToInt(g -> numbers.computeIfAbsent(g, k -> numbers.size())).toArray();
  }

  /** Whether dev CCC {@code a} beats {@code b}; an undefined CCC never beats anything. */
  private static boolean better(double a, double b) {
    return !Double.isNaN(a) && (Double.isNaN(b) || a > b);
  }

  public boolean ok() {
    return error == null;
  }

  /**
   * The estimate of {@code metric} of the pooled test predictions (the fixed split's test
   * predictions), undefined if the cell has no scores.
   */
  public Estimate estimate(Metric metric) {
    return estimate(Scoring.POOLED, metric);
  }

  /** The estimate of {@code metric} by {@code scoring}, undefined if the cell has none. */
  public Estimate estimate(Scoring scoring, Metric metric) {
    return (scoring == Scoring.POOLED ? estimates : foldMeans)
        .getOrDefault(metric, Estimate.undefined());
  }

  /** Whether the cell's intervals are left out for resting on too few test participants. */
  public boolean intervalsNotEstimable() {
    return ok() && participants < MIN_PARTICIPANTS;
  }
}
