package io.auglove.pipelines.cli;

import io.auglove.pipelines.options.GloveOptions;
import io.auglove.pipelines.options.KMeansOptions;
import io.auglove.pipelines.options.OutputOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/**
 * Options of {@code auglove bench}: the corpus's size, the runners and rounds, and the vocabulary
 * pipeline's options it sets, under their own names ({@code --output} gets the corpus and the
 * bundles).
 */
public interface BenchOptions extends OutputOptions, KMeansOptions, GloveOptions {

  @Description("raw OpenFace frames (rows) in the generated corpus, at least")
  @Default.Integer(200_000)
  int getFrames();

  void setFrames(int value);

  @Description("runners to compare, comma-separated; the first is the baseline")
  @Default.String("DirectRunner,FlinkRunner")
  String getRunners();

  void setRunners(String value);

  @Description("rounds: each runner runs this many times, alternating; the fastest round counts")
  @Default.Integer(2)
  int getRounds();

  void setRounds(int value);

  @Description("parallelism of the embedded Flink cluster; 0: the number of cores")
  @Default.Integer(0)
  int getFlinkParallelism();

  void setFlinkParallelism(int value);
}
