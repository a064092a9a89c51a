package io.auglove.pipelines.evaluate;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.PCollectionView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one training of the grid on the labelled recordings (a side input) and logs progress. */
final class TrainFn extends DoFn<Task, TaskResult> {

  private static final Logger LOG = LoggerFactory.getLogger(TrainFn.class);

  /** Trainings finished in this JVM, per evaluation run, for the progress line. */
  private static final ConcurrentHashMap<String, AtomicInteger> DONE = new ConcurrentHashMap<>();

  private final EvaluationSettings settings;
  private final EmbeddingTables tables;
  private final PCollectionView<List<LabelledRecording>> recordings;
  private final int total;
  private final Counter trainings = Metrics.counter(TrainFn.class, "trainings_done");
  private transient TaskRunner runner;

  TrainFn(
      EvaluationSettings settings,
      EmbeddingTables tables,
      PCollectionView<List<LabelledRecording>> recordings,
      int total) {
    this.settings = settings;
    this.tables = tables;
    this.recordings = recordings;
    this.total = total;
  }

  @Setup
  public void setup() {
    runner = new TaskRunner(settings, tables);
  }

  @ProcessElement
  public void process(@Element Task task, ProcessContext context) {
    TaskResult result = runner.run(task, context.sideInput(recordings));
    trainings.inc();
    int done = DONE.computeIfAbsent(settings.runId, id -> new AtomicInteger()).incrementAndGet();
    if (result.ok()) {
      LOG.info(
          String.format(
              Locale.ROOT,
              "Training %d of %d done: %s %s (%.1f s; %d train, %d validation, %d test;"
                  + " validation CCC %.3f)",
              done,
              total,
              task.protocol().label(),
              task,
              result.seconds(),
              result.trainSize(),
              result.validationSize(),
              result.testIds().size(),
              result.validationCcc()));
    } else {
      LOG.warn("Training {} of {} not run: {}: {}", done, total, task, result.error());
    }
    context.output(result);
  }
}
