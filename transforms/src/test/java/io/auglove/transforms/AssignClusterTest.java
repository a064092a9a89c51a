package io.auglove.transforms;

import static io.auglove.models.Tokens.END;
import static io.auglove.models.Tokens.START;
import static io.auglove.models.Tokens.UNK;
import static io.auglove.transforms.Tracks.frame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.auglove.models.ActionUnits;
import io.auglove.models.Centroids;
import io.auglove.transforms.records.AssignmentStats;
import io.auglove.transforms.records.CentroidsCoder;
import io.auglove.transforms.records.ClusterCounts;
import io.auglove.transforms.records.TokenSequence;
import io.auglove.transforms.records.Track;
import io.auglove.transforms.records.TrackCoder;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPipelineExtension.class)
class AssignClusterTest {

  /** Centre 0 at all-zeros, centre 1 empty, centre 2 at all-ones. */
  private static final Centroids CENTROIDS =
      Centroids.of(new float[][] {filled(0f), null, filled(1f)});

  /**
   * All-0.1 is sqrt(17 x 0.01) = 0.41 from centre 0; all-0.9 is 0.41 from centre 2 (centre 1,
   * empty, would be nearer to anything); all-2.0 is nearest centre 2 at sqrt(17) = 4.12, beyond
   * 1.75.
   */
  private static final Track TRACK =
      Tracks.track(
          "/d/a.csv",
          List.of(
              frame(1, 0.0, 0.98, true, 0.1f),
              frame(2, 0.2, 0.98, true, 0.9f),
              frame(3, 0.4, 0.98, true, 2.0f)));

  private static float[] filled(float value) {
    float[] row = new float[ActionUnits.COUNT];
    Arrays.fill(row, value);
    return row;
  }

  private static PCollectionView<Centroids> view(Pipeline pipeline) {
    return pipeline
        .apply("Centroids", Create.of(CENTROIDS).withCoder(CentroidsCoder.of()))
        .apply(View.asSingleton());
  }

  @Test
  void unknownByDistanceAndByTheCorpusCount(TestPipeline pipeline) {
    // Corpus counts: centre 0 holds 1 frame, centre 2 holds 2 (all-0.9 and all-2.0). With a count
    // threshold of 1, centre 0's frame is <unk> by count; all-2.0 is <unk> by distance.
    PCollectionTuple out =
        pipeline
            .apply(Create.of(TRACK))
            .apply(AssignCluster.to(view(pipeline)).withCountThreshold(1));

    PAssert.that(out.get(AssignCluster.tokensTag()))
        .containsInAnyOrder(TokenSequence.of(TRACK.id(), START, UNK, 2, UNK, END));
    PAssert.thatSingleton(out.get(AssignCluster.countsTag())).isEqualTo(ClusterCounts.of(1, 0, 2));
    PAssert.thatSingleton(out.get(AssignCluster.statsTag()))
        .isEqualTo(AssignmentStats.of(1, 3, 1, 1));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void givenCountsReplaceTheCorpusCountsAndMissingClustersCountZero(TestPipeline pipeline) {
    // Given counts list clusters 0 and 1 only: centre 2 counts 0 <= 500, so all-0.9 is <unk>;
    // centre 0 counts 600 > 500 and keeps its token. The distance threshold of 5 keeps all-2.0
    // within reach of centre 2, which is still <unk> by count.
    ClusterCounts given = ClusterCounts.of(600, 0);
    PCollectionTuple out =
        pipeline
            .apply(Create.of(TRACK))
            .apply(AssignCluster.to(view(pipeline)).withCounts(given).withDistanceThreshold(5));

    PAssert.that(out.get(AssignCluster.tokensTag()))
        .containsInAnyOrder(TokenSequence.of(TRACK.id(), START, 0, UNK, UNK, END));
    PAssert.thatSingleton(out.get(AssignCluster.countsTag())).isEqualTo(given);
    PAssert.thatSingleton(out.get(AssignCluster.statsTag()))
        .isEqualTo(AssignmentStats.of(1, 3, 0, 2));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void everySequenceIsWrappedInStartAndEnd(TestPipeline pipeline) {
    Track second = Tracks.track("/d/b.csv", List.of(frame(9, 0.0, 0.98, true, 0.0f)));
    PCollectionTuple out =
        pipeline
            .apply(Create.of(TRACK, second))
            .apply(AssignCluster.to(view(pipeline)).withCountThreshold(0));

    PAssert.that(out.get(AssignCluster.tokensTag()))
        .containsInAnyOrder(
            TokenSequence.of(TRACK.id(), START, 0, 2, UNK, END),
            TokenSequence.of(second.id(), START, 0, END));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void emptyInputGivesNoSequencesAndZeroStatistics(TestPipeline pipeline) {
    PCollectionTuple out =
        pipeline.apply(Create.empty(TrackCoder.of())).apply(AssignCluster.to(view(pipeline)));

    PAssert.that(out.get(AssignCluster.tokensTag())).empty();
    PAssert.thatSingleton(out.get(AssignCluster.statsTag()))
        .isEqualTo(AssignmentStats.of(0, 0, 0, 0));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void refusesBadThresholds() {
    PCollectionView<Centroids> view = view(Pipeline.create());
    IllegalArgumentException distance =
        assertThrows(
            IllegalArgumentException.class, () -> AssignCluster.to(view).withDistanceThreshold(0));
    assertEquals("distanceThreshold must be a finite number > 0, got 0.0", distance.getMessage());
    IllegalArgumentException count =
        assertThrows(
            IllegalArgumentException.class, () -> AssignCluster.to(view).withCountThreshold(-1));
    assertEquals("countThreshold must be >= 0, got -1", count.getMessage());
  }
}
