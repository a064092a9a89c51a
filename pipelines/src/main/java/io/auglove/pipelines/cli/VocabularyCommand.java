package io.auglove.pipelines.cli;

import io.auglove.pipelines.launch.Launch;
import io.auglove.pipelines.vocabulary.VocabularyOptions;
import io.auglove.pipelines.vocabulary.VocabularyPipeline;
import java.io.PrintStream;

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
    Launch.finish(VocabularyPipeline.run(options));
    BundleSummary.print(options.getOutput(), (System.nanoTime() - start) / 1e9, out);
    return 0;
  }
}
