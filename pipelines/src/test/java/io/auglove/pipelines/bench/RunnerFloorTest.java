package io.auglove.pipelines.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;

class RunnerFloorTest {

  private static final PipelineOptions OPTIONS = PipelineOptionsFactory.create();

  @Test
  void eachStepOfTheChainIsOnePrimitiveStep() {
    int none = RunnerFloor.primitiveSteps(RunnerFloor.chain(OPTIONS, 0).getPipeline());
    assertEquals(none + 7, RunnerFloor.primitiveSteps(RunnerFloor.chain(OPTIONS, 7).getPipeline()));
  }

  @Test
  void compositesCountAsTheStepsTheyExpandTo() {
    int none = RunnerFloor.primitiveSteps(RunnerFloor.chain(OPTIONS, 0).getPipeline());
    PCollection<Integer> numbers = RunnerFloor.chain(OPTIONS, 0);
    // MapElements is a composite of one ParDo
    numbers.apply("Twice", MapElements.into(TypeDescriptors.integers()).via((Integer x) -> 2 * x));
    assertEquals(none + 1, RunnerFloor.primitiveSteps(numbers.getPipeline()));
  }

  @Test
  void theChainPassesItsNumbersOnUnchanged() {
    PCollection<Integer> last = RunnerFloor.chain(OPTIONS, 5);
    PAssert.that(last).containsInAnyOrder(1, 2, 3);
    assertEquals(PipelineResult.State.DONE, last.getPipeline().run().waitUntilFinish());
  }
}
