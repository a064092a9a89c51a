package io.auglove.pipelines.cli;

import io.auglove.pipelines.bench.BiLstmTrainingBenchmark;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code auglove bench-train}: BiLSTM training throughput, AU and embedding input, beside the same
 * model in PyTorch.
 */
final class BenchTrainCommand implements Command<BenchTrainOptions> {

  @Override
  public String name() {
    return "bench-train";
  }

  @Override
  public String summary() {
    return "measure BiLSTM training throughput on the CPU against the same model in PyTorch";
  }

  @Override
  public boolean runsPipeline() {
    return false;
  }

  @Override
  public Class<BenchTrainOptions> optionsType() {
    return BenchTrainOptions.class;
  }

  @Override
  public int run(BenchTrainOptions options, PrintStream out) {
    String python = options.getPython();
    BiLstmTrainingBenchmark.Settings settings =
        BiLstmTrainingBenchmark.Settings.defaults()
            .withSequences(options.getSequences())
            .withSteps(options.getSteps())
            .withPython(python.isEmpty() ? null : Path.of(python), options.getPytorch());
    out.println(new BiLstmTrainingBenchmark(settings).run().report());
    return 0;
  }
}
