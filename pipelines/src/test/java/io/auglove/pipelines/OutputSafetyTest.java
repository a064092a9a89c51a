package io.auglove.pipelines;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auglove.pipelines.cli.Cli;
import io.auglove.pipelines.output.OutputManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rerun, a failure or a second run can never mix outputs: each command's output is whole or
 * absent, replaced only with --overwrite and only after the new run succeeded, and readers take
 * exactly the files a manifest lists.
 */
class OutputSafetyTest {

  @TempDir static Path folder;
  static Path input;
  static Path bundle;

  @BeforeAll
  static void run() throws IOException {
    input = Corpora.generate(folder.resolve("corpus"), 4, 17);
    bundle = folder.resolve("bundle");
    Corpora.vocabulary(input, bundle);
  }

  /** Every file under {@code root}, by relative path, with its bytes. */
  static Map<String, byte[]> contents(Path root) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(file).toString(), Files.readAllBytes(file));
      }
    }
    return files;
  }

  static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual) {
    assertEquals(expected.keySet(), actual.keySet());
    expected.forEach((name, bytes) -> assertArrayEquals(bytes, actual.get(name), name));
  }

  /** A copy of the test's bundle, to change. */
  static Path copyOfBundle(String name) throws IOException {
    Path copy = folder.resolve(name);
    Files.createDirectories(copy);
    for (Map.Entry<String, byte[]> file : contents(bundle).entrySet()) {
      Files.write(copy.resolve(file.getKey()), file.getValue());
    }
    return copy;
  }

  @Test
  void anExistingOutputIsRefusedWithoutOverwriteAndLeftAsItWas() throws IOException {
    Path target = copyOfBundle("refused");
    Map<String, byte[]> before = contents(target);

    Corpora.Run run = Corpora.cli("vocabulary", "--input=" + input, "--output=" + target, "--k=8");

    assertEquals(2, run.exitCode(), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
    assertTrue(run.err().contains("already exists and is not empty; give --overwrite"), run.err());
    assertSameFiles(before, contents(target));
  }

  @Test
  void aRerunWithFewerDimensionsAndOverwriteLeavesNoStaleFile() throws IOException {
    Path target = copyOfBundle("fewer");
    assertTrue(Files.exists(target.resolve("embeddings-d8.txt")));

    Corpora.vocabulary(input, target, "--dimensions=4", "--overwrite=true");

    assertFalse(Files.exists(target.resolve("embeddings-d8.txt")));
    assertTrue(Files.exists(target.resolve("embeddings-d4.txt")));
    assertEquals(
        OutputManifest.verify(target.toString()).files().stream().sorted().toList(),
        contents(target).keySet().stream().filter(f -> !f.equals("manifest.json")).toList());
    try (Stream<Path> beside = Files.list(folder)) {
      assertTrue(
          beside.noneMatch(p -> p.getFileName().toString().startsWith(".fewer.auglove")),
          "no staging folder or lock is left beside the output");
    }
  }

  @Test
  void aFailingRunLeavesThePreviousBundleByteForByte() throws IOException {
    Path target = copyOfBundle("failing");
    Map<String, byte[]> before = contents(target);

    // More clusters than the corpus has frames: k-means refuses the input once the frames are read.
    Corpora.Run run =
        Corpora.cli(
            "vocabulary",
            "--input=" + input,
            "--output=" + target,
            "--k=10000000",
            "--dimensions=4",
            "--overwrite=true");

    assertEquals(Cli.BAD_USAGE, run.exitCode(), run.err());
    assertSameFiles(before, contents(target));
    try (Stream<Path> beside = Files.list(folder)) {
      assertTrue(beside.noneMatch(p -> p.getFileName().toString().startsWith(".failing.")));
    }
  }

  @Test
  void aSecondRunIntoAnOutputBeingWrittenIsRefused() throws Exception {
    Path target = folder.resolve("concurrent");
    Path lock = folder.resolve(".concurrent.auglove-lock");
    CompletableFuture<Corpora.Run> first =
        CompletableFuture.supplyAsync(() -> Corpora.vocabulary(input, target, "--epochs=30"));
    while (!Files.exists(lock) && !first.isDone()) {
      Thread.sleep(5);
    }

    Corpora.Run second = Corpora.cli("vocabulary", "--input=" + input, "--output=" + target);

    assertEquals(2, second.exitCode(), second.err());
    assertTrue(second.err().contains(" is being written by run "), second.err());
    assertEquals(0, first.get().exitCode());
    OutputManifest.verify(target.toString());
  }

  @Test
  void aBundleWithAnAlteredFileIsRefusedNamingIt() throws IOException {
    Path altered = copyOfBundle("altered");
    Files.writeString(
        altered.resolve("vocab.tsv"), Files.readString(altered.resolve("vocab.tsv")) + "\n");

    Corpora.Run run =
        Corpora.cli(
            "featurize",
            "--bundle=" + altered,
            "--input=" + input,
            "--output=" + folder.resolve("altered-features"));

    assertEquals(2, run.exitCode(), run.err());
    assertTrue(run.err().contains(altered.resolve("vocab.tsv") + " does not match"), run.err());
    assertFalse(Files.exists(folder.resolve("altered-features")));
  }

  @Test
  void aBundleWithoutItsManifestIsRefused() throws IOException {
    Path incomplete = copyOfBundle("incomplete");
    Files.delete(incomplete.resolve("manifest.json"));

    Corpora.Run run =
        Corpora.cli(
            "featurize",
            "--bundle=" + incomplete,
            "--input=" + input,
            "--output=" + folder.resolve("incomplete-features"));

    assertEquals(2, run.exitCode(), run.err());
    assertTrue(run.err().contains("it has no manifest.json"), run.err());
  }

  @Test
  void featurizeRerunIntoItsOutputReplacesItWholeAndReadersTakeOnlyListedShards()
      throws IOException {
    Path features = folder.resolve("features");
    String[] featurize = {
      "featurize", "--bundle=" + bundle, "--input=" + input, "--output=" + features
    };
    assertEquals(0, Corpora.cli(featurize).exitCode());
    // What an earlier run with another shard count would have left, and a file of the old run.
    Path stale = features.resolve("sequences-00000-of-00009.tsv");
    Files.write(stale, Files.readAllLines(features.resolve(listedShards(features).get(0))));

    assertTrue(
        listedShards(features).stream().noneMatch(s -> s.endsWith("-of-00009.tsv")),
        "the manifest lists only the run's own shards");
    Corpora.Run again = Corpora.cli(append(featurize, "--overwrite=true"));

    assertEquals(0, again.exitCode(), again.err());
    assertFalse(Files.exists(stale), "nothing of the earlier output remains");
    assertEquals(
        listedShards(features),
        contents(features).keySet().stream().filter(f -> f.startsWith("sequences-")).toList());
  }

  private static List<String> listedShards(Path features) throws IOException {
    return OutputManifest.verify(features.toString()).files().stream()
        .filter(f -> f.startsWith("sequences-"))
        .sorted()
        .toList();
  }

  private static String[] append(String[] args, String extra) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 1);
    all[args.length] = extra;
    return all;
  }
}
