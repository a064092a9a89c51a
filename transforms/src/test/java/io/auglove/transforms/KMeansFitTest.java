package io.auglove.transforms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.base.Throwables;
import io.auglove.models.ActionUnits;
import io.auglove.transforms.records.Frame;
import io.auglove.transforms.records.Track;
import io.auglove.transforms.records.TrackId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPipelineExtension.class)
class KMeansFitTest {

  /** Two tracks: frames near all-1 and near all-4 (AU values 1 +- 0.1 and 4 +- 0.1). */
  private static List<Track> twoGroups() {
    List<Track> tracks = new ArrayList<>();
    Random random = new Random(3);
    for (int t = 0; t < 4; t++) {
      List<Frame> frames = new ArrayList<>();
      for (int i = 0; i < 25; i++) {
        float[] aus = new float[ActionUnits.COUNT];
        float centre = i % 2 == 0 ? 1f : 4f;
        for (int a = 0; a < aus.length; a++) {
          aus[a] = centre + (float) (random.nextDouble() * 0.2 - 0.1);
        }
        frames.add(Frame.of(i, i * 0.2, 0.98f, true, aus));
      }
      tracks.add(Track.of(TrackId.of("/d/t" + t + ".csv", "t" + t, 0, 0), frames));
    }
    return tracks;
  }

  @Test
  void fitsEachKAndFindsTheTwoGroups(TestPipeline pipeline) {
    PCollection<KMeansFit.Fit> fits =
        pipeline.apply(Create.of(twoGroups())).apply(KMeansFit.forK(List.of(1, 2)).withSeed(7));

    PAssert.that(fits)
        .satisfies(
            all -> {
              List<KMeansFit.Fit> list = new ArrayList<>();
              all.forEach(list::add);
              list.sort((a, b) -> Integer.compare(a.k(), b.k()));
              assertEquals(2, list.size());
              KMeansFit.Fit two = list.get(1);
              assertEquals(100, two.frames());
              // Per track 13 even frames (near 1) and 12 odd ones (near 4).
              assertEquals(List.of(48L, 52L), two.clusterSizes().stream().sorted().toList());
              float low = Math.min(two.centroids().value(0, 0), two.centroids().value(1, 0));
              float high = Math.max(two.centroids().value(0, 0), two.centroids().value(1, 0));
              assertEquals(1.0, low, 0.05);
              assertEquals(4.0, high, 0.05);
              // One cluster: every frame is about sqrt(17 x 1.5^2) = 6.2 from the mean at 2.5.
              assertEquals(6.18, list.get(0).meanDistance(), 0.05);
              assertTrue(two.meanDistance() < 0.3, "mean distance " + two.meanDistance());
              assertTrue(two.converged());
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void theSameSeedGivesTheSameCentresWhateverTheInputOrder(TestPipeline pipeline) {
    List<Track> tracks = twoGroups();
    List<Track> shuffled = new ArrayList<>(tracks);
    Collections.shuffle(shuffled, new Random(1));
    PCollection<String> first =
        pipeline
            .apply("Ordered", Create.of(tracks))
            .apply("FitOrdered", KMeansFit.forK(List.of(3)).withSeed(11))
            .apply(
                "CentresOrdered",
                MapElements.into(TypeDescriptors.strings()).via(KMeansFitTest::describe));
    PCollection<String> second =
        pipeline
            .apply("Shuffled", Create.of(shuffled))
            .apply("FitShuffled", KMeansFit.forK(List.of(3)).withSeed(11))
            .apply(
                "CentresShuffled",
                MapElements.into(TypeDescriptors.strings()).via(KMeansFitTest::describe));

    PAssert.thatSingleton(first).isEqualTo(centresOf(tracks, 3, 11));
    PAssert.thatSingleton(second).isEqualTo(centresOf(tracks, 3, 11));
    pipeline.run().waitUntilFinish();
  }

  /** The fit computed directly on the frames in track-id order. */
  private static String centresOf(List<Track> tracks, int k, long seed) {
    float[] frames = KMeansFit.FitFn.gather(blocks(tracks), 0, seed);
    var result =
        io.auglove.models.kmeans.KMeans.builder()
            .setK(k)
            .optSeed(seed)
            .build()
            .fit(frames, frames.length / ActionUnits.COUNT, ActionUnits.COUNT);
    return java.util.Arrays.toString(result.centroids().toRowMajor()) + " " + result.inertia();
  }

  private static String describe(KMeansFit.Fit fit) {
    return java.util.Arrays.toString(fit.centroids().toRowMajor()) + " " + fit.inertia();
  }

  private static List<KMeansFit.Block> blocks(List<Track> tracks) {
    List<KMeansFit.Block> blocks = new ArrayList<>();
    for (Track track : tracks) {
      blocks.add(new KMeansFit.Block(track.id(), track.intensityMatrix()));
    }
    return blocks;
  }

  @Test
  void gatheringOrdersByTrackIdAndSubsamplesDeterministically() {
    List<Track> tracks = twoGroups();
    List<KMeansFit.Block> reversed = blocks(tracks);
    Collections.reverse(reversed);

    float[] all = KMeansFit.FitFn.gather(reversed, 0, 0);
    assertArrayEquals(tracks.get(0).intensityMatrix(), java.util.Arrays.copyOf(all, 25 * 17));
    float[] sample = KMeansFit.FitFn.gather(reversed, 30, 5);
    assertEquals(30 * ActionUnits.COUNT, sample.length);
    assertArrayEquals(sample, KMeansFit.FitFn.gather(blocks(tracks), 30, 5));
  }

  @Test
  void aKLargerThanTheFramesFailsWithAClearMessage() {
    Pipeline pipeline = Pipeline.create();
    pipeline.apply(Create.of(twoGroups().get(0))).apply(KMeansFit.forK(List.of(30)));

    Exception e = assertThrows(Exception.class, () -> pipeline.run().waitUntilFinish());
    String message = String.valueOf(e.getMessage());
    assertTrue(
        message.contains("k = 30 needs at least 30 frames, but only 25 frames are left"), message);
    assertTrue(
        Throwables.getCausalChain(e).stream().anyMatch(UnusableInputException.class::isInstance),
        "a refusal of the input, which the command line reports in one line: " + e);
  }

  @Test
  void noFramesAtAllFailsWithTheSameClearMessage() {
    Pipeline pipeline = Pipeline.create();
    pipeline
        .apply(Create.empty(io.auglove.transforms.records.TrackCoder.of()))
        .apply(KMeansFit.forK(List.of(2)));

    Exception e = assertThrows(Exception.class, () -> pipeline.run().waitUntilFinish());
    String message = String.valueOf(e.getMessage());
    assertTrue(
        message.contains("k = 2 needs at least 2 frames, but only 0 frames are left"), message);
  }

  @Test
  void refusesBadKs() {
    assertEquals(
        "k must be distinct, got k=[2, 2]",
        assertThrows(IllegalArgumentException.class, () -> KMeansFit.forK(List.of(2, 2)))
            .getMessage());
    assertEquals(
        "every k must be at least 1, got k=[0]",
        assertThrows(IllegalArgumentException.class, () -> KMeansFit.forK(List.of(0)))
            .getMessage());
    assertEquals(List.of(5, 50, 500), KMeansFit.forK(List.of(500, 5, 50)).ks());
  }
}
