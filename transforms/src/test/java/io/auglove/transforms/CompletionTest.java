package io.auglove.transforms;

import java.util.List;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPipelineExtension.class)
class CompletionTest {

  @Test
  void completionGivesItsNameOnceWhateverTheCollectionsHold(TestPipeline pipeline) {
    PCollection<Integer> many = pipeline.apply("Many", Create.of(1, 2, 3, 4, 5));
    PCollection<String> none = pipeline.apply("None", Create.empty(StringUtf8Coder.of()));

    PAssert.that(Completion.after("Done", many, none)).containsInAnyOrder("Done");
    PAssert.that(Completion.after("EmptyDone", none, null)).containsInAnyOrder("EmptyDone");
    PAssert.that(Completion.integersAfter("Values", List.of(25, 50), many, null))
        .containsInAnyOrder(25, 50);
    pipeline.run().waitUntilFinish();
  }

  @Test
  void combineAllGivesOneCombinationAndTheEmptyOneForNoElements(TestPipeline pipeline) {
    PCollection<Integer> numbers = pipeline.apply("Numbers", Create.of(1, 2, 3, 4, 5));
    PCollection<Integer> nothing = pipeline.apply("Nothing", Create.empty(VarIntCoder.of()));

    PAssert.thatSingleton(numbers.apply("SumAll", CombineAll.of(Sum.ofIntegers()))).isEqualTo(15);
    PAssert.thatSingleton(nothing.apply("SumNone", CombineAll.of(Sum.ofIntegers()))).isEqualTo(0);
    // The placeholder never reaches the combination: a null would fail this one.
    PAssert.thatSingleton(numbers.apply("Largest", CombineAll.of(new Largest()))).isEqualTo(5);
    pipeline.run().waitUntilFinish();
  }

  /** The largest element, failing on a null. */
  private static final class Largest extends Combine.BinaryCombineIntegerFn {
    @Override
    public int apply(int left, int right) {
      return Math.max(left, right);
    }

    @Override
    public int identity() {
      return Integer.MIN_VALUE;
    }
  }
}
