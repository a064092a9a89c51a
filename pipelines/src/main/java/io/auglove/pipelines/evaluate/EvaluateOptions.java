package io.auglove.pipelines.evaluate;

import io.auglove.models.baselines.RandomBaseline;
import io.auglove.models.lstm.BiLstmSettings;
import io.auglove.models.metrics.Bootstrap;
import io.auglove.pipelines.options.BundleOptions;
import io.auglove.pipelines.options.InputOptions;
import io.auglove.pipelines.options.OutputOptions;
import io.auglove.pipelines.options.SeedOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.Validation;

/**
 * Options of the evaluate pipeline: the recordings (OpenFace CSVs or a featurize output), the
 * bundle, the labels, the models, protocols and training settings, the seed and the output.
 */
public interface EvaluateOptions extends InputOptions, BundleOptions, OutputOptions, SeedOptions {

  @Description(
      "labels CSV: recording, participant, one column per target, optional split; local or gs://")
  @Validation.Required
  String getLabelsFile();

  void setLabelsFile(String value);

  @Description("target columns of the labels file to evaluate, comma-separated")
  @Validation.Required
  String getTargets();

  void setTargets(String value);

  @Description("labels column with the recording name")
  @Default.String("recording")
  String getRecordingColumn();

  void setRecordingColumn(String value);

  @Description("labels column with the participant")
  @Default.String("participant")
  String getParticipantColumn();

  void setParticipantColumn(String value);

  @Description("labels column with the fixed split (train, dev, test)")
  @Default.String("split")
  String getSplitColumn();

  void setSplitColumn(String value);

  @Description(
      "cv (k-fold cross-validation), fixed (train/dev/test split, restarts), both, or auto: cv, and"
          + " fixed too when the labels have a split column")
  @Default.String("auto")
  String getProtocol();

  void setProtocol(String value);

  @Description(
      "models, comma-separated: random, static-lr, dynamic-svr, lstm-au, lstm-labels, lstm-glove"
          + " (one model per GloVe dimension); pytorch-lstm-au, pytorch-lstm-labels and"
          + " pytorch-lstm-glove, the BiLSTMs in PyTorch (python3-torch), only when named")
  @Default.String("random,static-lr,dynamic-svr,lstm-au,lstm-labels,lstm-glove")
  String getModels();

  void setModels(String value);

  @Description(
      "BiLSTM readouts, comma-separated, each its own rows: final (the paper's: each direction's"
          + " state after its last step) and mean (beyond the paper: the mean of the outputs over"
          + " the valid steps)")
  @Default.String("final,mean")
  String getReadouts();

  void setReadouts(String value);

  @Description("GloVe dimensions for lstm-glove, comma-separated; empty: every one in the bundle")
  @Default.String("")
  String getGloveDimensions();

  void setGloveDimensions(String value);

  @Description("cross-validation folds")
  @Default.Integer(10)
  int getFolds();

  void setFolds(int value);

  @Description(
      "fold by participant (no participant on both sides), or by segment, which leaks participants"
          + " across folds and is labelled as leaking")
  @Default.String("participant")
  String getFoldsBy();

  void setFoldsBy(String value);

  @Description("share of each training fold held out, by participant, as its validation split")
  @Default.Double(0.2)
  double getValidationFraction();

  void setValidationFraction(double value);

  @Description("fixed split: trainings per model, the one with the best dev CCC reported")
  @Default.Integer(50)
  int getRestarts();

  void setRestarts(int value);

  @Description(
      "embedding sizes of lstm-labels (its randomly initialised embedding), comma-separated; each"
          + " fold chooses one on its validation split")
  @Default.String("25,50,100,200")
  String getEmbeddingSizes();

  void setEmbeddingSizes(String value);

  @Description(
      "lstm-glove's embedding: frozen (the GloVe vectors stay as learned), tuned (trained with the"
          + " network), or frozen,tuned: each fold chooses on its validation split")
  @Default.String("frozen,tuned")
  String getGloveEmbedding();

  void setGloveEmbedding(String value);

  @Description("sequences longer than this many 5 fps steps are subsampled evenly for the BiLSTM")
  @Default.Integer(BiLstmSettings.DEFAULT_MAX_LENGTH)
  int getMaxLength();

  void setMaxLength(int value);

  @Description("most BiLSTM epochs")
  @Default.Integer(BiLstmSettings.DEFAULT_MAX_EPOCHS)
  int getMaxEpochs();

  void setMaxEpochs(int value);

  @Description("BiLSTM early stopping: epochs without a better validation loss")
  @Default.Integer(BiLstmSettings.DEFAULT_PATIENCE)
  int getPatience();

  void setPatience(int value);

  @Description("bootstrap resamples for the 95% confidence intervals")
  @Default.Integer(Bootstrap.DEFAULT_RESAMPLES)
  int getBootstrap();

  void setBootstrap(int value);

  @Description("draws of the random baseline, whose metrics are averaged")
  @Default.Integer(RandomBaseline.DEFAULT_DRAWS)
  int getRandomDraws();

  void setRandomDraws(int value);
}
