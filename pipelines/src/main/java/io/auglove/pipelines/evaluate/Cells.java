package io.auglove.pipelines.evaluate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The scored cells of an evaluation, by protocol, model and target. */
final class Cells {

  private final Map<String, CellScore> byKey = new HashMap<>();

  Cells(List<CellScore> cells) {
    for (CellScore cell : cells) {
      byKey.put(key(cell.protocol(), cell.model(), cell.target()), cell);
    }
  }

  /** The cell, or null if no training of it ran. */
  CellScore get(Protocol protocol, String model, String target) {
    return byKey.get(key(protocol, model, target));
  }

  private static String key(Protocol protocol, String model, String target) {
    return protocol.label() + "/" + model + "/" + target;
  }
}
