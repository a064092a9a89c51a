package io.auglove.models.lstm;

import static com.google.common.base.Preconditions.checkNotNull;

import io.auglove.models.ActionUnits;
import io.auglove.models.regression.Regressor;
import io.auglove.models.regression.Sample;
import java.util.List;

/**
 * The paper's LSTM model (Section IV-B and C) as a {@link Regressor}: a bidirectional LSTM (hidden
 * 32 each way) reads each sample's frames (at most {@code maxLength}, subsampled evenly), its final
 * state goes through dropout 0.4, a dense layer of 64 ReLU units and one linear output; Adam with
 * learning rate 1e-3 and batch 8 minimises the mean squared error of targets scaled to [-1, 1] by
 * the training targets' range, and predictions are scaled back.
 *
 * <p>Epochs are chosen by early stopping on the validation samples' loss ({@link BiLstmTraining}):
 * the predictor holds the parameters of the epoch with the lowest validation loss. Validation may
 * be empty; the fit then runs {@code maxEpochs} and keeps the last epoch.
 *
 * <p>Deterministic on the CPU: the initial weights, the epochs' orders and the dropout masks all
 * come from the seed (not from the engine's global generator), so the same data, settings and seed
 * give identical predictions. On a GPU, cuDNN's LSTM kernels may add run-to-run differences in the
 * last bits.
 *
 * <pre>{@code
 * Regressor lstm = new BiLstmRegressor(BiLstmSettings.of(LstmInput.pretrained(gloveVectors)));
 * try (Predictor predictor = lstm.fit(train, validation, seed)) {
 *   double[] scores = predictor.predict(test);
 * }
 * }</pre>
 */
public final class BiLstmRegressor implements Regressor {

  private final BiLstmSettings settings;

  public BiLstmRegressor(BiLstmSettings settings) {
    this.settings = checkNotNull(settings, "lstm: settings is null");
  }

  /** The paper's settings for {@code input}. */
  public static BiLstmRegressor of(LstmInput input) {
    return new BiLstmRegressor(BiLstmSettings.of(input));
  }

  public BiLstmSettings settings() {
    return settings;
  }

  /**
   * The paper's row name ({@code LSTM + AU}, {@code LSTM + Cluster labels}, ...), with the readout
   * when it is not the paper's.
   */
  @Override
  public String name() {
    return settings.modelName();
  }

  /**
   * Trains a network and returns it as a predictor, which the caller closes.
   *
   * @param train at least one sample; its targets fix the scaling
   * @param validation samples for early stopping; may be empty (then {@code maxEpochs} epochs)
   * @param seed initial weights, epoch orders and dropout masks
   * @throws IllegalArgumentException if {@code train} is empty or a token id is outside the
   *     vocabulary
   * @throws IllegalStateException if the training loss stops being finite
   */
  @Override
  public BiLstmPredictor fit(List<Sample> train, List<Sample> validation, long seed) {
    checkNotNull(train, "lstm: train is null");
    checkNotNull(validation, "lstm: validation is null");
    return new BiLstmTraining(settings, seed).fit(train, validation);
  }

  /**
   * The steps the network reads of {@code sample}, in time order: for each frame {@link
   * Subsampling} keeps, its 17 AU intensities, or its token id as the one value. For a reference
   * implementation of the network to read exactly the same data.
   *
   * @throws IllegalArgumentException if a token id is outside the vocabulary
   */
  public float[][] steps(Sample sample) {
    EncodedSequence sequence =
        EncodedSequence.encode(sample, settings.input(), settings.maxLength());
    float[][] steps = new float[sequence.length()][];
    for (int t = 0; t < steps.length; t++) {
      steps[t] =
          sequence.tokenIds() != null
              ? new float[] {sequence.tokenIds()[t]}
              : java.util.Arrays.copyOfRange(
                  sequence.aus(), t * ActionUnits.COUNT, (t + 1) * ActionUnits.COUNT);
    }
    return steps;
  }

  @Override
  public String toString() {
    return "BiLstmRegressor" + settings;
  }
}
