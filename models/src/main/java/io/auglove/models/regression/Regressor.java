package io.auglove.models.regression;

import java.util.List;

/**
 * A way to learn a score from samples: one of the paper's models or baselines.
 *
 * <p>{@link #fit} may use the validation samples, and only them, to choose epochs or
 * hyper-parameters; it never sees test samples. The same seed gives the same predictor.
 */
public interface Regressor {

  /** Short name for tables and logs, for example {@code Static features + LR}. */
  String name();

  /**
   * Learns from {@code train}, choosing whatever it chooses on {@code validation}.
   *
   * @param validation samples held out of {@code train}; may be empty for models that choose
   *     nothing
   * @param seed every random choice (initial weights, shuffling, draws) follows from it
   */
  Predictor fit(List<Sample> train, List<Sample> validation, long seed);
}
