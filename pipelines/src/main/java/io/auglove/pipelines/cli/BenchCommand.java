package io.auglove.pipelines.cli;

import com.google.common.collect.ImmutableMap;
import io.auglove.pipelines.bench.BenchCorpus;
import io.auglove.pipelines.bench.FitBenchmark;
import io.auglove.pipelines.bench.FitSettings;
import io.auglove.pipelines.bench.VocabularyBenchmark;
import io.auglove.pipelines.vocabulary.VocabularyOptions;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code auglove bench}: the vocabulary pipeline against the Python baseline on a generated corpus
 * (a table stage by stage, and its PNG), or, with {@code --scaling}, the pipeline alone at several
 * corpus sizes (seconds per million rows, and its plot); with {@code --fits}, k-means and GloVe
 * alone against scikit-learn and numba, and with {@code --sweep}, the k-means sweep.
 */
final class BenchCommand implements Command<BenchOptions> {

  @Override
  public String name() {
    return "bench";
  }

  @Override
  public String summary() {
    return "time the vocabulary pipeline against a Python baseline, stage by stage, its scaling, or"
        + " the fits";
  }

  @Override
  public ImmutableMap<String, String> defaults() {
    // GloVe is ours alone (the baseline stops at the co-occurrence counts): one small fit.
    return ImmutableMap.of(
        "output",
        System.getProperty("auglove.home", ".") + "/bench-output",
        "k",
        "1000",
        "dimensions",
        "25",
        "epochs",
        "5");
  }

  @Override
  public boolean runsPipeline() {
    return false;
  }

  @Override
  public Class<BenchOptions> optionsType() {
    return BenchOptions.class;
  }

  @Override
  public int run(BenchOptions options, PrintStream out) throws Exception {
    if (options.getFits() || options.getSweep() != null) {
      FitBenchmark fits =
          new FitBenchmark(
              FitSettings.of(options, options.getQuick(), options.getSeed()),
              options.getPython(),
              Path.of(options.getOutput()),
              out);
      if (options.getSweep() != null) {
        fits.sweep(options.getSweep());
      } else {
        fits.run();
      }
      return 0;
    }
    VocabularyBenchmark benchmark =
        new VocabularyBenchmark(
            options.as(VocabularyOptions.class),
            Path.of(options.getOutput()),
            options.getAllColumns(),
            out);
    String scaling = options.getScaling();
    if (scaling != null) {
      benchmark.scaling(
          BenchCorpus.parseList(scaling.equals("default") ? BenchOptions.DEFAULT_SCALING : scaling),
          BenchCorpus.parse(BenchOptions.WARM_UP_CORPUS),
          options.getWarmUps(),
          options.getRepeats());
    } else {
      benchmark.table(
          BenchCorpus.parse(options.getQuick() ? BenchOptions.QUICK_CORPUS : options.getCorpus()),
          options.getPython());
    }
    return 0;
  }
}
