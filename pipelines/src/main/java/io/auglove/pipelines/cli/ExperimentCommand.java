package io.auglove.pipelines.cli;

import com.google.common.collect.ImmutableMap;
import io.auglove.pipelines.bundle.Paths;
import io.auglove.pipelines.evaluate.EvaluateOptions;
import io.auglove.pipelines.evaluate.EvaluatePipeline;
import io.auglove.pipelines.evaluate.EvaluationSummary;
import io.auglove.pipelines.generate.CorpusSpec;
import io.auglove.pipelines.generate.CorpusSummary;
import io.auglove.pipelines.generate.StagedCorpus;
import io.auglove.pipelines.launch.Launch;
import io.auglove.pipelines.vocabulary.VocabularyOptions;
import io.auglove.pipelines.vocabulary.VocabularyPipeline;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * {@code auglove experiment}: the paper's setting in one command. From one generated world (the
 * same expression prototypes), a large unlabelled corpus to learn the vocabulary and embeddings
 * from, as the paper learns them on VoxCeleb2, and a smaller labelled corpus of other participants
 * to train and score the downstream models on, as the paper does on its clinical sets; then the
 * vocabulary pipeline on the first and the evaluation (featurizing on the way) on the second.
 *
 * <p>Writes under {@code --output}: {@code unlabelled/} and {@code labelled/} (each a corpus with
 * its {@code labels.csv} and a manifest), {@code bundle/} and {@code evaluation/}; each is whole or
 * absent, and {@code --overwrite} replaces each whole.
 */
final class ExperimentCommand implements Command<ExperimentOptions> {

  private static final String UNLABELLED = "unlabelled";
  private static final String LABELLED = "labelled";
  private static final String BUNDLE = "bundle";
  private static final String EVALUATION = "evaluation";

  /** Participant ids of the unlabelled corpus start with this, those of the labelled one with p. */
  private static final String UNLABELLED_PREFIX = "u";

  /** The options the experiment sets itself, from {@code --output}. */
  private static final List<String> OWN = List.of("input", "bundle", "labelsFile");

  @Override
  public String name() {
    return "experiment";
  }

  @Override
  public String summary() {
    return "the paper's setting: a vocabulary learned on a generated unlabelled corpus, models"
        + " scored on a separate labelled one of other participants";
  }

  @Override
  public ImmutableMap<String, String> defaults() {
    return ImmutableMap.<String, String>builder()
        .put("output", System.getProperty("auglove.home", ".") + "/experiment-output")
        .put("input", "<output>/" + LABELLED + "/recordings")
        .put("bundle", "<output>/" + BUNDLE)
        .put("labelsFile", "<output>/" + LABELLED + "/labels.csv")
        .put("targets", "dwell,order,regularity,control")
        .put("k", "50,100,200")
        .put("minSeconds", "45")
        .put("maxSeconds", "75")
        .build();
  }

  /** The labelled corpus, bundle and labels under the experiment's folder. */
  @Override
  public ImmutableMap<String, String> derivedDefaults(Map<String, String> given) {
    for (String own : OWN) {
      if (given.containsKey(own)) {
        throw new IllegalArgumentException(
            "--"
                + own
                + ": the experiment sets it to its own folders under --output; run vocabulary,"
                + " featurize and evaluate for corpora of your own");
      }
    }
    String folder = given.getOrDefault("output", defaults().get("output"));
    return ImmutableMap.of(
        "input", Paths.resolve(Paths.resolve(folder, LABELLED), "recordings"),
        "bundle", Paths.resolve(folder, BUNDLE),
        "labelsFile", Paths.resolve(Paths.resolve(folder, LABELLED), "labels.csv"));
  }

  @Override
  public Class<ExperimentOptions> optionsType() {
    return ExperimentOptions.class;
  }

  @Override
  public int run(ExperimentOptions options, PrintStream out) throws Exception {
    String folder = options.getOutput();
    String bundle = options.getBundle();
    String evaluation = Paths.resolve(folder, EVALUATION);
    long start = System.nanoTime();

    CorpusSummary unlabelled =
        StagedCorpus.write(
            unlabelledSpec(options), Paths.resolve(folder, UNLABELLED), options.getOverwrite());
    CorpusSummary labelled =
        StagedCorpus.write(
            labelledSpec(options), Paths.resolve(folder, LABELLED), options.getOverwrite());
    long countThreshold = DemoCommand.countThreshold(options, unlabelled.totalRows());
    out.printf(
        "Generated %d unlabelled recordings of %d participants (%,d frames) and %d labelled"
            + " recordings of %d others (%,d frames) in %s; <unk> count threshold %d%n",
        unlabelled.videos(),
        unlabelled.participants(),
        unlabelled.totalRows(),
        labelled.videos(),
        labelled.participants(),
        labelled.totalRows(),
        folder,
        countThreshold);

    // One set of options: --input is the labelled corpus's until the vocabulary pipeline needs it.
    VocabularyOptions vocabulary = options.as(VocabularyOptions.class);
    String labelledRecordings = vocabulary.getInput();
    vocabulary.setInput(Paths.resolve(Paths.resolve(folder, UNLABELLED), "recordings"));
    vocabulary.setOutput(bundle);
    vocabulary.setCountThreshold(countThreshold);
    Launch.finish(VocabularyPipeline.run(vocabulary));
    BundleSummary.print(bundle, (System.nanoTime() - start) / 1e9, out);

    EvaluateOptions evaluate = options.as(EvaluateOptions.class);
    evaluate.setInput(labelledRecordings);
    evaluate.setOutput(evaluation);
    Launch.finish(EvaluatePipeline.run(evaluate));
    out.printf(
        "%nWrote the experiment to %s in %.1f s%n", folder, (System.nanoTime() - start) / 1e9);
    EvaluationSummary.print(evaluation, out);
    return 0;
  }

  /** The unlabelled corpus: the world's own seed. */
  private static CorpusSpec unlabelledSpec(ExperimentOptions options) {
    return spec(options, options.getUnlabelledVideos())
        .optSeed(options.getSeed())
        .optParticipantPrefix(UNLABELLED_PREFIX)
        .build();
  }

  /** The labelled corpus: the same world, its own seed, so other participants and recordings. */
  private static CorpusSpec labelledSpec(ExperimentOptions options) {
    return spec(options, options.getLabelledVideos()).optSeed(options.getSeed() + 1).build();
  }

  private static CorpusSpec.Builder spec(ExperimentOptions options, int videos) {
    return CorpusSpec.builder()
        .optVideoCount(videos)
        .optWorldSeed(options.getSeed())
        .optDurationSeconds(options.getMinSeconds(), options.getMaxSeconds());
  }
}
