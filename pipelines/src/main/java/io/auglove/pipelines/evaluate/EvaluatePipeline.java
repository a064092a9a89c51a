package io.auglove.pipelines.evaluate;

import com.google.common.base.Splitter;
import io.auglove.pipelines.bundle.VocabularyBundle;
import io.auglove.pipelines.features.FeatureFolder;
import io.auglove.pipelines.features.FeaturizeSteps;
import io.auglove.pipelines.features.TokenIndex;
import io.auglove.pipelines.input.InputFiles;
import io.auglove.pipelines.launch.Launch;
import io.auglove.pipelines.output.StagedOutput;
import io.auglove.pipelines.output.StagedRun;
import io.auglove.transforms.Completion;
import io.auglove.transforms.records.FeatureSequence;
import java.io.IOException;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * The evaluation pipeline: recordings (OpenFace CSVs featurized with the bundle, or a featurize
 * output folder) joined with their labels, then the grid of (protocol, model, target, fold or
 * restart) trainings as Beam elements, so a cluster spreads them over its workers, then one step
 * that scores and writes the tables.
 */
public final class EvaluatePipeline {

  private EvaluatePipeline() {}

  /** Parses {@code args} with Beam's parser, runs the pipeline and waits for it. */
  public static void main(String[] args) throws IOException {
    EvaluateOptions options =
        PipelineOptionsFactory.fromArgs(args).withValidation().as(EvaluateOptions.class);
    Launch.finish(run(options));
  }

  /**
   * Builds the pipeline of {@code options} and starts it.
   *
   * @throws IllegalArgumentException with a one-line reason if an option, the bundle or the labels
   *     are bad
   * @throws IOException if a file cannot be read
   */
  public static PipelineResult run(EvaluateOptions options) throws IOException {
    return StagedRun.run(options, output -> create(options, output));
  }

  /**
   * Reads the bundle and labels, checks the options and builds the pipeline, without running it.
   *
   * @throws IllegalArgumentException with a one-line reason if an option, the bundle or the labels
   *     are bad
   * @throws IOException if a file cannot be read
   */
  public static Pipeline create(EvaluateOptions options) throws IOException {
    return StagedRun.plan(options, output -> create(options, output));
  }

  /** Builds the pipeline of {@code options}, writing into {@code output}'s staging folder. */
  private static Pipeline create(EvaluateOptions options, StagedOutput output) throws IOException {
    VocabularyBundle bundle = VocabularyBundle.read(options.getBundle());
    Labels labels =
        Labels.read(
            options.getLabelsFile(),
            new Labels.Columns(
                options.getRecordingColumn(),
                options.getParticipantColumn(),
                options.getSplitColumn()),
            Splitter.on(',').trimResults().omitEmptyStrings().splitToList(options.getTargets()));
    EvaluationSettings settings =
        EvaluationSettings.from(options, bundle, labels, output.stagingFolder());
    Pipeline pipeline = Pipeline.create(options);

    PCollectionList<String> problems = PCollectionList.empty(pipeline);
    PCollection<FeatureSequence> sequences;
    // A featurize output was checked when it was written; OpenFace CSVs are checked here.
    PCollection<Integer> inputChecked;
    if (FeatureFolder.isFeatureFolder(options.getInput())) {
      List<String> shards = FeatureFolder.shards(options.getInput());
      PCollectionTuple read =
          pipeline
              .apply("FeatureShards", Create.of(shards).withCoder(StringUtf8Coder.of()))
              .apply("MatchFeatureFiles", FileIO.matchAll())
              .apply("OpenFeatureFiles", FileIO.readMatches())
              .apply(
                  "ReadFeatureRows",
                  ParDo.of(new ReadFeatureRowsFn())
                      .withOutputTags(
                          ReadFeatureRowsFn.SEQUENCES,
                          TupleTagList.of(ReadFeatureRowsFn.PROBLEMS)));
      sequences = read.get(ReadFeatureRowsFn.SEQUENCES);
      problems = problems.and(read.get(ReadFeatureRowsFn.PROBLEMS));
      inputChecked = pipeline.apply("FeaturesRead", Create.of(shards.size()));
    } else {
      List<String> patterns = InputFiles.list(options.getInput()).patterns();
      FeaturizeSteps.Featured featured =
          FeaturizeSteps.apply(pipeline, patterns, options.getReadChunkMegabytes(), bundle);
      sequences = featured.features();
      inputChecked = featured.inputChecked();
    }

    PCollectionTuple assembled =
        sequences
            .apply(
                "KeyByRecording",
                WithKeys.of((FeatureSequence s) -> s.id().recording())
                    .withKeyType(TypeDescriptors.strings()))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), FeatureSequence.Coder.of()))
            .apply("GroupByRecording", GroupByKey.create())
            .apply(
                "AssembleRecordings",
                ParDo.of(new AssembleRecordingsFn(labels, TokenIndex.of(bundle.vocabulary())))
                    .withOutputTags(
                        AssembleRecordingsFn.RECORDINGS,
                        TupleTagList.of(AssembleRecordingsFn.PROBLEMS)
                            .and(AssembleRecordingsFn.SEEN)));
    PCollectionView<List<LabelledRecording>> recordings =
        assembled
            .get(AssembleRecordingsFn.RECORDINGS)
            .setCoder(LabelledRecording.Coder.of())
            .apply("RecordingsView", View.asList());
    problems = problems.and(assembled.get(AssembleRecordingsFn.PROBLEMS));

    List<Task> tasks = settings.tasks();
    PCollection<TaskResult> trained =
        pipeline
            .apply("Grid", Create.of(tasks).withCoder(TaskCoders.TaskCoder.INSTANCE))
            .apply("SpreadTrainings", Reshuffle.viaRandomKey())
            .apply(
                "Train",
                ParDo.of(
                        new TrainFn(
                            settings,
                            EmbeddingTables.of(bundle, settings.gloveDimensions),
                            recordings,
                            tasks.size()))
                    .withSideInputs(recordings))
            .setCoder(TaskCoders.TaskResultCoder.INSTANCE);
    PCollectionView<List<TaskResult>> results = trained.apply("ResultsView", View.asList());
    PCollection<String> allProblems =
        problems.apply("AllProblems", Flatten.pCollections()).setCoder(StringUtf8Coder.of());
    PCollectionView<List<String>> problemsView = allProblems.apply("ProblemsView", View.asList());
    PCollection<String> seenRecordings =
        assembled.get(AssembleRecordingsFn.SEEN).setCoder(StringUtf8Coder.of());
    PCollectionView<List<String>> seen = seenRecordings.apply("SeenView", View.asList());
    // Starts once everything it reads as side inputs, and the input check, are complete.
    Completion.after("ReportTrigger", trained, allProblems, seenRecordings, inputChecked)
        .apply(
            "WriteReport",
            ParDo.of(new WriteReportFn(settings, labels, results, problemsView, seen, recordings))
                .withSideInputs(results, problemsView, seen, recordings))
        .setCoder(StringUtf8Coder.of())
        .apply("Publish", ParDo.of(output.publishFn()));
    return pipeline;
  }
}
