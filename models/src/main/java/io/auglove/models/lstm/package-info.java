/**
 * The paper's LSTM models (Section IV-B): a bidirectional LSTM with hidden size 32 each way,
 * dropout 0.4 on its final state, a dense layer of 64 ReLU units and one output, trained by Adam on
 * targets scaled to [-1, 1], over raw AUs, randomly initialised label embeddings or pretrained
 * GloVe embeddings ({@link io.auglove.models.lstm.LstmInput}).
 *
 * <p>The bidirectional layer is two forward DJL LSTMs, the second reading each sequence reversed
 * within its own length, because DJL 0.36's bidirectional LSTM fails on the PyTorch engine. The
 * entry point is {@link io.auglove.models.lstm.BiLstmRegressor}.
 */
package io.auglove.models.lstm;
