package io.auglove.models.lstm;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import ai.djl.Device;
import io.auglove.models.Devices;

/**
 * Everything a {@link BiLstmRegressor} fit uses but the data and the seed. The defaults are the
 * paper's (Section IV-C) where it gives them: hidden size 32 each way, dropout 0.4, a dense layer
 * of 64, Adam with learning rate 1e-3, batch 8. The paper does not say how many epochs it trains;
 * here a fit stops at the epoch whose validation loss is lowest once {@code patience} epochs have
 * not improved on it, or after {@code maxEpochs}.
 *
 * @param input what the LSTM reads at each step
 * @param readout how the outputs over a sequence become one vector; default {@link
 *     Readout#FINAL_STATE}, the paper's
 * @param hiddenSize LSTM state size in each direction; default 32
 * @param dropout drop probability on the concatenated final state, in [0, 1); default 0.4
 * @param denseSize units of the ReLU layer before the output; default 64
 * @param learningRate Adam's learning rate; default 1e-3 (β₁ 0.9, β₂ 0.999, ε 1e-8)
 * @param batchSize sequences per update and per inference batch; default 8
 * @param maxEpochs most passes over the training samples; default 100
 * @param patience epochs without a lower validation loss after which the fit stops; default 10
 * @param maxLength longest sequence read; longer ones are subsampled evenly ({@link Subsampling});
 *     at least 2; default 500 (100 s at 5 fps)
 * @param listener told of each epoch; default {@link EpochListener#LOG}
 * @param device where the network runs; null (the default) for {@link Devices#preferred()} at fit
 *     time
 */
public record BiLstmSettings(
    LstmInput input,
    Readout readout,
    int hiddenSize,
    double dropout,
    int denseSize,
    double learningRate,
    int batchSize,
    int maxEpochs,
    int patience,
    int maxLength,
    EpochListener listener,
    Device device) {

  public static final int DEFAULT_HIDDEN_SIZE = 32;
  public static final double DEFAULT_DROPOUT = 0.4;
  public static final int DEFAULT_DENSE_SIZE = 64;
  public static final double DEFAULT_LEARNING_RATE = 1e-3;
  public static final int DEFAULT_BATCH_SIZE = 8;
  public static final int DEFAULT_MAX_EPOCHS = 100;
  public static final int DEFAULT_PATIENCE = 10;
  public static final int DEFAULT_MAX_LENGTH = 500;

  public BiLstmSettings {
    checkNotNull(input, "lstm: input is null");
    checkNotNull(readout, "lstm: readout is null");
    checkArgument(hiddenSize >= 1, "lstm: hiddenSize must be at least 1, got %s", hiddenSize);
    checkArgument(dropout >= 0 && dropout < 1, "lstm: dropout must be in [0, 1), got %s", dropout);
    checkArgument(denseSize >= 1, "lstm: denseSize must be at least 1, got %s", denseSize);
    checkArgument(
        learningRate > 0 && Double.isFinite(learningRate),
        "lstm: learningRate must be finite and greater than 0, got %s",
        learningRate);
    checkArgument(batchSize >= 1, "lstm: batchSize must be at least 1, got %s", batchSize);
    checkArgument(maxEpochs >= 1, "lstm: maxEpochs must be at least 1, got %s", maxEpochs);
    checkArgument(patience >= 1, "lstm: patience must be at least 1, got %s", patience);
    checkArgument(maxLength >= 2, "lstm: maxLength must be at least 2, got %s", maxLength);
    checkNotNull(listener, "lstm: listener is null");
  }

  /** The paper's settings for {@code input}. */
  public static BiLstmSettings of(LstmInput input) {
    return builder().setInput(input).build();
  }

  /** A builder with the defaults; {@link Builder#setInput} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from these settings. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.input = input;
    builder.readout = readout;
    builder.hiddenSize = hiddenSize;
    builder.dropout = dropout;
    builder.denseSize = denseSize;
    builder.learningRate = learningRate;
    builder.batchSize = batchSize;
    builder.maxEpochs = maxEpochs;
    builder.patience = patience;
    builder.maxLength = maxLength;
    builder.listener = listener;
    builder.device = device;
    return builder;
  }

  /**
   * The model's name in logs: the input's ({@code LSTM + AU}), with {@code , mean readout} for
   * {@link Readout#MEAN}.
   */
  public String modelName() {
    return input.modelName()
        + (readout == Readout.FINAL_STATE ? "" : ", " + readout.label() + " readout");
  }

  /**
   * The device a fit runs on: {@link #device()}, or {@link Devices#preferred()} if that is null.
   */
  public Device resolvedDevice() {
    return device != null ? device : Devices.preferred();
  }

  /** Builds {@link BiLstmSettings}; each value is checked when {@link #build} is called. */
  public static final class Builder {

    private LstmInput input;
    private Readout readout = Readout.FINAL_STATE;
    private int hiddenSize = DEFAULT_HIDDEN_SIZE;
    private double dropout = DEFAULT_DROPOUT;
    private int denseSize = DEFAULT_DENSE_SIZE;
    private double learningRate = DEFAULT_LEARNING_RATE;
    private int batchSize = DEFAULT_BATCH_SIZE;
    private int maxEpochs = DEFAULT_MAX_EPOCHS;
    private int patience = DEFAULT_PATIENCE;
    private int maxLength = DEFAULT_MAX_LENGTH;
    private EpochListener listener = EpochListener.LOG;
    private Device device;

    private Builder() {}

    /** What the LSTM reads; required. */
    public Builder setInput(LstmInput input) {
      this.input = checkNotNull(input, "lstm: input is null");
      return this;
    }

    /** How the outputs over a sequence are read; default {@link Readout#FINAL_STATE}. */
    public Builder optReadout(Readout readout) {
      this.readout = checkNotNull(readout, "lstm: readout is null");
      return this;
    }

    /** LSTM state size each way; default 32. */
    public Builder optHiddenSize(int hiddenSize) {
      this.hiddenSize = hiddenSize;
      return this;
    }

    /** Dropout on the final state, in [0, 1); default 0.4. */
    public Builder optDropout(double dropout) {
      this.dropout = dropout;
      return this;
    }

    /** Units of the ReLU layer; default 64. */
    public Builder optDenseSize(int denseSize) {
      this.denseSize = denseSize;
      return this;
    }

    /** Adam's learning rate; default 1e-3. */
    public Builder optLearningRate(double learningRate) {
      this.learningRate = learningRate;
      return this;
    }

    /** Sequences per batch; default 8. */
    public Builder optBatchSize(int batchSize) {
      this.batchSize = batchSize;
      return this;
    }

    /** Most epochs; default 100. */
    public Builder optMaxEpochs(int maxEpochs) {
      this.maxEpochs = maxEpochs;
      return this;
    }

    /** Epochs without improvement before stopping; default 10. */
    public Builder optPatience(int patience) {
      this.patience = patience;
      return this;
    }

    /** Longest sequence read before subsampling; default 500. */
    public Builder optMaxLength(int maxLength) {
      this.maxLength = maxLength;
      return this;
    }

    /** Told of each epoch; default {@link EpochListener#LOG}. */
    public Builder optListener(EpochListener listener) {
      this.listener = listener;
      return this;
    }

    /** Where the network runs; default null, {@link Devices#preferred()} at fit time. */
    public Builder optDevice(Device device) {
      this.device = device;
      return this;
    }

    /**
     * The settings.
     *
     * @throws IllegalStateException if no input was set
     * @throws IllegalArgumentException if a value is out of its range
     */
    public BiLstmSettings build() {
      checkState(input != null, "lstm: input is not set; call setInput");
      return new BiLstmSettings(
          input,
          readout,
          hiddenSize,
          dropout,
          denseSize,
          learningRate,
          batchSize,
          maxEpochs,
          patience,
          maxLength,
          listener,
          device);
    }
  }
}
