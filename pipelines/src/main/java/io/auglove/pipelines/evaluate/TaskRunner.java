package io.auglove.pipelines.evaluate;

import io.auglove.models.metrics.Metric;
import io.auglove.models.protocol.Fold;
import io.auglove.models.protocol.Folds;
import io.auglove.models.protocol.Split;
import io.auglove.models.regression.Predictor;
import io.auglove.models.regression.Sample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Runs one {@link Task}: picks the target's samples, splits them as the protocol says, fits the
 * model on the training part (choosing only on the validation part) and predicts the test part. No
 * choice looks at test data.
 */
final class TaskRunner {

  private final EvaluationSettings settings;
  private final ModelCatalog catalog;

  TaskRunner(EvaluationSettings settings, EmbeddingTables tables) {
    this.settings = settings;
    this.catalog = new ModelCatalog(settings, tables);
  }

  /** Runs {@code task} on {@code recordings} (in any order). */
  TaskResult run(Task task, List<LabelledRecording> recordings) {
    int t = settings.targets.indexOf(task.target());
    List<LabelledRecording> labelled = new ArrayList<>();
    for (LabelledRecording recording : recordings) {
      if (!Double.isNaN(recording.targets()[t])) {
        labelled.add(recording);
      }
    }
    // Side inputs come in no fixed order: sort so folds and seeds give the same samples.
    labelled.sort(Comparator.comparing(LabelledRecording::recording));
    long distinct = labelled.stream().mapToDouble(r -> r.targets()[t]).distinct().count();
    if (distinct < 2) {
      return TaskResult.failed(
          task,
          "target "
              + task.target()
              + " has "
              + distinct
              + " distinct value(s) among "
              + labelled.size()
              + " recordings: nothing to learn or score; it is not evaluated");
    }
    List<Sample> samples = labelled.stream().map(r -> r.sample(t)).toList();
    List<Sample> train;
    List<Sample> validation;
    List<Sample> test;
    try {
      if (task.protocol() == Protocol.CV) {
        Fold fold = folds(samples).get(task.index());
        train = pick(samples, fold.train());
        validation = pick(samples, fold.validation());
        test = pick(samples, fold.test());
      } else {
        train = split(labelled, samples, Split.TRAIN);
        validation = split(labelled, samples, Split.DEV);
        test = split(labelled, samples, Split.TEST);
        if (train.isEmpty() || validation.isEmpty() || test.isEmpty()) {
          return TaskResult.failed(
              task,
              "the fixed split of "
                  + task.target()
                  + " has "
                  + train.size()
                  + " train, "
                  + validation.size()
                  + " dev and "
                  + test.size()
                  + " test recordings; each needs at least one");
        }
      }
    } catch (IllegalArgumentException e) {
      return TaskResult.failed(task, e.getMessage());
    }
    long seed = settings.seed * 1_000_003L + task.index();
    long start = System.nanoTime();
    try (Predictor predictor = catalog.create(task.model()).fit(train, validation, seed)) {
      double[][] draws = predictor.draws(test);
      double validationCcc =
          validation.isEmpty()
              ? Double.NaN
              : Metric.CCC.of(predictor.predict(validation), Sample.targets(validation));
      return new TaskResult(
          task,
          null,
          test.stream().map(Sample::id).toList(),
          test.stream().map(Sample::group).toList(),
          Sample.targets(test),
          draws,
          validationCcc,
          train.size(),
          validation.size(),
          (System.nanoTime() - start) / 1e9,
          predictor.choice(),
          predictor.device(),
          predictor.trainLoss(),
          predictor.validationLoss());
    }
  }

  /** The folds of the target's samples: by participant, or by segment if asked. */
  private List<Fold> folds(List<Sample> samples) {
    if (settings.segmentFolds) {
      return Folds.segmentLevel(
          samples.size(), settings.folds, settings.validationFraction, settings.seed);
    }
    return Folds.grouped(
        samples.stream().map(Sample::group).toList(),
        settings.folds,
        settings.validationFraction,
        settings.seed);
  }

  private static List<Sample> pick(List<Sample> samples, int[] indices) {
    return Arrays.stream(indices).mapToObj(samples::get).toList();
  }

  private static List<Sample> split(
      List<LabelledRecording> recordings, List<Sample> samples, Split split) {
    List<Sample> picked = new ArrayList<>();
    for (int i = 0; i < recordings.size(); i++) {
      if (recordings.get(i).split() == split) {
        picked.add(samples.get(i));
      }
    }
    return picked;
  }
}
