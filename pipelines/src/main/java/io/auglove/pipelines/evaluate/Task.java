package io.auglove.pipelines.evaluate;

/**
 * One training of the evaluation grid: a model on a target, for one cross-validation fold or one
 * restart on the fixed split.
 */
public record Task(Protocol protocol, String model, String target, int index) {

  /** The cell of the result tables it belongs to. */
  public String cell() {
    return protocol.label() + "/" + model + "/" + target;
  }

  @Override
  public String toString() {
    return model
        + " on "
        + target
        + (protocol == Protocol.CV ? ", fold " : ", restart ")
        + (index + 1);
  }
}
