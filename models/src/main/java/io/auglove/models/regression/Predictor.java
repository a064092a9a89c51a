package io.auglove.models.regression;

import java.util.List;

/** A fitted model. Close it to free native memory (the neural models hold some). */
public interface Predictor extends AutoCloseable {

  /** One prediction per sample, in the targets' units. */
  double[] predict(List<Sample> samples);

  @Override
  default void close() {}
}
