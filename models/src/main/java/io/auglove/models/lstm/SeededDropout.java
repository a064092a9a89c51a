package io.auglove.models.lstm;

import static com.google.common.base.Preconditions.checkArgument;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Random;

/**
 * Inverted dropout whose masks come from a seeded {@link Random} on the host: in training each
 * value is zeroed with probability {@code rate} and the rest scaled by 1 / (1 − rate); in inference
 * the input passes unchanged.
 *
 * <p>DJL's {@code Dropout} draws its masks from the engine's global generator, which every model in
 * the process shares; drawing here keeps a fit reproducible from its own seed. The masks are small
 * (batch × 64 values), so building them on the host costs nothing measurable.
 */
final class SeededDropout extends AbstractBlock {

  private static final byte VERSION = 1;

  private final float rate;
  private final Random random;

  SeededDropout(double rate, long seed) {
    super(VERSION);
    checkArgument(rate >= 0 && rate < 1, "lstm: dropout must be in [0, 1), got %s", rate);
    this.rate = (float) rate;
    this.random = new Random(seed);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore parameterStore,
      NDList inputs,
      boolean training,
      PairList<String, Object> params) {
    NDArray input = inputs.singletonOrThrow();
    if (!training || rate == 0) {
      return new NDList(input);
    }
    float[] mask = new float[Math.toIntExact(input.size())];
    float kept = 1 / (1 - rate);
    synchronized (random) {
      for (int i = 0; i < mask.length; i++) {
        mask[i] = random.nextFloat() < rate ? 0f : kept;
      }
    }
    NDArray maskArray = input.getManager().create(mask, input.getShape());
    return new NDList(input.mul(maskArray));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }
}
