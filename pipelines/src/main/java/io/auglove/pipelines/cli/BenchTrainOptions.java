package io.auglove.pipelines.cli;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Options of {@code auglove bench-train}. */
public interface BenchTrainOptions extends PipelineOptions {

  @Description("sequences per epoch")
  @Default.Integer(256)
  int getSequences();

  void setSequences(int value);

  @Description("steps per sequence")
  @Default.Integer(500)
  int getSteps();

  void setSteps(int value);

  @Description(
      "Python interpreter with torch for the PyTorch side; empty: /usr/bin/python3, else python3")
  @Default.String("")
  String getPython();

  void setPython(String value);

  @Description("also time the same model in PyTorch (needs Debian's python3-torch)")
  @Default.Boolean(true)
  boolean getPytorch();

  void setPytorch(boolean value);
}
