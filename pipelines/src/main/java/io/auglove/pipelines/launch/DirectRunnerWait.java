package io.auglove.pipelines.launch;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Waits for a run on the DirectRunner as soon as it ends. The DirectRunner's own wait learns of a
 * failure at once but of a success only at its next poll, 25 ms apart (nothing wakes it then): a
 * quarter of a small run's time. Started without blocking ({@code --blockOnRun=false}, which the
 * command line gives it), a run is waited for here: the runner's wait still runs, in a thread of
 * its own, to pass on a failure's exception, while the calling thread reads the run's state every
 * millisecond.
 */
public final class DirectRunnerWait {

  /** The DirectRunner's class name: the pipelines do not depend on its jar. */
  public static final String RUNNER = "org.apache.beam.runners.direct.DirectRunner";

  private static final long READ_EVERY_MILLIS = 1;

  private DirectRunnerWait() {}

  /** Whether {@code options} run on the DirectRunner. */
  public static boolean runsOn(PipelineOptions options) {
    return options.getRunner().getName().equals(RUNNER);
  }

  /**
   * The state {@code result}, a DirectRunner's, ends in.
   *
   * @throws RuntimeException what the runner's own wait throws: the pipeline's failure
   */
  public static PipelineResult.State waitFor(PipelineResult result) {
    FutureTask<PipelineResult.State> runnersWait = new FutureTask<>(result::waitUntilFinish);
    Thread waiter = new Thread(runnersWait, "direct-runner-wait");
    waiter.setDaemon(true); // on success it ends at its next poll, after this thread has gone on
    waiter.start();
    try {
      // The state is read only once the waiter is inside the runner's wait (polling, so timed):
      // the result keeps the first end state it is asked for, and a failure's state read earlier
      // would make the waiter return it without the exception.
      while (!runnersWait.isDone() && waiter.getState() != Thread.State.TIMED_WAITING) {
        Thread.sleep(0, 100_000);
      }
      while (!runnersWait.isDone()) {
        if (result.getState() == PipelineResult.State.DONE) {
          return PipelineResult.State.DONE;
        }
        Thread.sleep(READ_EVERY_MILLIS);
      }
      return runnersWait.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the pipeline", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error cause) {
        throw cause;
      }
      throw new IllegalStateException("waiting for the pipeline failed", e.getCause());
    }
  }
}
