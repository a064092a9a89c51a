package io.auglove.pipelines.cli;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Options of {@code auglove bench}; their properties carry a {@code bench} prefix for the reason
 * {@link DemoOptions} gives.
 */
public interface BenchOptions extends PipelineOptions {

  @Description("folder for the corpus and the bundles; empty: bench-output/ in the repository")
  @Default.String("")
  String getBenchOutput();

  void setBenchOutput(String value);

  @Description("raw OpenFace frames (rows) in the generated corpus, at least")
  @Default.Integer(200_000)
  int getBenchFrames();

  void setBenchFrames(int value);

  @Description("runners to compare, comma-separated; the first is the baseline")
  @Default.String("DirectRunner,FlinkRunner")
  String getBenchRunners();

  void setBenchRunners(String value);

  @Description("rounds: each runner runs this many times, alternating; the fastest round counts")
  @Default.Integer(2)
  int getBenchRounds();

  void setBenchRounds(int value);

  @Description("values of k for the k-means sweep, comma-separated")
  @Default.String("50,100,200")
  String getBenchK();

  void setBenchK(String value);

  @Description("GloVe epochs")
  @Default.Integer(50)
  int getBenchEpochs();

  void setBenchEpochs(int value);

  @Description("parallelism of the embedded Flink cluster; 0: the number of cores")
  @Default.Integer(0)
  int getBenchParallelism();

  void setBenchParallelism(int value);
}
