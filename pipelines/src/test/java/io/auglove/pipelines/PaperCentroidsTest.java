package io.auglove.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.auglove.models.ActionUnits;
import io.auglove.models.Centroids;
import io.auglove.models.Tokens;
import io.auglove.pipelines.bundle.CentroidsFiles;
import io.auglove.transforms.AssignCluster;
import io.auglove.transforms.SharedData;
import io.auglove.transforms.records.CentroidsCoder;
import io.auglove.transforms.records.ClusterCounts;
import io.auglove.transforms.records.Frame;
import io.auglove.transforms.records.TokenSequence;
import io.auglove.transforms.records.Track;
import io.auglove.transforms.records.TrackId;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollectionView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The paper's published k = 1000 centres and counts ({@code ../shared/data/auglove}), with its
 * empty row.
 */
@ExtendWith(TestPipelineExtension.class)
class PaperCentroidsTest {

  private static final String CENTRES = "cluster_centers_action_units_1000.csv";
  private static final String COUNTS = "cluster_counter_1000.csv";

  @TempDir Path folder;

  @Test
  void assignClusterAgreesWithABruteForceNearestCentreLoop(TestPipeline pipeline)
      throws IOException {
    Optional<Path> paper = SharedData.folder("auglove");
    assumeTrue(paper.isPresent(), SharedData.missing("auglove"));
    Centroids centroids = CentroidsFiles.readCentroids(paper.get().resolve(CENTRES).toString());
    ClusterCounts counts =
        CentroidsFiles.readCounts(paper.get().resolve(COUNTS).toString(), 1000).counts();
    assertEquals(1000, centroids.k());
    assertTrue(centroids.isEmpty(689));

    // 3,000 frames: a random non-empty centre plus Gaussian noise (sd 0.5), clipped to 0..5, so
    // that
    // some frames fall beyond 1.75 and some land in the rare clusters.
    Random random = new Random(11);
    int[] reasons = new int[3];
    List<Track> tracks = new ArrayList<>();
    List<TokenSequence> expected = new ArrayList<>();
    for (int t = 0; t < 30; t++) {
      TrackId id = TrackId.of("/paper/t" + t + ".csv", "t" + t, 0, 0);
      List<Frame> frames = new ArrayList<>();
      int[] codes = new int[102];
      codes[0] = Tokens.START;
      codes[101] = Tokens.END;
      for (int i = 0; i < 100; i++) {
        int centre = random.nextInt(1000);
        while (centroids.isEmpty(centre)) {
          centre = random.nextInt(1000);
        }
        float[] aus = new float[ActionUnits.COUNT];
        for (int a = 0; a < aus.length; a++) {
          double value = centroids.value(centre, a) + 0.5 * random.nextGaussian();
          aus[a] = (float) Math.min(5, Math.max(0, value));
        }
        frames.add(Frame.of(i, i * 0.2, 0.98f, true, aus));
        codes[i + 1] = bruteForceToken(centroids, counts, aus, reasons);
      }
      tracks.add(Track.of(id, frames));
      expected.add(TokenSequence.of(id, codes));
    }
    // The case covers both rules: frames kept, <unk> by distance, <unk> by count.
    assertTrue(
        reasons[0] > 1000 && reasons[1] > 100 && reasons[2] > 0,
        java.util.Arrays.toString(reasons));
    PCollectionView<Centroids> view =
        pipeline
            .apply("Centres", Create.of(centroids).withCoder(CentroidsCoder.of()))
            .apply(View.asSingleton());

    PAssert.that(
            pipeline
                .apply("Frames", Create.of(tracks))
                .apply(AssignCluster.to(view).withCounts(counts))
                .get(AssignCluster.tokensTag()))
        .containsInAnyOrder(expected);
    pipeline.run().waitUntilFinish();
  }

  /** The token of a frame by a plain loop over every non-empty centre, in double precision. */
  private static int bruteForceToken(
      Centroids centroids, ClusterCounts counts, float[] aus, int[] reasons) {
    int best = -1;
    double bestSquared = Double.POSITIVE_INFINITY;
    for (int c = 0; c < centroids.k(); c++) {
      if (centroids.isEmpty(c)) {
        continue;
      }
      double squared = 0;
      for (int a = 0; a < aus.length; a++) {
        double difference = aus[a] - (double) centroids.value(c, a);
        squared += difference * difference;
      }
      if (squared < bestSquared) {
        bestSquared = squared;
        best = c;
      }
    }
    if (Math.sqrt(bestSquared) > 1.75) {
      reasons[1]++;
      return Tokens.UNK;
    }
    if (counts.count(best) <= 500) {
      reasons[2]++;
      return Tokens.UNK;
    }
    reasons[0]++;
    return best;
  }

  @Test
  void thePipelineRunsWithThePapersCentresAndCountsOnRealOpenFaceFiles() throws IOException {
    Optional<Path> paper = SharedData.folder("auglove");
    Optional<Path> openface = SharedData.folder("openface");
    assumeTrue(paper.isPresent(), SharedData.missing("auglove"));
    assumeTrue(openface.isPresent(), SharedData.missing("openface"));
    Path bundle = folder.resolve("bundle");

    Corpora.vocabulary(
        openface.get(),
        bundle,
        "--centroids=" + paper.get().resolve(CENTRES),
        "--counts=" + paper.get().resolve(COUNTS),
        "--countThreshold=500");

    JsonNode manifest = Bundles.manifest(bundle);
    assertFalse(manifest.path("kmeans").path("fitted").asBoolean());
    assertEquals(1000, manifest.path("kmeans").path("k").asInt());
    assertEquals("[689]", manifest.path("kmeans").path("empty_centres").toString());
    String warnings = manifest.path("warnings").toString();
    assertTrue(warnings.contains("centre 689 of"), warnings);
    assertTrue(warnings.contains("lists no count for cluster(s) [999]"), warnings);
    assertEquals(450, manifest.path("quality").path("totals").path("kept").asLong());
    List<String> tokens = new ArrayList<>(Bundles.vocabulary(bundle).keySet());
    assertFalse(tokens.contains("c689"));
    // Rare clusters (count <= 500 in the paper's counts) and cluster 999 (no count) never appear.
    for (String rare : List.of("c379", "c443", "c714", "c940", "c999")) {
      assertFalse(tokens.contains(rare), rare);
    }
    assertEquals(tokens, Bundles.embeddingTokens(bundle.resolve("embeddings-d8.txt"), 8));
    assertEquals(
        1001, java.nio.file.Files.readAllLines(bundle.resolve("cluster_counts.csv")).size());
  }
}
