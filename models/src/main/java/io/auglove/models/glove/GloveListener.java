package io.auglove.models.glove;

/**
 * Told of each epoch as {@link Glove#fit} finishes it, for progress reports and loss curves. Called
 * on the thread that runs the fit.
 */
@FunctionalInterface
public interface GloveListener {

  /** A listener that does nothing. */
  GloveListener NONE = (dimension, epoch, loss, seconds) -> {};

  /**
   * Epoch {@code epoch} (1 for the first) of a fit in {@code dimension} dimensions ended with mean
   * loss {@code loss} (J / nnz, see {@link GloveModel#loss(Cooccurrences, double, double)}), and
   * took {@code seconds} of wall time, the loss computation included.
   */
  void onEpoch(int dimension, int epoch, double loss, double seconds);
}
