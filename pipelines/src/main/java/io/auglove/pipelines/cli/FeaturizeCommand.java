package io.auglove.pipelines.cli;

import io.auglove.pipelines.featurize.FeaturizeOptions;
import io.auglove.pipelines.featurize.FeaturizePipeline;
import io.auglove.pipelines.launch.Launch;
import java.io.PrintStream;

/** {@code auglove featurize}: OpenFace CSVs and a bundle to token and AU sequences. */
final class FeaturizeCommand implements Command<FeaturizeOptions> {

  @Override
  public String name() {
    return "featurize";
  }

  @Override
  public String summary() {
    return "turn OpenFace CSVs into token, id and AU sequences with a bundle's vocabulary";
  }

  @Override
  public Class<FeaturizeOptions> optionsType() {
    return FeaturizeOptions.class;
  }

  @Override
  public int run(FeaturizeOptions options, PrintStream out) throws Exception {
    long start = System.nanoTime();
    Launch.finish(FeaturizePipeline.run(options));
    out.printf(
        "Wrote the sequences, embedding tables and quality report to %s in %.1f s%n",
        options.getOutput(), (System.nanoTime() - start) / 1e9);
    return 0;
  }
}
