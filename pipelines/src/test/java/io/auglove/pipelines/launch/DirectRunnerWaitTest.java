package io.auglove.pipelines.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.CrashingRunner;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.junit.jupiter.api.Test;

class DirectRunnerWaitTest {

  @Test
  void aRunThatSucceedsEndsDone() {
    PipelineResult result = numbersThrough(new PassOnFn(), false).run();
    assertEquals(PipelineResult.State.DONE, DirectRunnerWait.waitFor(result));
    assertEquals(PipelineResult.State.DONE, result.getState());
  }

  @Test
  void aRunThatFailsThrowsItsStepsException() {
    PipelineResult result = numbersThrough(new RefuseTwoFn(), false).run();
    Pipeline.PipelineExecutionException thrown =
        assertThrows(
            Pipeline.PipelineExecutionException.class, () -> DirectRunnerWait.waitFor(result));
    assertEquals("2 is refused", thrown.getCause().getMessage());
    assertEquals(IllegalArgumentException.class, thrown.getCause().getClass());
  }

  @Test
  void aRunThatBlockedUntilItEndedIsDoneAtOnce() {
    PipelineResult result = numbersThrough(new PassOnFn(), true).run();
    assertEquals(PipelineResult.State.DONE, DirectRunnerWait.waitFor(result));
  }

  @Test
  void onlyTheDirectRunnersRunsAreWaitedForThisWay() {
    DirectOptions options = PipelineOptionsFactory.as(DirectOptions.class);
    options.setRunner(DirectRunner.class);
    assertTrue(DirectRunnerWait.runsOn(options));
    options.setRunner(CrashingRunner.class);
    assertFalse(DirectRunnerWait.runsOn(options));
  }

  /** 1, 2 and 3 through {@code fn} on the DirectRunner. */
  private static Pipeline numbersThrough(DoFn<Integer, Integer> fn, boolean blockOnRun) {
    DirectOptions options = PipelineOptionsFactory.as(DirectOptions.class);
    options.setRunner(DirectRunner.class);
    options.setBlockOnRun(blockOnRun);
    Pipeline pipeline = Pipeline.create(options);
    pipeline.apply(Create.of(1, 2, 3)).apply(ParDo.of(fn));
    return pipeline;
  }

  private static final class PassOnFn extends DoFn<Integer, Integer> {
    @ProcessElement
    public void process(@Element Integer number, OutputReceiver<Integer> out) {
      out.output(number);
    }
  }

  private static final class RefuseTwoFn extends DoFn<Integer, Integer> {
    @ProcessElement
    public void process(@Element Integer number, OutputReceiver<Integer> out) {
      if (number == 2) {
        throw new IllegalArgumentException("2 is refused");
      }
      out.output(number);
    }
  }
}
