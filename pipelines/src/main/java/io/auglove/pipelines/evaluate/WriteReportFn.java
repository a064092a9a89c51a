package io.auglove.pipelines.evaluate;

import io.auglove.models.metrics.Bootstrap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * Scores every cell from all trainings and writes the output folder (see {@link EvaluationReport}),
 * with every problem met: the labels file's, the recordings', and labels whose recording never
 * appeared. Outputs the folder once everything, its manifest last, is written.
 */
final class WriteReportFn extends DoFn<String, String> {

  private final EvaluationSettings settings;
  private final Labels labels;
  private final PCollectionView<List<TaskResult>> results;
  private final PCollectionView<List<String>> problems;
  private final PCollectionView<List<String>> seen;
  private final PCollectionView<List<LabelledRecording>> recordings;

  WriteReportFn(
      EvaluationSettings settings,
      Labels labels,
      PCollectionView<List<TaskResult>> results,
      PCollectionView<List<String>> problems,
      PCollectionView<List<String>> seen,
      PCollectionView<List<LabelledRecording>> recordings) {
    this.settings = settings;
    this.labels = labels;
    this.results = results;
    this.problems = problems;
    this.seen = seen;
    this.recordings = recordings;
  }

  @ProcessElement
  public void process(ProcessContext context) {
    Map<String, List<TaskResult>> byCell = new LinkedHashMap<>();
    for (TaskResult result : context.sideInput(results)) {
      byCell.computeIfAbsent(result.task().cell(), c -> new ArrayList<>()).add(result);
    }
    List<CellScore> cells = new ArrayList<>();
    for (List<TaskResult> trainings : byCell.values()) {
      cells.add(CellScore.of(trainings, new Bootstrap(settings.seed, settings.bootstrap)));
    }

    List<String> all = new ArrayList<>(labels.problems());
    all.addAll(new TreeSet<>(context.sideInput(problems)));
    Set<String> appeared = new HashSet<>(context.sideInput(seen));
    for (String recording : labels.rows().keySet()) {
      if (!appeared.contains(recording)) {
        all.add(
            "labels name recording "
                + recording
                + ", but the input has no sequence of it (no such file, or no frame kept)");
      }
    }
    List<LabelledRecording> data = context.sideInput(recordings);
    long participants = data.stream().map(LabelledRecording::participant).distinct().count();
    EvaluationReport.write(settings, cells, all, data.size(), (int) participants);
    context.output(settings.output);
  }
}
