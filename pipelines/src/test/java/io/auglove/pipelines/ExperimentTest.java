package io.auglove.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.auglove.pipelines.bundle.Json;
import io.auglove.pipelines.output.OutputManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./auglove experiment}: a vocabulary from one corpus, models scored on another. */
class ExperimentTest {

  @TempDir static Path folder;

  private static Path output;
  private static Corpora.Run run;

  @BeforeAll
  static void runTheExperiment() {
    output = folder.resolve("experiment");
    run = experiment(output);
  }

  private static Corpora.Run experiment(Path output, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "experiment",
                "--output=" + output,
                "--unlabelledVideos=10",
                "--labelledVideos=24",
                "--minSeconds=20",
                "--maxSeconds=30",
                "--k=6",
                "--dimensions=4",
                "--epochs=2",
                "--targets=dwell,control",
                "--models=random,static-lr,lstm-au",
                "--readouts=final",
                "--protocol=cv",
                "--folds=3",
                "--maxEpochs=2",
                "--patience=1",
                "--maxLength=40",
                "--bootstrap=100",
                "--randomDraws=10"));
    args.addAll(List.of(more));
    return Corpora.cli(args.toArray(new String[0]));
  }

  @Test
  void theVocabularyComesFromTheUnlabelledCorpusAndTheScoresFromTheLabelledOne()
      throws IOException {
    assertEquals(0, run.exitCode(), run.err());
    Set<String> unlabelled = participants(output.resolve("unlabelled"));
    Set<String> labelled = participants(output.resolve("labelled"));
    assertTrue(unlabelled.stream().allMatch(p -> p.startsWith("u")), unlabelled.toString());
    assertTrue(labelled.stream().allMatch(p -> p.startsWith("p")), labelled.toString());

    // Each corpus is published whole, with a manifest that verifies.
    assertEquals(11, OutputManifest.verify(output.resolve("unlabelled").toString()).files().size());
    assertEquals(25, OutputManifest.verify(output.resolve("labelled").toString()).files().size());

    JsonNode bundle = Json.read(Files.readString(output.resolve("bundle/manifest.json")));
    assertTrue(
        bundle.path("parameters").path("input").asText().endsWith("unlabelled/recordings"),
        bundle.toString());
    JsonNode evaluation = Json.read(Files.readString(output.resolve("evaluation/evaluation.json")));
    assertEquals(24, evaluation.path("data").path("recordings").asInt(), evaluation.toString());
    assertEquals(labelled.size(), evaluation.path("data").path("participants").asInt());
    assertTrue(Files.size(output.resolve("evaluation/cv/table.md")) > 0);
    assertTrue(run.out().contains("Generated 10 unlabelled recordings"), run.out());
  }

  @Test
  void theExperimentSetsItsOwnInputsAndKeepsAnEarlierRun() {
    Corpora.Run given = experiment(folder.resolve("other"), "--input=elsewhere");
    assertEquals(2, given.exitCode());
    assertTrue(given.err().contains("--input: the experiment sets it"), given.err());

    Corpora.Run again = experiment(output);
    assertEquals(2, again.exitCode());
    assertTrue(again.err().contains("already exists and is not empty"), again.err());
  }

  private static Set<String> participants(Path corpus) throws IOException {
    Set<String> participants = new HashSet<>();
    List<String> lines = Files.readAllLines(corpus.resolve("labels.csv"));
    for (String line : lines.subList(1, lines.size())) {
      participants.add(line.split(",")[1]);
    }
    return participants;
  }
}
