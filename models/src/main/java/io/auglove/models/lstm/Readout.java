package io.auglove.models.lstm;

import java.util.Locale;

/**
 * How the BiLSTM's outputs over a sequence become the one vector the dense layer reads.
 *
 * <ul>
 *   <li>{@link #FINAL_STATE}, the paper's: each direction's output after its last step (the forward
 *       LSTM's after the last frame, the backward one's after the first), as PyTorch's {@code h_n}
 *       of a packed sequence;
 *   <li>{@link #MEAN}, beyond the paper: the mean of each direction's outputs over the sequence's
 *       own steps (padding left out). A final state has to carry a signal's average across up to
 *       500 steps to the last one, which about 100 training recordings rarely teach it; a mean
 *       carries it by construction.
 * </ul>
 *
 * <p>Both are a weighted sum over time of each direction's outputs, with weights that are 0 on
 * padded steps ({@link PaddedBatch}): one-hot on step len − 1, or 1/len on steps 0..len − 1.
 */
public enum Readout {
  FINAL_STATE,
  MEAN;

  /** The name in options and model ids: {@code final} or {@code mean}. */
  public String label() {
    return this == FINAL_STATE ? "final" : name().toLowerCase(Locale.ROOT);
  }

  /** The readout whose {@link #label()} is {@code label}. */
  public static Readout of(String label) {
    for (Readout readout : values()) {
      if (readout.label().equals(label)) {
        return readout;
      }
    }
    throw new IllegalArgumentException(
        "lstm: unknown readout '" + label + "'; readouts: final, mean");
  }
}
