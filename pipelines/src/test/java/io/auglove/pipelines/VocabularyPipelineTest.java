package io.auglove.pipelines;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.auglove.models.Devices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The vocabulary pipeline end to end on a generated corpus, through the command line. */
class VocabularyPipelineTest {

  @TempDir static Path folder;
  static Path input;
  static Path bundle;
  static Path firstRun;

  @BeforeAll
  static void runTwice() throws IOException {
    input = Corpora.generate(folder.resolve("corpus"), 12, 5);
    bundle = folder.resolve("bundle");
    Corpora.vocabulary(input, bundle);
    firstRun = folder.resolve("first-run");
    Files.createDirectories(firstRun);
    try (Stream<Path> files = Files.list(bundle)) {
      for (Path file : files.toList()) {
        Files.copy(file, firstRun.resolve(file.getFileName()));
      }
    }
    Corpora.vocabulary(input, bundle, "--overwrite=true");
  }

  @Test
  void theSameSeedGivesAByteIdenticalBundleButForTheManifestsRunSection() throws IOException {
    List<String> names = fileNames(bundle);
    assertEquals(fileNames(firstRun), names);
    assertEquals(
        List.of(
            "centroids.csv",
            "cluster_counts.csv",
            "cooccurrence.tsv",
            "elbow.csv",
            "elbow.png",
            "embeddings-d4.txt",
            "embeddings-d8.txt",
            "manifest.json",
            "rejected.csv",
            "vocab.tsv"),
        names);
    for (String name : names) {
      if (name.equals("manifest.json")) {
        assertEquals(Bundles.manifestWithoutRun(firstRun), Bundles.manifestWithoutRun(bundle));
        assertTrue(!Bundles.manifest(bundle).path("run").path("started").asText().isEmpty());
      } else {
        assertArrayEquals(
            Files.readAllBytes(firstRun.resolve(name)),
            Files.readAllBytes(bundle.resolve(name)),
            name + " differs between two runs with the same seed");
      }
    }
  }

  @Test
  void everyEmbeddingTokenIsInTheVocabularyAndViceVersa() throws IOException {
    List<String> vocabulary = new ArrayList<>(Bundles.vocabulary(bundle).keySet());
    for (int dimension : new int[] {4, 8}) {
      List<String> tokens =
          Bundles.embeddingTokens(bundle.resolve("embeddings-d" + dimension + ".txt"), dimension);
      assertEquals(vocabulary, tokens, "d=" + dimension);
    }
    assertEquals(List.of("<END>", "<START>"), vocabulary.subList(0, 2));
    assertTrue(vocabulary.stream().skip(2).allMatch(t -> t.equals("<unk>") || t.matches("c\\d+")));
  }

  @Test
  void countsAgreeAcrossTheBundleAndTheQualityReportReconciles() throws IOException {
    JsonNode manifest = Bundles.manifest(bundle);
    JsonNode totals = manifest.path("quality").path("totals");
    assertTrue(totals.path("reconciles").asBoolean());
    long kept = totals.path("kept").asLong();
    JsonNode filtered = totals.path("filtered");
    assertEquals(
        totals.path("read").asLong(),
        kept
            + filtered.path("low_confidence").asLong()
            + filtered.path("success_0").asLong()
            + filtered.path("downsampled").asLong()
            + totals.path("rejected").asLong());
    assertEquals(12, manifest.path("quality").path("files").size());

    // Every kept frame lands in one cluster; every sequence gives one <START> and one <END>.
    long clustered =
        Files.readAllLines(bundle.resolve("cluster_counts.csv")).stream()
            .skip(1)
            .mapToLong(line -> Long.parseLong(line.split(",")[1]))
            .sum();
    assertEquals(kept, clustered);
    Map<String, Long> vocabulary = Bundles.vocabulary(bundle);
    long sequences = totals.path("sequences").asLong();
    assertEquals(sequences, vocabulary.get("<START>"));
    assertEquals(sequences, vocabulary.get("<END>"));
    assertEquals(
        kept + 2 * sequences, vocabulary.values().stream().mapToLong(Long::longValue).sum());

    int k = manifest.path("kmeans").path("k").asInt();
    assertEquals(k + 1, Files.readAllLines(bundle.resolve("centroids.csv")).size());
    assertEquals(3, Files.readAllLines(bundle.resolve("elbow.csv")).size() - 1);
    // The co-occurrence indices address the vocabulary; the matrix is symmetric.
    List<String> entries = Files.readAllLines(bundle.resolve("cooccurrence.tsv"));
    java.util.Set<String> pairs = new java.util.HashSet<>();
    for (String entry : entries.subList(1, entries.size())) {
      String[] f = entry.split("\t");
      assertTrue(
          Integer.parseInt(f[0]) < vocabulary.size() && Integer.parseInt(f[1]) < vocabulary.size());
      pairs.add(f[0] + " " + f[1] + " " + f[2]);
    }
    for (String pair : pairs) {
      String[] f = pair.split(" ");
      assertTrue(pairs.contains(f[1] + " " + f[0] + " " + f[2]), "no mirror of " + pair);
    }
  }

  @Test
  void theManifestRecordsParametersSoftwareAndTheChoiceOfK() throws IOException {
    JsonNode manifest = Bundles.manifest(bundle);
    assertEquals(3, manifest.path("parameters").path("seed").asInt());
    assertEquals("[8,16,32]", manifest.path("parameters").path("k").toString());
    assertEquals("2.70.0", manifest.path("software").path("beam").asText());
    assertEquals("0.36.0", manifest.path("software").path("djl").asText());
    JsonNode kmeans = manifest.path("kmeans");
    assertTrue(kmeans.path("reason").asText().startsWith("k = " + kmeans.path("k").asInt()));
    assertEquals(3, kmeans.path("sweep").size());
    for (JsonNode fit : kmeans.path("sweep")) {
      assertEquals(Devices.preferred().toString(), fit.path("device").asText());
    }
    assertEquals(8, manifest.path("glove").path("loss_per_epoch").path("4").size());
    assertEquals(64, manifest.path("input").path("fingerprint").asText().length());
    assertEquals("DirectRunner", manifest.path("run").path("runner").asText());
    for (String name : fileNames(bundle)) {
      if (!name.equals("manifest.json")) {
        assertEquals(64, manifest.path("files").path(name).asText().length(), name);
      }
    }
  }

  private static List<String> fileNames(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
