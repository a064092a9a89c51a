package io.auglove.models.glove;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;

/**
 * What {@link Glove#fit} returns: the trained model and the mean loss J / nnz of its parameters at
 * the end of each epoch, first epoch first.
 *
 * @param model the trained parameters
 * @param lossPerEpoch the loss after each epoch, at least one
 */
public record GloveResult(GloveModel model, ImmutableList<Double> lossPerEpoch) {

  /**
   * Checks the fields.
   *
   * @throws IllegalArgumentException if there is no epoch
   */
  public GloveResult {
    checkNotNull(model, "glove result: model is null");
    checkArgument(!lossPerEpoch.isEmpty(), "glove result: need the loss of at least one epoch");
  }

  /** The loss after the last epoch: the loss of {@link #model()} on the matrix it was fitted to. */
  public double finalLoss() {
    return lossPerEpoch.get(lossPerEpoch.size() - 1);
  }
}
