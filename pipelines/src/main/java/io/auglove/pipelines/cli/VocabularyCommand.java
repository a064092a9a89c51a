package io.auglove.pipelines.cli;

import io.auglove.pipelines.vocabulary.VocabularyOptions;
import io.auglove.pipelines.vocabulary.VocabularyPipeline;
import java.io.PrintStream;
import org.apache.beam.sdk.PipelineResult;

/** {@code auglove vocabulary}: OpenFace CSVs to a vocabulary bundle. */
final class VocabularyCommand implements Command<VocabularyOptions> {

  @Override
  public String name() {
    return "vocabulary";
  }

  @Override
  public String summary() {
    return "learn a vocabulary of facial expressions and its GloVe embeddings from OpenFace CSVs";
  }

  @Override
  public Class<VocabularyOptions> optionsType() {
    return VocabularyOptions.class;
  }

  @Override
  public int run(VocabularyOptions options, PrintStream out) throws Exception {
    long start = System.nanoTime();
    finish(VocabularyPipeline.run(options));
    BundleSummary.print(options.getOutput(), (System.nanoTime() - start) / 1e9, out);
    return 0;
  }

  /** Waits for {@code result}; a run that did not end DONE is an error. */
  static void finish(PipelineResult result) {
    PipelineResult.State state = result.waitUntilFinish();
    if (state != PipelineResult.State.DONE) {
      throw new IllegalStateException("the pipeline ended " + state);
    }
  }
}
