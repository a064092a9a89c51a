package io.auglove.models.lstm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;
import java.util.Random;

/**
 * Initial parameter values drawn on the host from a seeded {@link Random}, not from the engine's
 * global generator: the same seed gives the same network whatever else runs in the process, and
 * concurrent fits do not disturb each other's draws.
 *
 * <p>The distributions are PyTorch's defaults, so that the network starts as the same model built
 * with {@code torch.nn} would: LSTM weights and biases uniform in ±1/√hidden, dense weights and
 * biases uniform in ±1/√fan-in, random embeddings N(0, 1). One instance serves the parameters of
 * one block, which DJL initialises in a fixed order.
 */
final class SeededInitializer implements Initializer {

  private final Random random;
  private final double bound;
  private final boolean normal;

  private SeededInitializer(long seed, double bound, boolean normal) {
    this.random = new Random(seed);
    this.bound = bound;
    this.normal = normal;
  }

  /** Values uniform in [−bound, bound). */
  static SeededInitializer uniform(long seed, double bound) {
    return new SeededInitializer(seed, bound, false);
  }

  /** Values N(0, sd²). */
  static SeededInitializer normal(long seed, double sd) {
    return new SeededInitializer(seed, sd, true);
  }

  /** The values of a row-major table whose shape the parameter must have. */
  static Initializer table(float[] rowMajor) {
    return (manager, shape, dataType) -> {
      if (shape.size() != rowMajor.length) {
        throw new IllegalArgumentException(
            "lstm: a table of " + rowMajor.length + " values cannot initialise " + shape);
      }
      return manager.create(rowMajor.clone(), shape).toType(dataType, false);
    };
  }

  @Override
  public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
    float[] values = new float[Math.toIntExact(shape.size())];
    synchronized (random) {
      for (int i = 0; i < values.length; i++) {
        values[i] =
            (float)
                (normal ? random.nextGaussian() * bound : (2 * random.nextDouble() - 1) * bound);
      }
    }
    return manager.create(values, shape).toType(dataType, false);
  }
}
