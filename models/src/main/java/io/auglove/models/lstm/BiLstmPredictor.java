package io.auglove.models.lstm;

import static com.google.common.base.Preconditions.checkState;

import ai.djl.Model;
import ai.djl.training.ParameterStore;
import com.google.common.collect.ImmutableList;
import io.auglove.models.TorchEngine;
import io.auglove.models.regression.Predictor;
import io.auglove.models.regression.Sample;
import io.auglove.models.regression.TargetScaler;
import java.util.List;

/**
 * A trained {@link BiLstmRegressor} network with the scaler of its training targets. It holds
 * native memory: close it when done. Predictions run in inference mode (dropout off), in batches of
 * the settings' batch size, and come back in the targets' units. Thread-safe: concurrent calls run
 * one at a time.
 */
public final class BiLstmPredictor implements Predictor {

  private final Model model;
  private final BiLstmNetwork network;
  private final TargetScaler scaler;
  private final BiLstmSettings settings;
  private final ImmutableList<BiLstmEpoch> history;
  private final int bestEpoch;
  private final double bestValidationLoss;
  private final ParameterStore parameterStore;
  private boolean closed;

  BiLstmPredictor(
      Model model,
      BiLstmNetwork network,
      TargetScaler scaler,
      BiLstmSettings settings,
      List<BiLstmEpoch> history,
      int bestEpoch,
      double bestValidationLoss) {
    this.model = model;
    this.network = network;
    this.scaler = scaler;
    this.settings = settings;
    this.history = ImmutableList.copyOf(history);
    this.bestEpoch = bestEpoch;
    this.bestValidationLoss = bestValidationLoss;
    this.parameterStore = new ParameterStore(model.getNDManager(), false);
  }

  /**
   * One prediction per sample, in the targets' units.
   *
   * @throws IllegalArgumentException if a sample has a token id outside the vocabulary (token
   *     inputs)
   * @throws IllegalStateException if the predictor is closed
   */
  @Override
  public synchronized double[] predict(List<Sample> samples) {
    float[] scaled = scaledOutputs(samples);
    double[] predictions = new double[scaled.length];
    for (int i = 0; i < scaled.length; i++) {
      predictions[i] = scaler.unscale(scaled[i]);
    }
    return predictions;
  }

  /** The network's outputs for {@code samples} on the [-1, 1] scale the loss was computed on. */
  synchronized float[] scaledOutputs(List<Sample> samples) {
    checkState(!closed, "lstm: the predictor is closed");
    TorchEngine.prepareThread();
    return Inference.outputs(
        network,
        parameterStore,
        model.getNDManager(),
        EncodedSequence.encode(samples, settings.input(), settings.maxLength()),
        settings.readout(),
        settings.batchSize());
  }

  /** The epochs the fit ran, in order. */
  public List<BiLstmEpoch> history() {
    return history;
  }

  @Override
  public double[] trainLoss() {
    return history.stream().mapToDouble(BiLstmEpoch::trainLoss).toArray();
  }

  @Override
  public double[] validationLoss() {
    return history.stream().mapToDouble(BiLstmEpoch::validationLoss).toArray();
  }

  @Override
  public synchronized String device() {
    return model.getNDManager().getDevice().toString();
  }

  /** The epoch early stopping chose, for example {@code epoch 23 of 33}. */
  @Override
  public String choice() {
    return "epoch " + bestEpoch + " of " + history.size();
  }

  /** The epoch whose parameters the predictor holds (1 for the first). */
  public int bestEpoch() {
    return bestEpoch;
  }

  /** That epoch's validation loss on the [-1, 1] scale; NaN when the fit had no validation. */
  public double bestValidationLoss() {
    return bestValidationLoss;
  }

  /** The scaler fitted to the training targets. */
  public TargetScaler scaler() {
    return scaler;
  }

  /** The settings the network was trained with. */
  public BiLstmSettings settings() {
    return settings;
  }

  /** The network, for tests in this package. */
  BiLstmNetwork network() {
    return network;
  }

  /** Frees the network's native memory; later predictions fail. Closing twice does nothing. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      model.close();
    }
  }
}
