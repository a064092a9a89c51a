package io.auglove.transforms;

import static io.auglove.transforms.Tracks.atRate;
import static io.auglove.transforms.Tracks.frame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.auglove.transforms.records.FileReport;
import io.auglove.transforms.records.Frame;
import io.auglove.transforms.records.Track;
import io.auglove.transforms.records.TrackCoder;
import io.auglove.transforms.records.TrackId;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPipelineExtension.class)
class Downsample5fpsTest {

  private static List<Integer> frameNumbers(List<Frame> frames) {
    return frames.stream().map(Frame::frame).toList();
  }

  @Test
  void thirtyFpsKeepsEverySixthFrame() {
    // 0.000 0.033 0.067 0.100 0.133 0.167 0.200 ...: frame 6k sits on tick k.
    assertEquals(
        List.of(0, 6, 12, 18, 24, 30), frameNumbers(Downsample5fps.resample(atRate(30, 31))));
  }

  @Test
  void twentyFiveFpsKeepsEveryFifthFrame() {
    assertEquals(List.of(0, 5, 10, 15, 20), frameNumbers(Downsample5fps.resample(atRate(25, 23))));
  }

  @Test
  void ntscRateFollowsTheTicksAsTheFramesDrift() {
    // Frame i of 29.97 fps is at i/29.97 s, written to ms. Tick 0.2: frame 6 at 0.200. Tick 1.0:
    // frame 30 at
    // 1.001 (frame 29 is at 0.968). Tick 5.0: frame 150 at 5.005 (149: 4.972). Tick 5.2: frame 156
    // at 5.205
    // (155: 5.172). Tick 30.0: frame 899 at 29.997 (900: 30.030).
    List<Integer> kept = frameNumbers(Downsample5fps.resample(atRate(29.97, 901)));
    assertEquals(151, kept.size());
    assertEquals(6, kept.get(1));
    assertEquals(30, kept.get(5));
    assertEquals(150, kept.get(25));
    assertEquals(156, kept.get(26));
    assertEquals(899, kept.get(150));
  }

  @Test
  void sixtyFpsAndFifteenFps() {
    assertEquals(List.of(0, 12, 24), frameNumbers(Downsample5fps.resample(atRate(60, 30))));
    // 15 fps: 0.000 0.067 0.133 0.200 0.267 0.333 0.400: windows (-0.1,0.1], (0.1,0.3], (0.3,0.5].
    assertEquals(List.of(0, 3, 6), frameNumbers(Downsample5fps.resample(atRate(15, 7))));
  }

  @Test
  void tiesGoToTheEarlierFrameAndWindowEdgesBelongToTheEarlierTick() {
    // 0.1 is the upper edge of tick 0's window (-0.1, 0.1]: tick 0 keeps it. Tick 0.2's window
    // (0.1, 0.3] holds 0.15, 0.25 and 0.3: 0.15 and 0.25 are equally near, the earlier wins, and
    // 0.3
    // (the window's upper edge) is not also a candidate for tick 0.4, whose window holds only 0.5.
    List<Frame> frames =
        List.of(frame(1, 0.1), frame(2, 0.15), frame(3, 0.25), frame(4, 0.3), frame(5, 0.5));
    assertEquals(List.of(1, 2, 5), frameNumbers(Downsample5fps.resample(frames)));
  }

  @Test
  void ticksWithoutFramesKeepNone() {
    List<Frame> frames = List.of(frame(1, 0.0), frame(2, 0.71), frame(3, 1.19));
    // 0.71 falls in tick 0.8's window (0.7, 0.9]; ticks 0.2..0.6 and 1.0 are empty; 1.19 belongs to
    // tick 1.2.
    assertEquals(List.of(1, 2, 3), frameNumbers(Downsample5fps.resample(frames)));
  }

  @Test
  void gapsLongerThanTheLimitSplitTheTrack() {
    List<Frame> frames = new ArrayList<>(List.of(frame(1, 0.0), frame(2, 0.2), frame(3, 2.2)));
    frames.add(frame(4, 4.21));
    // 0.2 -> 2.2 is exactly 2 s (not longer): same sequence; 2.2 -> 4.21 is 2.01 s: a new one.
    List<List<Frame>> segments = Downsample5fps.splitAtGaps(frames, 2.0);
    assertEquals(2, segments.size());
    assertEquals(List.of(1, 2, 3), frameNumbers(segments.get(0)));
    assertEquals(List.of(4), frameNumbers(segments.get(1)));
  }

  @Test
  void transformSplitsResamplesAndReports(TestPipeline pipeline) {
    // 0.00 .. 0.36 at 25 fps: tick 0 -> frame 0, tick 0.2 -> frame 5, tick 0.4 (0.3, 0.5] -> 0.36,
    // frame 9.
    List<Frame> frames = new ArrayList<>(atRate(25, 10));
    frames.add(frame(100, 3.0)); // 2.64 s after 0.36: a second sequence
    frames.add(frame(101, 3.04));
    Track track = Tracks.track("/d/v.csv", frames);

    PCollectionTuple out = pipeline.apply(Create.of(track)).apply(Downsample5fps.create());

    TrackId first = TrackId.of("/d/v.csv", "v", 0, 0);
    PAssert.that(out.get(Downsample5fps.tracksTag()))
        .containsInAnyOrder(
            Track.of(first, List.of(frames.get(0), frames.get(5), frames.get(9))),
            Track.of(first.withSegment(1), List.of(frames.get(10))));
    PAssert.that(out.get(Downsample5fps.reportsTag()))
        .containsInAnyOrder(FileReport.downsampling("/d/v.csv", 2, 4, 8));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void emptyInputGivesEmptyOutputs(TestPipeline pipeline) {
    PCollectionTuple out =
        pipeline.apply(Create.empty(TrackCoder.of())).apply(Downsample5fps.create());

    PAssert.that(out.get(Downsample5fps.tracksTag())).empty();
    PAssert.that(out.get(Downsample5fps.reportsTag())).empty();
    pipeline.run().waitUntilFinish();
  }

  @Test
  void refusesAGapLimitShorterThanOneTick() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Downsample5fps.create().withMaxGapSeconds(0.1));
    assertEquals(
        "maxGapSeconds must be a finite number of seconds >= 0.2, got 0.1", e.getMessage());
  }
}
