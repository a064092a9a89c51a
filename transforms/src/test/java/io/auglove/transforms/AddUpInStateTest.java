package io.auglove.transforms;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Max;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.PCollection;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPipelineExtension.class)
class AddUpInStateTest {

  @Test
  void addsEveryElementOnceAndGivesTheEmptyCombinationForNoElements(TestPipeline pipeline) {
    List<Integer> thousand = IntStream.rangeClosed(1, 1000).boxed().toList();
    PCollection<Integer> numbers = pipeline.apply("Numbers", Create.of(thousand));
    PCollection<Integer> nothing = pipeline.apply("Nothing", Create.empty(VarIntCoder.of()));

    // 1 + 2 + ... + 1000, by hand: 1000 * 1001 / 2
    PAssert.thatSingleton(numbers.apply("SumAll", AddUpInState.of(Sum.ofIntegers())))
        .isEqualTo(500_500);
    PAssert.thatSingleton(nothing.apply("SumNone", AddUpInState.of(Sum.ofIntegers()))).isEqualTo(0);
    // The placeholder never reaches the combination: unboxing a null would fail this one.
    PAssert.thatSingleton(numbers.apply("Largest", AddUpInState.of(Max.ofIntegers())))
        .isEqualTo(1000);
    pipeline.run().waitUntilFinish();
  }

  @Test
  void refusesACollectionInOtherWindows(TestPipeline pipeline) {
    PCollection<Integer> windowed =
        pipeline
            .apply(Create.of(1, 2, 3))
            .apply(Window.into(FixedWindows.of(Duration.standardMinutes(1))));

    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () -> windowed.apply(AddUpInState.of(Sum.ofIntegers())));
    assertTrue(refused.getMessage().contains("global window"), refused.getMessage());
    pipeline.enableAbandonedNodeEnforcement(false);
  }
}
