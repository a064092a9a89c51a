package io.auglove.models.lstm;

import static com.google.common.base.Preconditions.checkArgument;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.auglove.models.ActionUnits;
import java.util.Arrays;
import java.util.List;

/**
 * The network's three inputs for a batch of sequences of different lengths, built on the host and
 * padded at the end to the longest, T:
 *
 * <ol>
 *   <li>the sequences in time order, (B, T, 17) AUs or (B, T) token ids;
 *   <li>each sequence reversed within its own length (its last frame first), then padded: the
 *       backward LSTM reads real frames from its first step, as the forward one does;
 *   <li>(B, T, 1) readout weights over each sequence's steps, 0 on padding: for {@link
 *       Readout#FINAL_STATE} 1 on its last real step, len − 1; for {@link Readout#MEAN} 1/len on
 *       each of its steps 0..len − 1.
 * </ol>
 *
 * <p>At every step up to len − 1 both LSTMs have read only the sequence's own frames, so the
 * weighted outputs do not depend on the padding (zeros, token id 0), nor on the other sequences of
 * the batch.
 */
final class PaddedBatch {

  private PaddedBatch() {}

  /** The three inputs of {@code sequences} for {@code readout}, created in {@code manager}. */
  static NDList inputs(NDManager manager, List<EncodedSequence> sequences, Readout readout) {
    checkArgument(!sequences.isEmpty(), "lstm: an empty batch");
    int batch = sequences.size();
    int steps = 0;
    for (EncodedSequence sequence : sequences) {
      steps = Math.max(steps, sequence.length());
    }
    float[] weights = new float[batch * steps];
    for (int b = 0; b < batch; b++) {
      int length = sequences.get(b).length();
      if (readout == Readout.FINAL_STATE) {
        weights[b * steps + length - 1] = 1f;
      } else {
        Arrays.fill(weights, b * steps, b * steps + length, 1f / length);
      }
    }
    NDList inputs =
        sequences.get(0).tokenIds() != null
            ? tokenIds(manager, sequences, steps)
            : aus(manager, sequences, steps);
    inputs.add(manager.create(weights, new Shape(batch, steps, 1)));
    return inputs;
  }

  private static NDList aus(NDManager manager, List<EncodedSequence> sequences, int steps) {
    int batch = sequences.size();
    int f = ActionUnits.COUNT;
    float[] forward = new float[batch * steps * f];
    float[] backward = new float[batch * steps * f];
    for (int b = 0; b < batch; b++) {
      EncodedSequence sequence = sequences.get(b);
      int length = sequence.length();
      int offset = b * steps * f;
      System.arraycopy(sequence.aus(), 0, forward, offset, length * f);
      for (int t = 0; t < length; t++) {
        System.arraycopy(sequence.aus(), (length - 1 - t) * f, backward, offset + t * f, f);
      }
    }
    Shape shape = new Shape(batch, steps, f);
    return new NDList(manager.create(forward, shape), manager.create(backward, shape));
  }

  private static NDList tokenIds(NDManager manager, List<EncodedSequence> sequences, int steps) {
    int batch = sequences.size();
    int[] forward = new int[batch * steps];
    int[] backward = new int[batch * steps];
    for (int b = 0; b < batch; b++) {
      EncodedSequence sequence = sequences.get(b);
      int length = sequence.length();
      System.arraycopy(sequence.tokenIds(), 0, forward, b * steps, length);
      for (int t = 0; t < length; t++) {
        backward[b * steps + t] = sequence.tokenIds()[length - 1 - t];
      }
    }
    Shape shape = new Shape(batch, steps);
    return new NDList(manager.create(forward, shape), manager.create(backward, shape));
  }
}
