package io.auglove.models.regression;

import java.util.List;

/** A fitted model. Close it to free native memory (the neural models hold some). */
public interface Predictor extends AutoCloseable {

  /** One prediction per sample, in the targets' units. */
  double[] predict(List<Sample> samples);

  /**
   * Independent sets of predictions whose metrics are averaged: one set, {@link #predict}'s, for
   * every model but the random baseline, which draws many.
   */
  default double[][] draws(List<Sample> samples) {
    return new double[][] {predict(samples)};
  }

  /**
   * What the fit chose on the validation samples (hyper-parameters, the epoch), in words, for the
   * record; empty when it chose nothing.
   */
  default String choice() {
    return "";
  }

  /** The device its tensor work ran on, as DJL names it ({@code cpu()}); empty without any. */
  default String device() {
    return "";
  }

  /** The training loss after each epoch, for a model trained in epochs; empty otherwise. */
  default double[] trainLoss() {
    return new double[0];
  }

  /**
   * The validation loss after each epoch (NaN without validation samples), for a model trained in
   * epochs; empty otherwise.
   */
  default double[] validationLoss() {
    return new double[0];
  }

  @Override
  default void close() {}
}
