package io.auglove.pipelines.cli;

import io.auglove.pipelines.options.AssignmentOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/**
 * The {@code <unk>} count threshold of a command that generates its own corpus: the paper's share
 * of the corpus, scaled to the corpus generated, or {@code --countThreshold} as given.
 */
public interface ScaledCountThresholdOptions extends AssignmentOptions {

  @Description(
      "scale the <unk> count threshold to the generated corpus (the paper's 500 frames in 5.3M, at"
          + " least 1); false: --countThreshold as given")
  @Default.Boolean(true)
  boolean getScaleCountThreshold();

  void setScaleCountThreshold(boolean value);
}
