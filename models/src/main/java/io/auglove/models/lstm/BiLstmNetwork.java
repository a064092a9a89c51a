package io.auglove.models.lstm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.nn.transformer.IdEmbedding;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The paper's network: [embedding →] bidirectional LSTM → readout of each sequence → dropout →
 * dense (ReLU) → one output.
 *
 * <p>Its inputs are a {@link PaddedBatch}: the sequences, the sequences reversed within their own
 * lengths, and the {@link Readout}'s weights over each one's steps. The bidirectional layer is a
 * forward LSTM over the first and a second forward LSTM over the second (DJL 0.36's bidirectional
 * LSTM fails on the PyTorch engine). Each LSTM's outputs are multiplied by the weights and summed
 * over time (differentiably, without a gather). With the paper's final-state readout the weights
 * pick the output at step len − 1: the forward state after the last frame and the backward state
 * after the first, as PyTorch's bidirectional {@code h_n} of a packed sequence; with the mean
 * readout they average the outputs over the sequence's steps. The two directions are concatenated
 * (forward first).
 *
 * <p>The token embedding, when there is one, is shared by both directions. Dropout is its own block
 * ({@link SeededDropout}) because a one-layer LSTM's own dropout does nothing.
 */
final class BiLstmNetwork extends AbstractBlock {

  private static final byte VERSION = 1;

  private final LstmInput input;
  private final int hiddenSize;
  private final int denseSize;
  private final IdEmbedding embedding;
  private final LSTM forwardLstm;
  private final LSTM backwardLstm;
  private final SeededDropout dropout;
  private final Linear dense;
  private final Linear output;

  /** The network of {@code settings}, its initial weights and dropout masks drawn from seed. */
  BiLstmNetwork(BiLstmSettings settings, long seed) {
    super(VERSION);
    this.input = settings.input();
    this.hiddenSize = settings.hiddenSize();
    this.denseSize = settings.denseSize();
    if (input instanceof LstmInput.RandomEmbedding random) {
      embedding =
          addChildBlock(
              "embedding",
              new IdEmbedding.Builder()
                  .setDictionarySize(random.vocabularySize())
                  .setEmbeddingSize(random.embeddingSize())
                  .build());
      setAll(embedding, SeededInitializer.normal(FitStreams.stream(seed, FitStreams.EMBEDDING), 1));
    } else if (input instanceof LstmInput.PretrainedEmbedding pretrained) {
      embedding =
          addChildBlock(
              "embedding",
              new IdEmbedding.Builder()
                  .setDictionarySize(pretrained.vocabularySize())
                  .setEmbeddingSize(pretrained.dimension())
                  .build());
      setAll(embedding, SeededInitializer.table(pretrained.rowMajor()));
      if (pretrained.frozen()) {
        embedding.freezeParameters(true);
      }
    } else {
      embedding = null;
    }
    double lstmBound = 1 / Math.sqrt(hiddenSize);
    forwardLstm = addChildBlock("forwardLstm", lstm(hiddenSize));
    setAll(
        forwardLstm,
        SeededInitializer.uniform(FitStreams.stream(seed, FitStreams.FORWARD_LSTM), lstmBound));
    backwardLstm = addChildBlock("backwardLstm", lstm(hiddenSize));
    setAll(
        backwardLstm,
        SeededInitializer.uniform(FitStreams.stream(seed, FitStreams.BACKWARD_LSTM), lstmBound));
    dropout =
        addChildBlock(
            "dropout",
            new SeededDropout(settings.dropout(), FitStreams.stream(seed, FitStreams.DROPOUT)));
    dense = addChildBlock("dense", Linear.builder().setUnits(denseSize).build());
    setAll(
        dense,
        SeededInitializer.uniform(
            FitStreams.stream(seed, FitStreams.DENSE), 1 / Math.sqrt(2.0 * hiddenSize)));
    output = addChildBlock("output", Linear.builder().setUnits(1).build());
    setAll(
        output,
        SeededInitializer.uniform(
            FitStreams.stream(seed, FitStreams.OUTPUT), 1 / Math.sqrt(denseSize)));
  }

  /** Shapes to initialise the network with: one sequence of one step. */
  Shape[] initialisationShapes() {
    Shape sequence = input.readsTokens() ? new Shape(1, 1) : new Shape(1, 1, input.features());
    return new Shape[] {sequence, sequence, new Shape(1, 1, 1)};
  }

  /** The token embedding, or null for AU input. */
  IdEmbedding embedding() {
    return embedding;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore parameterStore,
      NDList inputs,
      boolean training,
      PairList<String, Object> params) {
    NDArray forward = inputs.get(0);
    NDArray backward = inputs.get(1);
    NDArray weights = inputs.get(2);
    if (embedding != null) {
      forward = embedding.forward(parameterStore, new NDList(forward), training).head();
      backward = embedding.forward(parameterStore, new NDList(backward), training).head();
    }
    NDArray state =
        readout(forwardLstm, parameterStore, forward, weights, training)
            .concat(readout(backwardLstm, parameterStore, backward, weights, training), 1);
    state = dropout.forward(parameterStore, new NDList(state), training).head();
    NDArray hidden =
        Activation.relu(dense.forward(parameterStore, new NDList(state), training).head());
    return output.forward(parameterStore, new NDList(hidden), training);
  }

  /** The outputs of {@code lstm} summed over time with the readout's weights: (B, hidden). */
  private static NDArray readout(
      LSTM lstm,
      ParameterStore parameterStore,
      NDArray sequences,
      NDArray weights,
      boolean training) {
    NDArray outputs = lstm.forward(parameterStore, new NDList(sequences), training).head();
    return outputs.mul(weights).sum(new int[] {1});
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), 1)};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    long batch = inputShapes[0].get(0);
    long steps = inputShapes[0].get(1);
    if (embedding != null) {
      embedding.initialize(manager, dataType, new Shape(batch, steps));
    }
    Shape sequences = new Shape(new long[] {batch, steps, input.features()}, "NTC");
    forwardLstm.initialize(manager, dataType, sequences);
    backwardLstm.initialize(manager, dataType, sequences);
    Shape state = new Shape(batch, 2L * hiddenSize);
    dropout.initialize(manager, dataType, state);
    dense.initialize(manager, dataType, state);
    output.initialize(manager, dataType, new Shape(batch, denseSize));
  }

  private static LSTM lstm(int hiddenSize) {
    return LSTM.builder()
        .setStateSize(hiddenSize)
        .setNumLayers(1)
        .optBatchFirst(true)
        .optReturnState(false)
        .build();
  }

  private static void setAll(Block block, ai.djl.training.initializer.Initializer initializer) {
    block.setInitializer(initializer, parameter -> true);
  }
}
