package io.auglove.pipelines.cli;

import io.auglove.pipelines.bundle.Paths;
import io.auglove.pipelines.generate.CorpusGenerator;
import io.auglove.pipelines.generate.CorpusSpec;
import io.auglove.pipelines.generate.CorpusSummary;
import io.auglove.pipelines.vocabulary.VocabularyOptions;
import io.auglove.pipelines.vocabulary.VocabularyPipeline;
import java.io.PrintStream;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

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
  public String propertyPrefix() {
    return "demo";
  }

  @Override
  public Class<DemoOptions> optionsType() {
    return DemoOptions.class;
  }

  @Override
  public int run(DemoOptions options, PrintStream out) throws Exception {
    String folder =
        options.getDemoOutput().isEmpty()
            ? System.getProperty("auglove.home", ".") + "/demo-output"
            : options.getDemoOutput();
    String corpus = Paths.resolve(folder, "corpus");
    String bundle = Paths.resolve(folder, "bundle");
    long start = System.nanoTime();

    CorpusSpec spec =
        CorpusSpec.builder()
            .optVideoCount(options.getDemoVideos())
            .optSeed(options.getDemoSeed())
            .optDurationSeconds(45, 75)
            .build();
    CorpusSummary summary = CorpusGenerator.write(spec, corpus);
    long countThreshold = options.getDemoCountThreshold();
    if (countThreshold < 0) {
      // About 5 of a video's 25-30 raw frames a second are kept at 5 fps.
      long keptFrames = summary.totalRows() / 6;
      countThreshold = Math.max(1, Math.round(PAPER_COUNT_SHARE * keptFrames));
    }
    out.printf(
        "Generated %d recordings (%,d frames) in %s; <unk> count threshold %d%n",
        summary.videos(), summary.totalRows(), corpus, countThreshold);

    VocabularyOptions vocabulary = PipelineOptionsFactory.fromArgs().as(VocabularyOptions.class);
    vocabulary.setRunner(options.getRunner());
    vocabulary.setInput(Paths.resolve(corpus, "recordings"));
    vocabulary.setOutput(bundle);
    vocabulary.setK(options.getDemoK());
    vocabulary.setSeed(options.getDemoSeed());
    vocabulary.setCountThreshold(countThreshold);
    vocabulary.setEpochs(options.getDemoEpochs());
    VocabularyCommand.finish(VocabularyPipeline.run(vocabulary));
    BundleSummary.print(bundle, (System.nanoTime() - start) / 1e9, out);
    return 0;
  }
}
