package io.auglove.pipelines;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auglove.pipelines.output.OutputManifest;
import io.auglove.pipelines.output.StagedOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real vocabulary pipeline, run by {@code ./auglove vocabulary --overwrite=true} in a child JVM
 * over a valid bundle, killed with SIGKILL at 20 seeded random moments of its run: every time, the
 * output is the previous bundle byte for byte or the new one whole (never a mix), and once the next
 * run has cleaned up, nothing else beside it is left.
 */
class KilledVocabularyRunTest {

  private static final int KILLS = 20;

  @TempDir Path folder;

  private List<String> command(Path input, Path output, long seed) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(
            "-Dai.djl.offline=true",
            "-Dai.djl.pytorch.num_threads=1",
            "-Dai.djl.pytorch.num_interop_threads=1",
            "-Djava.awt.headless=true",
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "vocabulary",
            "--input=" + input,
            "--output=" + output,
            "--k=8,16",
            "--dimensions=4",
            "--epochs=5",
            "--countThreshold=2",
            "--seed=" + seed,
            "--overwrite=true"));
    return command;
  }

  private Process start(List<String> command) throws IOException {
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(folder.resolve("child.log").toFile())
        .start();
  }

  /** The files of a bundle but for the manifest's "run" object, which differs between runs. */
  private static Map<String, String> withoutRun(Path bundle) throws IOException {
    Map<String, String> files = new TreeMap<>();
    for (Map.Entry<String, byte[]> file : OutputSafetyTest.contents(bundle).entrySet()) {
      files.put(
          file.getKey(),
          file.getKey().equals("manifest.json")
              ? Bundles.manifestWithoutRun(bundle)
              : new String(file.getValue(), StandardCharsets.ISO_8859_1));
    }
    return files;
  }

  @Test
  void aKilledRunLeavesThePreviousBundleOrTheNewOneWholeAndNothingElse() throws Exception {
    Path input = Corpora.generate(folder.resolve("corpus"), 3, 23);
    Path runs = Files.createDirectories(folder.resolve("runs"));
    Path previous = runs.resolve("previous");
    Path expectedNew = runs.resolve("expected-new");
    Path target = runs.resolve("bundle");

    long started = System.nanoTime();
    assertEquals(0, start(command(input, previous, 1)).waitFor());
    double seconds = (System.nanoTime() - started) / 1e9;
    assertEquals(0, start(command(input, expectedNew, 2)).waitFor());
    Map<String, byte[]> previousFiles = OutputSafetyTest.contents(previous);
    Map<String, String> newFiles = withoutRun(expectedNew);

    Random random = new Random(8);
    int keptPrevious = 0;
    int published = 0;
    for (int kill = 0; kill < KILLS; kill++) {
      restore(previousFiles, target);
      Process child = start(command(input, target, 2));
      long moment = (long) (random.nextDouble() * seconds * 1000);
      if (!child.waitFor(moment, TimeUnit.MILLISECONDS)) {
        child.destroyForcibly();
        child.waitFor();
      }

      // What the next run into the output does first: take the dead run's lock, clean up.
      StagedOutput.begin(target.toString(), true, StagedOutput.newRunId()).abort();

      OutputManifest.verify(target.toString());
      Map<String, byte[]> now = OutputSafetyTest.contents(target);
      if (sameBytes(previousFiles, now)) {
        keptPrevious++;
      } else {
        assertEquals(newFiles, withoutRun(target), "kill " + kill + " at " + moment + " ms");
        published++;
      }
      try (Stream<Path> beside = Files.list(runs)) {
        for (String name : beside.map(p -> p.getFileName().toString()).toList()) {
          assertTrue(
              List.of("bundle", "previous", "expected-new").contains(name) || name.endsWith(".log"),
              "kill " + kill + " left beside the output: " + name);
        }
      }
    }
    assertEquals(KILLS, keptPrevious + published);
    assertTrue(keptPrevious > 0, "some kills came before the publication");
  }

  private static boolean sameBytes(Map<String, byte[]> expected, Map<String, byte[]> actual) {
    if (!expected.keySet().equals(actual.keySet())) {
      return false;
    }
    for (Map.Entry<String, byte[]> file : expected.entrySet()) {
      if (!Arrays.equals(file.getValue(), actual.get(file.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /** Puts the previous bundle in place at {@code target}, as it was. */
  private static void restore(Map<String, byte[]> files, Path target) throws IOException {
    if (Files.exists(target)) {
      try (Stream<Path> walk = Files.walk(target)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(target);
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      Files.write(target.resolve(file.getKey()), file.getValue());
    }
    assertArrayEquals(
        files.get("manifest.json"), Files.readAllBytes(target.resolve("manifest.json")));
  }
}
