package io.auglove.pipelines.cli;

import io.auglove.pipelines.evaluate.EvaluateOptions;
import io.auglove.pipelines.vocabulary.VocabularyOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/**
 * Options of {@code auglove experiment}: the two corpora's sizes, and the vocabulary and evaluate
 * pipelines' own options under their own names. {@code --output} is the experiment's folder; the
 * pipelines' inputs, bundle and labels are the experiment's own folders.
 */
public interface ExperimentOptions
    extends VocabularyOptions, EvaluateOptions, ScaledCountThresholdOptions, DurationOptions {

  @Description("recordings of the unlabelled corpus the vocabulary and embeddings are learned from")
  @Default.Integer(400)
  int getUnlabelledVideos();

  void setUnlabelledVideos(int value);

  @Description("recordings of the labelled corpus, of other participants, the models are scored on")
  @Default.Integer(240)
  int getLabelledVideos();

  void setLabelledVideos(int value);
}
