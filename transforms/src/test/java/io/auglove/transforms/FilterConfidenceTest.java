package io.auglove.transforms;

import static io.auglove.transforms.Tracks.frame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.auglove.transforms.records.FileReport;
import io.auglove.transforms.records.Frame;
import io.auglove.transforms.records.Track;
import io.auglove.transforms.records.TrackCoder;
import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPipelineExtension.class)
class FilterConfidenceTest {

  private final Frame good = frame(1, 0.0, 0.98, true, 1f);
  private final Frame atThreshold = frame(2, 0.04, 0.90, true, 2f);
  private final Frame low = frame(3, 0.08, 0.89, true, 3f);
  // success = 0 with a high confidence and AUs that were not zeroed, as in real OpenFace output.
  private final Frame lost = frame(4, 0.12, 0.95, false, 1.39f);
  private final Frame lostAndLow = frame(5, 0.16, 0.03, false, 0f);

  @Test
  void keepsConfidentTrackedFramesAndCountsTheOthersByReason(TestPipeline pipeline) {
    Track track = Tracks.track("/d/a.csv", List.of(good, atThreshold, low, lost, lostAndLow));

    PCollectionTuple out = pipeline.apply(Create.of(track)).apply(FilterConfidence.create());

    PAssert.that(out.get(FilterConfidence.tracksTag()))
        .containsInAnyOrder(Track.of(track.id(), List.of(good, atThreshold)));
    PAssert.that(out.get(FilterConfidence.reportsTag()))
        .containsInAnyOrder(FileReport.filtering("/d/a.csv", 1, 2));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void thresholdIsConfigurableAndEmptyTracksAreDropped(TestPipeline pipeline) {
    Track lowOnly = Tracks.track("/d/low.csv", List.of(low));
    Track both = Tracks.track("/d/both.csv", List.of(good, low));

    PCollectionTuple out =
        pipeline.apply(Create.of(lowOnly, both)).apply(FilterConfidence.atLeast(0.95));

    PAssert.that(out.get(FilterConfidence.tracksTag()))
        .containsInAnyOrder(Track.of(both.id(), List.of(good)));
    PAssert.that(out.get(FilterConfidence.reportsTag()))
        .containsInAnyOrder(
            FileReport.filtering("/d/low.csv", 1, 0), FileReport.filtering("/d/both.csv", 1, 0));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void emptyInputGivesEmptyOutputs(TestPipeline pipeline) {
    PCollectionTuple out =
        pipeline.apply(Create.empty(TrackCoder.of())).apply(FilterConfidence.create());

    PAssert.that(out.get(FilterConfidence.tracksTag())).empty();
    PAssert.that(out.get(FilterConfidence.reportsTag())).empty();
    pipeline.run().waitUntilFinish();
  }

  @Test
  void refusesAThresholdOutsideZeroToOne() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FilterConfidence.atLeast(1.5));
    assertEquals("minConfidence must be within 0..1, got 1.5", e.getMessage());
  }
}
