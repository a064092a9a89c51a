package io.auglove.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.auglove.pipelines.bundle.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input as a user would give it, each met by a clear message. */
class ClearFailuresTest {

  @TempDir Path folder;

  @Test
  void everyInputFileRefusedIsOneLineWithTheReasonsExitCode2AndNoOutput() throws IOException {
    Path input = Files.createDirectories(folder.resolve("input"));
    Files.writeString(input.resolve("a.csv"), "");
    Files.writeString(input.resolve("b.csv"), "frame, timestamp\n1, 0.0\n");
    Path bundle = folder.resolve("bundle");

    Corpora.Run run =
        Corpora.cli(
            "vocabulary", "--input=" + input, "--output=" + bundle, "--k=2", "--dimensions=2");

    assertEquals(2, run.exitCode(), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
    String last = run.err().strip();
    assertTrue(last.startsWith("auglove vocabulary: all 2 input files were refused: "), last);
    assertTrue(last.contains("a.csv: "), last);
    assertTrue(last.contains("b.csv: "), last);
    assertFalse(last.contains("k-means") || last.contains("frames are left"), last);
    assertFalse(Files.exists(bundle.resolve("manifest.json")));
    String log = Files.readString(folder.resolve("bundle.failed.log"));
    assertTrue(log.startsWith("# "), log);
    assertTrue(log.contains("./auglove vocabulary --input="), log);
    assertTrue(log.contains("all 2 input files were refused"), log);
    assertFalse(Files.exists(folder.resolve("bundle.log")));
  }

  @Test
  void aKBeyondTheFramesReadIsOneLineAndExitCode2AndTheRunIsLogged() throws IOException {
    Path input = Corpora.generate(folder.resolve("corpus"), 1, 5);
    Path bundle = folder.resolve("bundle");

    Corpora.Run run =
        Corpora.cli(
            "vocabulary", "--input=" + input, "--output=" + bundle, "--k=100000", "--dimensions=2");

    assertEquals(2, run.exitCode(), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
    assertTrue(
        run.err().startsWith("auglove vocabulary: k = 100000 needs at least 100000"), run.err());
    assertTrue(run.err().contains("use a smaller k or more recordings"), run.err());
    assertFalse(Files.exists(bundle));
    String log = Files.readString(folder.resolve("bundle.failed.log"));
    assertTrue(log.contains("Input checked: 1 of 1 files read"), log);
    assertTrue(log.contains(run.err().strip()), log);
  }

  @Test
  void aVocabularyMostlyUnkIsAWarningThatNamesTheShareAndTheOption() throws IOException {
    Path input = Corpora.generate(folder.resolve("corpus"), 2, 5);
    Path bundle = folder.resolve("bundle");

    Corpora.Run run = Corpora.vocabulary(input, bundle, "--countThreshold=1000000");

    JsonNode manifest = Json.read(Files.readString(bundle.resolve("manifest.json")));
    String warning = manifest.path("warnings").get(0).asText();
    assertTrue(warning.startsWith("100.0% of the "), warning);
    assertTrue(warning.contains("--countThreshold=1000000"), warning);
    assertTrue(warning.contains("--maxUnknownShare=0.5"), warning);
    String log = Files.readString(folder.resolve("bundle.log"));
    assertTrue(log.contains("WARN"), log);
    assertTrue(log.contains(warning), log);
    assertTrue(log.contains("Bundle: " + bundle), log);
  }

  @Test
  void missingFilesAreOneLineAndExitCode2() throws IOException {
    Path input = Corpora.generate(folder.resolve("corpus"), 1, 5);
    Path missing = folder.resolve("missing.csv");
    String[][] cases = {
      {
        "vocabulary",
        "--input=" + input,
        "--output=" + folder.resolve("b"),
        "--centroids=" + missing
      },
      {"featurize", "--input=" + input, "--output=" + folder.resolve("f"), "--bundle=" + missing},
      {
        "evaluate",
        "--input=" + input,
        "--output=" + folder.resolve("e"),
        "--bundle=" + folder.resolve("nobundle"),
        "--labelsFile=" + missing,
        "--targets=dwell"
      },
    };
    for (String[] args : cases) {
      Corpora.Run run = Corpora.cli(args);
      assertEquals(2, run.exitCode(), String.join(" ", args) + ": " + run.err());
      assertEquals(1, run.err().lines().count(), run.err());
      assertTrue(run.err().contains(folder.toString()), run.err());
    }
  }

  @Test
  void aFolderInputReadsEveryCaseOfTheExtensionsAndReportsWhatItSkipped() throws IOException {
    Path input = Corpora.generate(folder.resolve("corpus"), 3, 5);
    try (var files = Files.list(input)) {
      Path first = files.filter(f -> f.toString().endsWith(".csv")).sorted().findFirst().get();
      Files.move(first, input.resolve("UPPER.CSV"));
    }
    Files.writeString(input.resolve("notes.txt"), "not OpenFace");
    Files.createSymbolicLink(input.resolve("gone.csv"), folder.resolve("nowhere.csv"));
    Path bundle = folder.resolve("bundle");

    Corpora.vocabulary(input, bundle);

    JsonNode in = Json.read(Files.readString(bundle.resolve("manifest.json"))).path("input");
    assertEquals(3, in.path("files_read").asInt(), in.toString());
    assertEquals(2, in.path("skipped").path("count").asInt(), in.toString());
    assertEquals(
        1, in.path("skipped").path("by_reason").path("not .csv or .csv.gz").asInt(), in.toString());
    assertEquals(
        1,
        in.path("skipped").path("by_reason").path("a symbolic link to nothing").asInt(),
        in.toString());
    assertEquals(input.toString(), in.path("patterns").get(0).asText());
  }
}
