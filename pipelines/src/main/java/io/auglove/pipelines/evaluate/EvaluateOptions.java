package io.auglove.pipelines.evaluate;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.Validation;

/**
 * Options of {@code auglove evaluate}; on the command line without their {@code evaluate} prefix
 * ({@code --bundle}, {@code --labels}, {@code --targets}, ...).
 */
public interface EvaluateOptions extends PipelineOptions {

  @Description("the vocabulary bundle folder (centres, counts, thresholds, GloVe embeddings)")
  @Validation.Required
  String getEvaluateBundle();

  void setEvaluateBundle(String value);

  @Description(
      "OpenFace CSVs (a file, a glob or a folder), or the output folder of auglove featurize")
  @Validation.Required
  String getEvaluateInput();

  void setEvaluateInput(String value);

  @Description("labels CSV: recording, participant, one column per target, optional split")
  @Validation.Required
  String getEvaluateLabels();

  void setEvaluateLabels(String value);

  @Description("target columns of the labels file to evaluate, comma-separated")
  @Validation.Required
  String getEvaluateTargets();

  void setEvaluateTargets(String value);

  @Description("folder for the tables, results, chart and per-fold JSON")
  @Validation.Required
  String getEvaluateOutput();

  void setEvaluateOutput(String value);

  @Description("labels column with the recording name")
  @Default.String("recording")
  String getEvaluateRecordingColumn();

  void setEvaluateRecordingColumn(String value);

  @Description("labels column with the participant")
  @Default.String("participant")
  String getEvaluateParticipantColumn();

  void setEvaluateParticipantColumn(String value);

  @Description("labels column with the fixed split (train, dev, test)")
  @Default.String("split")
  String getEvaluateSplitColumn();

  void setEvaluateSplitColumn(String value);

  @Description(
      "cv (k-fold cross-validation), fixed (train/dev/test split, restarts), both, or auto: cv, and"
          + " fixed too when the labels have a split column")
  @Default.String("auto")
  String getEvaluateProtocol();

  void setEvaluateProtocol(String value);

  @Description(
      "models, comma-separated: random, static-lr, dynamic-svr, lstm-au, lstm-labels, lstm-glove"
          + " (one model per GloVe dimension)")
  @Default.String("random,static-lr,dynamic-svr,lstm-au,lstm-labels,lstm-glove")
  String getEvaluateModels();

  void setEvaluateModels(String value);

  @Description("GloVe dimensions for lstm-glove, comma-separated; empty: every one in the bundle")
  @Default.String("")
  String getEvaluateGloveDimensions();

  void setEvaluateGloveDimensions(String value);

  @Description("cross-validation folds")
  @Default.Integer(10)
  int getEvaluateFolds();

  void setEvaluateFolds(int value);

  @Description(
      "fold by participant (no participant on both sides), or by segment, which leaks participants"
          + " across folds and is labelled as leaking")
  @Default.String("participant")
  String getEvaluateFoldsBy();

  void setEvaluateFoldsBy(String value);

  @Description("share of each training fold held out, by participant, as its validation split")
  @Default.Double(0.2)
  double getEvaluateValidationFraction();

  void setEvaluateValidationFraction(double value);

  @Description("fixed split: trainings per model, the one with the best dev CCC reported")
  @Default.Integer(50)
  int getEvaluateRestarts();

  void setEvaluateRestarts(int value);

  @Description("embedding size of lstm-labels (its randomly initialised embedding)")
  @Default.Integer(32)
  int getEvaluateEmbeddingSize();

  void setEvaluateEmbeddingSize(int value);

  @Description("sequences longer than this many 5 fps steps are subsampled evenly for the BiLSTM")
  @Default.Integer(500)
  int getEvaluateMaxLength();

  void setEvaluateMaxLength(int value);

  @Description("most BiLSTM epochs")
  @Default.Integer(100)
  int getEvaluateMaxEpochs();

  void setEvaluateMaxEpochs(int value);

  @Description("BiLSTM early stopping: epochs without a better validation loss")
  @Default.Integer(10)
  int getEvaluatePatience();

  void setEvaluatePatience(int value);

  @Description("bootstrap resamples for the 95% confidence intervals")
  @Default.Integer(1000)
  int getEvaluateBootstrap();

  void setEvaluateBootstrap(int value);

  @Description("draws of the random baseline, whose metrics are averaged")
  @Default.Integer(100)
  int getEvaluateRandomDraws();

  void setEvaluateRandomDraws(int value);

  @Description("seed of folds, initial weights, shuffling, draws and bootstrap")
  @Default.Long(0)
  long getEvaluateSeed();

  void setEvaluateSeed(long value);
}
