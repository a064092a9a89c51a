package io.auglove.pipelines.launch;

import org.apache.beam.sdk.PipelineResult;

/** What every pipeline's {@code main} does once its pipeline is started. */
public final class Launch {

  private Launch() {}

  /**
   * Waits for {@code result}; a run that did not end {@code DONE} is an error.
   *
   * @throws IllegalStateException naming the state the run ended in
   */
  public static void finish(PipelineResult result) {
    PipelineResult.State state = result.waitUntilFinish();
    if (state != PipelineResult.State.DONE) {
      throw new IllegalStateException("the pipeline ended " + state);
    }
  }
}
