package io.auglove.pipelines.launch;

import org.apache.beam.sdk.PipelineResult;

/** What every pipeline's {@code main} does once its pipeline is started. */
public final class Launch {

  /** What to do when the heap ran out. */
  public static final String MORE_MEMORY =
      "give the JVM more heap (AUGLOVE_JAVA_OPTS=-Xmx8g), read smaller chunks on the DirectRunner"
          + " (--readChunkMegabytes=256, about 120 MB of frames each) or run on the embedded Flink"
          + " cluster (--runner=FlinkRunner --flinkMaster=[local])";

  private Launch() {}

  /**
   * Waits for {@code result}; a run that did not end {@code DONE} is an error.
   *
   * @throws IllegalStateException naming the state the run ended in
   */
  public static void finish(PipelineResult result) {
    PipelineResult.State state = result.waitUntilFinish();
    if (state == PipelineResult.State.RUNNING) {
      // The DirectRunner gives up this way when a worker thread dies of an Error it did not pass
      // on.
      throw new IllegalStateException(
          "the runner stopped with the pipeline unfinished: a worker failed outside the pipeline's"
              + " code, as when the heap runs out; the log above says how (for an"
              + " OutOfMemoryError: "
              + MORE_MEMORY
              + ")");
    }
    if (state != PipelineResult.State.DONE) {
      throw new IllegalStateException("the pipeline ended " + state);
    }
  }
}
