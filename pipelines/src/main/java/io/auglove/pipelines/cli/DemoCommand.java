package io.auglove.pipelines.cli;

import com.google.common.collect.ImmutableMap;
import io.auglove.pipelines.bundle.Paths;
import io.auglove.pipelines.generate.CorpusSummary;
import io.auglove.pipelines.generate.StagedCorpus;
import io.auglove.pipelines.launch.Launch;
import io.auglove.pipelines.vocabulary.VocabularyOptions;
import io.auglove.pipelines.vocabulary.VocabularyPipeline;
import java.io.PrintStream;

/**
 * {@code auglove demo}: generates a small corpus, runs the vocabulary pipeline on it with a short k
 * sweep on this machine, and prints what the bundle holds.
 */
final class DemoCommand implements Command<DemoOptions> {

  /** The paper's count threshold and corpus: clusters of 500 frames or fewer out of 5,292,819. */
  private static final double PAPER_COUNT_SHARE = 500.0 / 5_292_819;

  @Override
  public String name() {
    return "demo";
  }

  @Override
  public String summary() {
    return "generate a small corpus and learn a vocabulary from it, on this machine";
  }

  @Override
  public ImmutableMap<String, String> defaults() {
    return ImmutableMap.of(
        "output", System.getProperty("auglove.home", ".") + "/demo-output",
        "videos", "60",
        "minSeconds", "45",
        "maxSeconds", "75",
        "k", "50,100,200",
        "overwrite", "true");
  }

  @Override
  public Class<DemoOptions> optionsType() {
    return DemoOptions.class;
  }

  @Override
  public int run(DemoOptions options, PrintStream out) throws Exception {
    String folder = options.getOutput();
    String corpus = Paths.resolve(folder, "corpus");
    String bundle = Paths.resolve(folder, "bundle");
    long start = System.nanoTime();

    CorpusSummary summary =
        StagedCorpus.write(GenerateCommand.spec(options), corpus, options.getOverwrite());
    long countThreshold = countThreshold(options, summary.totalRows());
    out.printf(
        "Generated %d recordings (%,d frames) in %s; <unk> count threshold %d%n",
        summary.videos(), summary.totalRows(), corpus, countThreshold);

    VocabularyOptions vocabulary = options.as(VocabularyOptions.class);
    vocabulary.setInput(Paths.resolve(corpus, "recordings"));
    vocabulary.setOutput(bundle);
    vocabulary.setCountThreshold(countThreshold);
    Launch.finish(VocabularyPipeline.run(vocabulary));
    BundleSummary.print(bundle, (System.nanoTime() - start) / 1e9, out);
    return 0;
  }

  /** The {@code <unk>} count threshold for a generated corpus of {@code rawRows} OpenFace rows. */
  static long countThreshold(ScaledCountThresholdOptions options, long rawRows) {
    if (!options.getScaleCountThreshold()) {
      return options.getCountThreshold();
    }
    // About 5 of a video's 25-30 raw frames a second are kept at 5 fps.
    long keptFrames = rawRows / 6;
    return Math.max(1, Math.round(PAPER_COUNT_SHARE * keptFrames));
  }
}
