package io.auglove.pipelines.output;

import java.io.IOException;
import java.util.function.Supplier;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricResults;
import org.joda.time.Duration;

/**
 * A run of a pipeline that writes a {@link StagedOutput}: when the run fails or is cancelled, as
 * its runner reports it (a runner that blocks throws from {@code run()}; one that does not reports
 * a final state other than {@code DONE}), the staging folder is given up and the lock released. The
 * pipeline publishes the output itself, as its last step, when it succeeds.
 */
public final class StagedRun implements PipelineResult {

  private final PipelineResult result;
  private final StagedOutput output;

  private StagedRun(PipelineResult result, StagedOutput output) {
    this.result = result;
    this.output = output;
  }

  /** Runs {@code pipeline}, which writes {@code output}; gives the output up if starting fails. */
  public static PipelineResult start(Pipeline pipeline, StagedOutput output) {
    try {
      return new StagedRun(pipeline.run(), output);
    } catch (RuntimeException e) {
      output.abort();
      throw e;
    }
  }

  @Override
  public State getState() {
    return result.getState();
  }

  @Override
  public State cancel() throws IOException {
    State state = result.cancel();
    output.abort();
    return state;
  }

  @Override
  public State waitUntilFinish(Duration duration) {
    return settled(() -> result.waitUntilFinish(duration));
  }

  @Override
  public State waitUntilFinish() {
    return settled(result::waitUntilFinish);
  }

  @Override
  public MetricResults metrics() {
    return result.metrics();
  }

  private State settled(Supplier<State> wait) {
    State state;
    try {
      state = wait.get();
    } catch (RuntimeException e) {
      output.abort();
      throw e;
    }
    if (state != null && state.isTerminal() && state != State.DONE) {
      output.abort();
    }
    return state;
  }
}
