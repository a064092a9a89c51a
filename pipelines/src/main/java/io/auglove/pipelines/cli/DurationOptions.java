package io.auglove.pipelines.cli;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** How long the generated recordings are, for every command that generates a corpus. */
public interface DurationOptions extends PipelineOptions {

  @Description("shortest video, in seconds")
  @Default.Double(60)
  double getMinSeconds();

  void setMinSeconds(double value);

  @Description("longest video, in seconds")
  @Default.Double(120)
  double getMaxSeconds();

  void setMaxSeconds(double value);
}
