package io.auglove.runners.flink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.auglove.pipelines.Bundles;
import io.auglove.pipelines.Corpora;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The vocabulary pipeline on Flink 1.19 (Beam's FlinkRunner, parallelism 2) gives the
 * DirectRunner's bundle for the same input and seed: tokens, counts, co-occurrences and centres
 * equal byte for byte, embeddings within 1e-6. On two Flink clusters: one embedded in the
 * submitting JVM ({@code --flinkMaster=[local]}), and one reached only through its REST endpoint
 * ({@code --flinkMaster=localhost:PORT}), to which the Flink jar is submitted and staged as to any
 * remote cluster.
 */
class FlinkPortabilityTest {

  /** How far an embedding value may differ between runners. */
  private static final double EMBEDDING_TOLERANCE = 1e-6;

  @TempDir static Path folder;
  static LocalFlinkCluster cluster;
  static Path direct;
  static final Map<String, Path> flink = new HashMap<>();

  @BeforeAll
  static void runOnEachRunner() throws Exception {
    Path input = Corpora.generate(folder.resolve("corpus"), 10, 17);
    direct = folder.resolve("direct");
    long start = System.nanoTime();
    Corpora.vocabulary(input, direct, "--runner=DirectRunner");
    double directSeconds = (System.nanoTime() - start) / 1e9;

    flink.put("embedded", folder.resolve("embedded"));
    Corpora.vocabulary(
        input,
        flink.get("embedded"),
        "--runner=FlinkRunner",
        "--flinkMaster=[local]",
        "--parallelism=2");

    Path jar = Path.of(System.getProperty("auglove.flink.jar"));
    cluster = LocalFlinkCluster.start(jar, 2, folder.resolve("cluster.log"));
    flink.put("cluster", folder.resolve("cluster"));
    start = System.nanoTime();
    Corpora.vocabulary(input, flink.get("cluster"), clusterRun(cluster.master()));
    double clusterSeconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "vocabulary pipeline, same corpus: DirectRunner %.1f s, Flink cluster at %s %.1f s%n",
        directSeconds, cluster.master(), clusterSeconds);
  }

  /** The runner options of a remote submission of the Flink jar to {@code master}. */
  private static String[] clusterRun(String master) {
    return new String[] {
      "--runner=FlinkRunner",
      "--flinkMaster=" + master,
      "--parallelism=2",
      "--filesToStage=" + Path.of(System.getProperty("auglove.flink.jar"))
    };
  }

  @AfterAll
  static void stopTheCluster() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "cluster"})
  void tokensCountsCooccurrencesAndCentresAreEqual(String where) throws Exception {
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
          Files.readAllBytes(flink.get(where).resolve(name)),
          name + " differs between DirectRunner and FlinkRunner (" + where + ")");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "cluster"})
  void embeddingsAreEqualWithinTheTolerance(String where) throws Exception {
    for (int dimension : new int[] {4, 8}) {
      String name = "embeddings-d" + dimension + ".txt";
      Map<String, double[]> a = Bundles.embeddings(direct.resolve(name));
      Map<String, double[]> b = Bundles.embeddings(flink.get(where).resolve(name));
      assertEquals(a.keySet(), b.keySet());
      for (String token : a.keySet()) {
        assertArrayEquals(a.get(token), b.get(token), EMBEDDING_TOLERANCE, name + " " + token);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "cluster"})
  void theManifestsAgreeButForTheRun(String where) throws Exception {
    assertEquals(Bundles.manifestWithoutRun(direct), Bundles.manifestWithoutRun(flink.get(where)));
    assertEquals(
        "FlinkRunner", Bundles.manifest(flink.get(where)).path("run").path("runner").asText());
  }

  @Test
  void theClusterRanTheSubmittedJob() throws Exception {
    assertEquals(List.of("FINISHED"), cluster.jobStates());
  }

  @Test
  void theLaunchersCheckLetsARunningClusterThrough() throws Exception {
    String[] args =
        new String[] {"vocabulary", "--runner=FlinkRunner", "--flinkMaster=" + cluster.master()};
    assertEquals(Optional.empty(), FlinkLauncher.preflight(args, FlinkMaster.TIMEOUT));
  }
}
