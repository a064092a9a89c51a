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
 * trainings: under cross-validation the test predictions of every fold pooled; on the fixed split
 * the test predictions of the restart with the best dev CCC (a restart whose dev CCC is undefined
 * ranks last; ties go to the earlier restart). Each metric has a 95% bootstrap interval over the
 * pooled test predictions that resamples participants, not recordings: a participant's recordings
 * share labels and are not independent.
 *
 * @param error why the cell has no scores, or null
 * @param chosen the restart the fixed protocol chose, or -1
 */
public record CellScore(
    Protocol protocol,
    String model,
    String target,
    String error,
    ImmutableMap<Metric, Estimate> estimates,
    int samples,
    int chosen,
    ImmutableList<TaskResult> trainings) {

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
    Map<Metric, Estimate> estimates = new EnumMap<>(Metric.class);
    for (Metric metric : Metric.values()) {
      estimates.put(metric, bootstrap.estimate(metric, draws, targets, clusters(groups)));
    }
    return new CellScore(
        first.protocol(),
        first.model(),
        first.target(),
        null,
        ImmutableMap.copyOf(estimates),
        targets.length,
        chosen,
        all);
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

  /** The estimate of {@code metric}, undefined if the cell has no scores. */
  public Estimate estimate(Metric metric) {
    return estimates.getOrDefault(metric, Estimate.undefined());
  }
}
