package io.auglove.pipelines.cli;

import io.auglove.pipelines.options.AssignmentOptions;
import io.auglove.pipelines.options.GloveOptions;
import io.auglove.pipelines.options.KMeansOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/**
 * Options of {@code auglove demo}: the generator's (its {@code --output} is the folder that gets
 * {@code corpus/} and {@code bundle/}) and the vocabulary pipeline's it uses, under the same names.
 */
public interface DemoOptions
    extends GenerateOptions, KMeansOptions, AssignmentOptions, GloveOptions {

  @Description(
      "scale the <unk> count threshold to the demo corpus (the paper's 500 frames in 5.3M, at least"
          + " 1); false: --countThreshold as given")
  @Default.Boolean(true)
  boolean getScaleCountThreshold();

  void setScaleCountThreshold(boolean value);
}
