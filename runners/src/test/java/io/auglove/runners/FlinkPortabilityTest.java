package io.auglove.runners;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.auglove.pipelines.Bundles;
import io.auglove.pipelines.Corpora;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vocabulary pipeline on an embedded Flink cluster (Beam's Flink runner for Flink 1.19,
 * parallelism 2) gives the DirectRunner's bundle for the same input and seed: tokens, counts,
 * co-occurrences and centres equal byte for byte, embeddings within 1e-6.
 */
class FlinkPortabilityTest {

  /** How far an embedding value may differ between runners. */
  private static final double EMBEDDING_TOLERANCE = 1e-6;

  @TempDir static Path folder;
  static Path direct;
  static Path flink;

  @BeforeAll
  static void runOnBothRunners() throws IOException {
    Path input = Corpora.generate(folder.resolve("corpus"), 10, 17);
    direct = folder.resolve("direct");
    flink = folder.resolve("flink");
    Corpora.vocabulary(input, direct, "--runner=DirectRunner");
    Corpora.vocabulary(
        input, flink, "--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=2");
  }

  @Test
  void tokensCountsCooccurrencesAndCentresAreEqual() throws IOException {
    for (String name :
        List.of(
            "centroids.csv",
            "cluster_counts.csv",
            "vocab.tsv",
            "cooccurrence.tsv",
            "elbow.csv",
            "rejected.csv")) {
      assertArrayEquals(
          Files.readAllBytes(direct.resolve(name)),
          Files.readAllBytes(flink.resolve(name)),
          name + " differs between DirectRunner and FlinkRunner");
    }
  }

  @Test
  void embeddingsAreEqualWithinTheTolerance() throws IOException {
    for (int dimension : new int[] {4, 8}) {
      String name = "embeddings-d" + dimension + ".txt";
      Map<String, double[]> a = Bundles.embeddings(direct.resolve(name));
      Map<String, double[]> b = Bundles.embeddings(flink.resolve(name));
      assertEquals(a.keySet(), b.keySet());
      for (String token : a.keySet()) {
        assertArrayEquals(a.get(token), b.get(token), EMBEDDING_TOLERANCE, name + " " + token);
      }
    }
  }

  @Test
  void theManifestsAgreeButForTheRun() throws IOException {
    assertEquals(Bundles.manifestWithoutRun(direct), Bundles.manifestWithoutRun(flink));
    assertEquals("FlinkRunner", Bundles.manifest(flink).path("run").path("runner").asText());
  }
}
