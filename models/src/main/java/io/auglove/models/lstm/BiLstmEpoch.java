package io.auglove.models.lstm;

/**
 * One epoch of a {@link BiLstmRegressor} fit, as its {@link EpochListener} hears it. Losses are
 * mean squared errors on the [-1, 1] target scale.
 *
 * @param model the model's name, for example {@code LSTM + AU}
 * @param epoch 1 for the first
 * @param trainLoss mean over the epoch's training samples of the loss each batch had when the
 *     network saw it (in training mode: dropout on, weights changing during the epoch)
 * @param validationLoss the loss on the validation samples after the epoch, in inference mode; NaN
 *     when the fit has no validation samples
 * @param best whether the epoch is the best so far (lowest validation loss; with no validation
 *     samples, every epoch is, the last being kept)
 * @param trainSeconds wall time of the epoch's training batches, the validation pass excluded
 */
public record BiLstmEpoch(
    String model,
    int epoch,
    double trainLoss,
    double validationLoss,
    boolean best,
    double trainSeconds) {}
