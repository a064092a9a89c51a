package io.auglove.models.lstm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.List;

/** The network's outputs for many sequences, in inference mode (dropout off), batch by batch. */
final class Inference {

  private Inference() {}

  /**
   * The network's output for each sequence read with {@code readout}, in order, on the [-1, 1]
   * target scale; batches of {@code batchSize} consecutive sequences, each batch's arrays freed
   * before the next.
   */
  static float[] outputs(
      Block network,
      ParameterStore parameterStore,
      NDManager manager,
      List<EncodedSequence> sequences,
      Readout readout,
      int batchSize) {
    float[] outputs = new float[sequences.size()];
    for (int start = 0; start < sequences.size(); start += batchSize) {
      List<EncodedSequence> batch =
          sequences.subList(start, Math.min(sequences.size(), start + batchSize));
      try (NDManager scope = manager.newSubManager()) {
        NDList inputs = PaddedBatch.inputs(scope, batch, readout);
        NDArray output = network.forward(parameterStore, inputs, false).singletonOrThrow();
        float[] values = output.toFloatArray();
        System.arraycopy(values, 0, outputs, start, values.length);
      }
    }
    return outputs;
  }

  /** Mean squared difference of {@code outputs} and {@code targets}, summed in double. */
  static double meanSquaredError(float[] outputs, float[] targets) {
    double sum = 0;
    for (int i = 0; i < outputs.length; i++) {
      double difference = (double) outputs[i] - targets[i];
      sum += difference * difference;
    }
    return sum / outputs.length;
  }
}
