package io.auglove.pipelines.cli;

import io.auglove.pipelines.evaluate.EvaluateOptions;
import io.auglove.pipelines.evaluate.EvaluatePipeline;
import io.auglove.pipelines.evaluate.EvaluationSummary;
import io.auglove.pipelines.launch.Launch;
import java.io.PrintStream;

/** {@code auglove evaluate}: the paper's downstream tables for labelled recordings. */
final class EvaluateCommand implements Command<EvaluateOptions> {

  @Override
  public String name() {
    return "evaluate";
  }

  @Override
  public String summary() {
    return "score the paper's models and baselines on labelled recordings (Tables I and II)";
  }

  @Override
  public Class<EvaluateOptions> optionsType() {
    return EvaluateOptions.class;
  }

  @Override
  public int run(EvaluateOptions options, PrintStream out) throws Exception {
    long start = System.nanoTime();
    Launch.finish(EvaluatePipeline.run(options));
    out.printf(
        "Wrote the tables, results, chart and per-fold figures to %s in %.1f s%n",
        options.getOutput(), (System.nanoTime() - start) / 1e9);
    EvaluationSummary.print(options.getOutput(), out);
    return 0;
  }
}
