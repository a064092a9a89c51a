package io.auglove.pipelines.options;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** The seed of every random choice of a run: the same seed gives the same bytes. */
public interface SeedOptions extends PipelineOptions {

  @Description("seed of every random choice; the same seed gives the same output")
  @Default.Long(0)
  long getSeed();

  void setSeed(long value);
}
