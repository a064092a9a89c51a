package io.auglove.pipelines.output;

import io.auglove.pipelines.launch.DirectRunnerWait;
import io.auglove.pipelines.options.OutputOptions;
import java.io.IOException;
import java.util.function.Supplier;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileSystems;
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

  /** Whether the run is the DirectRunner's, waited for with {@link DirectRunnerWait}. */
  private final boolean direct;

  private StagedRun(PipelineResult result, StagedOutput output, boolean direct) {
    this.result = result;
    this.output = output;
    this.direct = direct;
  }

  /** Builds a pipeline that writes into a staged output's staging folder and publishes it. */
  @FunctionalInterface
  public interface Builder {
    Pipeline build(StagedOutput output) throws IOException;
  }

  /**
   * Takes the output of {@code options} (refusing an existing one without {@code --overwrite}, or
   * one another run is writing), builds the pipeline with {@code builder} and starts it; gives the
   * output up if building or running fails.
   *
   * @throws IllegalArgumentException with a one-line reason if the output or an option is bad
   */
  public static PipelineResult run(OutputOptions options, Builder builder) throws IOException {
    FileSystems.setDefaultPipelineOptions(options);
    StagedOutput output =
        StagedOutput.begin(options.getOutput(), options.getOverwrite(), StagedOutput.newRunId());
    Pipeline pipeline;
    try {
      pipeline = builder.build(output);
    } catch (IOException | RuntimeException e) {
      output.abort();
      throw e;
    }
    return start(pipeline, output, DirectRunnerWait.runsOn(options));
  }

  /**
   * The pipeline {@code builder} builds for the output of {@code options}, without touching any
   * file system: to inspect or translate it, not to run it.
   */
  public static Pipeline plan(OutputOptions options, Builder builder) throws IOException {
    return builder.build(
        StagedOutput.planned(options.getOutput(), options.getOverwrite(), StagedOutput.newRunId()));
  }

  /** Runs {@code pipeline}, which writes {@code output}; gives the output up if starting fails. */
  private static PipelineResult start(Pipeline pipeline, StagedOutput output, boolean direct) {
    try {
      return new StagedRun(pipeline.run(), output, direct);
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
    return settled(direct ? () -> DirectRunnerWait.waitFor(result) : result::waitUntilFinish);
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
