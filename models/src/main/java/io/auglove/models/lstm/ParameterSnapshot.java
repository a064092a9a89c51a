package io.auglove.models.lstm;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A host copy of a network's parameter values, to put back later: early stopping keeps the best
 * epoch's parameters this way while training goes on. The network is small (about 20,000 values,
 * plus V × d for an embedding), so a copy per improving epoch is cheap.
 */
final class ParameterSnapshot {

  private final Map<String, float[]> values;

  private ParameterSnapshot(Map<String, float[]> values) {
    this.values = values;
  }

  /** The current values of {@code block}'s parameters. */
  static ParameterSnapshot of(Block block) {
    Map<String, float[]> values = new LinkedHashMap<>();
    for (Pair<String, Parameter> pair : block.getParameters()) {
      values.put(pair.getKey(), pair.getValue().getArray().toFloatArray());
    }
    return new ParameterSnapshot(values);
  }

  /** Writes the copied values back into {@code block}'s parameters, in place. */
  void restore(Block block) {
    for (Pair<String, Parameter> pair : block.getParameters()) {
      float[] saved = values.get(pair.getKey());
      if (saved == null) {
        throw new IllegalStateException("lstm: no saved value for parameter " + pair.getKey());
      }
      pair.getValue().getArray().set(FloatBuffer.wrap(saved));
    }
  }
}
