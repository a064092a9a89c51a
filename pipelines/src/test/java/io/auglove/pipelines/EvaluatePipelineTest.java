package io.auglove.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.auglove.models.Devices;
import io.auglove.pipelines.bundle.Json;
import io.auglove.transforms.OpenFaceCsv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code auglove featurize} and {@code auglove evaluate} end to end on a generated corpus, with
 * every kind of bad input of the labels, the recordings and the bundle in it: each is named in
 * {@code evaluation.json} and the run goes on for the rest.
 */
class EvaluatePipelineTest {

  @TempDir static Path folder;
  static Path bundle;
  static Path input;
  static Path labels;
  static Path output;
  static Path features;
  static Map<String, String> participantOf = new HashMap<>();
  static Corpora.Run evaluation;

  @BeforeAll
  static void run() throws IOException {
    input = Corpora.generate(folder.resolve("corpus"), 16, 21);
    Path goodBundle = folder.resolve("bundle");
    Corpora.vocabulary(input, goodBundle);
    // A bundle whose d=8 embedding lacks a token of its vocabulary.
    bundle = folder.resolve("bad-bundle");
    Files.createDirectories(bundle);
    try (Stream<Path> files = Files.list(goodBundle)) {
      for (Path file : files.toList()) {
        Files.copy(file, bundle.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    List<String> d8 = new ArrayList<>(Files.readAllLines(bundle.resolve("embeddings-d8.txt")));
    d8.remove(d8.size() - 1);
    Files.write(bundle.resolve("embeddings-d8.txt"), d8);
    Bundles.resign(bundle, "embeddings-d8.txt");

    // A recording of 3 rows: one 5 fps step, too short to learn from.
    OpenFaceCsv shortCsv = OpenFaceCsv.withFaceId();
    for (int i = 0; i < 3; i++) {
      shortCsv.row(i + 1, i * 0.04, 0.98, 1, 0.5);
    }
    Files.writeString(input.resolve("short.csv"), shortCsv.text());

    // Labels: p001_v1 unlabelled, a label for a recording that does not exist, a missing dwell,
    // and a target with one distinct value.
    List<String> rows = Files.readAllLines(input.getParent().resolve("labels.csv"));
    List<String> edited = new ArrayList<>();
    edited.add(rows.get(0) + ",constant");
    for (String row : rows.subList(1, rows.size())) {
      String[] fields = row.split(",");
      participantOf.put(fields[0], fields[1]);
      if (fields[0].equals("p001_v1")) {
        continue;
      }
      if (fields[0].equals("p002_v1")) {
        fields[2] = "";
      }
      edited.add(String.join(",", fields) + ",4");
    }
    edited.add("ghost,p099,1,1,1,1,train,4");
    edited.add("short,p098,1,1,1,1,train,4");
    labels = folder.resolve("labels.csv");
    Files.write(labels, edited);

    output = folder.resolve("evaluation");
    evaluation =
        evaluate(
            input,
            "--targets=dwell,control,constant",
            "--output=" + output,
            "--models=random,static-lr,dynamic-svr,lstm-au,lstm-glove",
            "--protocol=both",
            "--folds=3",
            "--restarts=2",
            "--maxEpochs=2",
            "--patience=1",
            "--maxLength=40",
            "--bootstrap=200",
            "--randomDraws=20");
    features = folder.resolve("features");
  }

  /** {@code ./auglove evaluate} of {@code from} with the test's bundle and labels. */
  private static Corpora.Run evaluate(Path from, String... options) {
    List<String> args =
        new ArrayList<>(
            List.of("evaluate", "--bundle=" + bundle, "--input=" + from, "--labelsFile=" + labels));
    args.addAll(List.of(options));
    return Corpora.cli(args.toArray(new String[0]));
  }

  private static JsonNode evaluationJson() throws IOException {
    return Json.read(Files.readString(output.resolve("evaluation.json")));
  }

  private static List<String> problems() throws IOException {
    List<String> problems = new ArrayList<>();
    evaluationJson().path("problems").forEach(p -> problems.add(p.asText()));
    return problems;
  }

  private static boolean anyContains(List<String> texts, String part) {
    return texts.stream().anyMatch(t -> t.contains(part));
  }

  @Test
  void runsAndWritesEveryFileOfBothProtocols() throws IOException {
    assertEquals(0, evaluation.exitCode(), evaluation.err());
    for (String protocol : List.of("cv", "fixed")) {
      for (String file : List.of("table.md", "table.csv", "results.csv", "chart.png")) {
        assertTrue(Files.size(output.resolve(protocol).resolve(file)) > 0, protocol + file);
      }
      byte[] png = Files.readAllBytes(output.resolve(protocol).resolve("chart.png"));
      assertEquals((byte) 0x89, png[0]);
      assertEquals('P', png[1]);
    }
    assertTrue(evaluation.out().contains("BiLSTM + cluster embeddings (d=4)"), evaluation.out());
  }

  @Test
  void resultsHaveOneRowPerModelTargetAndMetric() throws IOException {
    List<String> lines = Files.readAllLines(output.resolve("cv").resolve("results.csv"));
    assertEquals("model,target,metric,value,ci_low,ci_high", lines.get(0));
    // random, static-lr, dynamic-svr, lstm-au, lstm-glove-d4 (d8 is broken), and the two BiLSTMs
    // with the mean readout x 3 targets x 4.
    assertEquals(1 + 7 * 3 * 4, lines.size());
    for (String line : lines.subList(1, lines.size())) {
      String[] fields = line.split(",");
      boolean constant = fields[1].equals("constant");
      if (constant || fields[2].endsWith("pcc") || fields[2].equals("ccc")) {
        continue;
      }
      // RMSE is defined for every cell that ran; the corpus's 8 participants are too few for an
      // interval.
      assertTrue(Double.parseDouble(fields[3]) > 0, line);
      assertEquals("NaN", fields[4], line);
      assertEquals("NaN", fields[5], line);
    }
    String table = Files.readString(output.resolve("cv").resolve("table.md"));
    assertTrue(table.contains("grouped by participant: pooled test predictions"), table);
    assertTrue(table.contains("grouped by participant: mean of per-fold scores"), table);
    assertTrue(table.contains("[interval not estimable]"), table);
    assertTrue(table.contains("fewer than 10 test participants"), table);
    assertEquals(
        lines.size(),
        Files.readAllLines(output.resolve("cv").resolve("results-fold-mean.csv")).size());
    for (String name :
        List.of(
            "Random",
            "Static features + LR",
            "Continuous dynamic model + SVR",
            "BiLSTM + AU",
            "BiLSTM + cluster embeddings (d=4)",
            "BiLSTM (mean readout) + AU",
            "BiLSTM (mean readout) + cluster embeddings (d=4)")) {
      assertTrue(table.contains("| " + name + " |"), name);
    }
    // The paper's rows first, unchanged; the mean readout's after them.
    assertTrue(
        table.indexOf("| BiLSTM + cluster embeddings (d=4) |")
            < table.indexOf("| BiLSTM (mean readout) + AU |"),
        table);
    assertFalse(table.contains("d=8"));
  }

  @Test
  void everyBadInputIsNamedAndTheRestIsEvaluated() throws IOException {
    List<String> problems = problems();
    assertTrue(
        anyContains(problems, "recording p001_v1 has no row in the labels file"), "" + problems);
    assertTrue(
        anyContains(problems, "labels name recording ghost, but the input has no sequence"),
        "" + problems);
    assertTrue(anyContains(problems, "recording p002_v1 has no dwell"), "" + problems);
    assertTrue(anyContains(problems, "recording short: sequence 0"), "" + problems);
    assertTrue(anyContains(problems, "shorter than two steps"), "" + problems);
    assertTrue(anyContains(problems, "embeddings-d8.txt"), "" + problems);
    List<String> failed = new ArrayList<>();
    evaluationJson().path("failed_cells").forEach(f -> failed.add(f.asText()));
    assertTrue(anyContains(failed, "target constant has 1 distinct value(s)"), "" + failed);
    assertTrue(failed.stream().allMatch(f -> f.contains("constant")), "" + failed);
    // 16 recordings, less the unlabelled one and the short one.
    assertEquals(15, evaluationJson().path("data").path("recordings").asInt());
  }

  @Test
  void crossValidationFoldsKeepEachParticipantOnOneSide() throws IOException {
    JsonNode folds = Json.read(Files.readString(output.resolve("cv").resolve("folds.json")));
    int cells = 0;
    for (JsonNode cell : folds.path("cells")) {
      if (cell.has("error")) {
        continue;
      }
      cells++;
      Map<String, Integer> foldOfParticipant = new HashMap<>();
      Set<String> tested = new HashSet<>();
      for (JsonNode fold : cell.path("folds")) {
        for (JsonNode recording : fold.path("test_recordings")) {
          assertTrue(tested.add(recording.asText()), "tested twice: " + recording);
          Integer before =
              foldOfParticipant.putIfAbsent(
                  participantOf.get(recording.asText()), fold.path("index").asInt());
          assertTrue(
              before == null || before == fold.path("index").asInt(),
              recording + " shares its participant with another fold");
        }
      }
      int expected = cell.path("target").asText().equals("dwell") ? 14 : 15;
      assertEquals(expected, tested.size(), cell.path("name").asText());
    }
    assertEquals(14, cells);
  }

  @Test
  void everyFoldRecordsWhatItChoseOnValidation() throws IOException {
    JsonNode folds = Json.read(Files.readString(output.resolve("cv").resolve("folds.json")));
    Map<String, String> pattern =
        Map.of(
            "random", "",
            "static-lr", "",
            "dynamic-svr", "kernel (LINEAR|RBF|POLY), C [0-9.]+",
            "lstm-au", "epoch [12] of [12]",
            "lstm-glove-d4", "GloVe (frozen|fine-tuned), epoch [12] of [12]");
    int checked = 0;
    for (JsonNode cell : folds.path("cells")) {
      if (cell.has("error")) {
        continue;
      }
      String model = cell.path("model").asText().replace("-mean", "");
      for (JsonNode fold : cell.path("folds")) {
        String choice = fold.path("choice").asText();
        assertTrue(choice.matches(pattern.get(model)), model + ": " + choice);
        // Each BiLSTM says where it ran; the other models run no tensor work.
        String device = model.startsWith("lstm") ? Devices.preferred().toString() : "";
        assertEquals(device, fold.path("device").asText(), model);
        checked++;
      }
    }
    assertEquals(14 * 3, checked);
  }

  @Test
  void fixedSplitChoosesTheRestartWithTheBestDevCcc() throws IOException {
    JsonNode folds = Json.read(Files.readString(output.resolve("fixed").resolve("folds.json")));
    int lstmCells = 0;
    for (JsonNode cell : folds.path("cells")) {
      if (cell.has("error") || !cell.path("model").asText().startsWith("lstm")) {
        continue;
      }
      lstmCells++;
      JsonNode restarts = cell.path("restarts");
      assertEquals(2, restarts.size());
      int chosen = cell.path("chosen_restart").asInt();
      double best = restarts.get(chosen).path("validation_ccc").asDouble();
      for (JsonNode restart : restarts) {
        double ccc = restart.path("validation_ccc").asDouble();
        // An undefined dev CCC never wins: the chosen one is undefined only if all are.
        assertTrue(
            Double.isNaN(best) ? Double.isNaN(ccc) : Double.isNaN(ccc) || ccc <= best,
            cell.toString());
      }
      assertEquals(
          restarts.get(chosen).path("test_scores").path("rmse").asDouble(),
          cell.path("scores").path("rmse").get(0).asDouble(),
          1e-9);
    }
    assertEquals(8, lstmCells);
  }

  @Test
  void featurizeWritesRowsThatEvaluateReadsBackToTheSameScores() throws IOException {
    Corpora.Run featurize =
        Corpora.cli("featurize", "--bundle=" + bundle, "--input=" + input, "--output=" + features);
    assertEquals(0, featurize.exitCode(), featurize.err());
    JsonNode quality = Json.read(Files.readString(features.resolve("quality.json")));
    List<String> rows = new ArrayList<>();
    try (Stream<Path> files = Files.list(features)) {
      for (Path file :
          files.filter(f -> f.getFileName().toString().startsWith("sequences-")).toList()) {
        List<String> lines = Files.readAllLines(file);
        assertTrue(lines.get(0).startsWith("recording\tfile\t"));
        rows.addAll(lines.subList(1, lines.size()));
      }
    }
    assertEquals(quality.path("quality").path("totals").path("sequences").asLong(), rows.size());
    Map<String, Long> vocabulary = Bundles.vocabulary(bundle);
    List<String> tokens = List.copyOf(vocabulary.keySet());
    for (String row : rows) {
      String[] fields = row.split("\t");
      String[] text = fields[6].split(" ");
      String[] ids = fields[7].split(" ");
      for (int i = 0; i < text.length; i++) {
        assertEquals(text[i], tokens.get(Integer.parseInt(ids[i])), row);
      }
    }
    assertTrue(Files.size(features.resolve("embeddings-d4.npy")) > 0);
    assertFalse(Files.exists(features.resolve("embeddings-d8.npy")));
    // A shard that another run left beside this run's (as a rerun with another shard count would
    // have before outputs were published whole): evaluate reads only the shards the manifest lists,
    // so these duplicated sequences change no score.
    Files.write(features.resolve("sequences-00000-of-00099.tsv"), rows);

    Path fromCsv = folder.resolve("baselines-from-csv");
    Path fromFeatures = folder.resolve("baselines-from-features");
    for (Path[] run : new Path[][] {{input, fromCsv}, {features, fromFeatures}}) {
      Corpora.Run result =
          evaluate(
              run[0],
              "--targets=dwell,order",
              "--output=" + run[1],
              "--models=random,static-lr",
              "--protocol=cv",
              "--folds=3",
              "--bootstrap=200");
      assertEquals(0, result.exitCode(), result.err());
    }
    assertEquals(
        Files.readString(fromCsv.resolve("cv").resolve("results.csv")),
        Files.readString(fromFeatures.resolve("cv").resolve("results.csv")));
  }

  @Test
  void segmentLevelFoldsAreLabelledAsLeaking() throws IOException {
    Path leaking = folder.resolve("leaking");
    Corpora.Run result =
        evaluate(
            input,
            "--targets=order",
            "--output=" + leaking,
            "--models=static-lr",
            "--protocol=cv",
            "--foldsBy=segment",
            "--folds=3",
            "--bootstrap=200");
    assertEquals(0, result.exitCode(), result.err());
    String table = Files.readString(leaking.resolve("cv-segment-leaking").resolve("table.md"));
    assertTrue(table.contains("LEAKING"), table);
    assertFalse(Files.exists(leaking.resolve("cv")));
  }

  @Test
  void theSameSeedGivesTheSameScores() throws IOException {
    List<String> results = new ArrayList<>();
    for (String name : List.of("again-1", "again-2")) {
      Path out = folder.resolve(name);
      Corpora.Run result =
          evaluate(
              input,
              "--targets=order",
              "--output=" + out,
              "--models=random,lstm-au,lstm-glove",
              "--readouts=mean",
              "--protocol=fixed",
              "--restarts=2",
              "--maxEpochs=2",
              "--maxLength=40",
              "--bootstrap=200",
              "--seed=5");
      assertEquals(0, result.exitCode(), result.err());
      results.add(Files.readString(out.resolve("fixed").resolve("results.csv")));
    }
    ResultsCsv.assertSameScores(results.get(0), results.get(1), 1e-5);
  }

  @Test
  void badOptionsStopWithAOneLineReason() {
    for (String[] bad :
        List.of(
            new String[] {"--models=lstm-gru", "--models: unknown model 'lstm-gru'"},
            new String[] {"--foldsBy=person", "--foldsBy must be participant or segment"},
            new String[] {"--folds=1", "--folds must be at least 2"},
            new String[] {"--readouts=last", "--readouts: unknown readout 'last'"},
            new String[] {"--embeddingSizes=0", "--embeddingSizes must be whole numbers"},
            new String[] {"--gloveEmbedding=fixed", "--gloveEmbedding must be frozen, tuned"},
            new String[] {"--targets=dwell,panss", "no column 'panss' (see --targets)"})) {
      // The option under test replaces --targets=dwell when it is --targets.
      String targets = bad[0].startsWith("--targets") ? bad[0] : "--targets=dwell";
      String other = bad[0].startsWith("--targets") ? "--folds=10" : bad[0];
      Corpora.Run run = evaluate(input, "--output=" + folder.resolve("never"), targets, other);
      assertEquals(2, run.exitCode(), bad[0]);
      assertTrue(run.err().contains(bad[1]), run.err());
      assertEquals(1, run.err().strip().lines().count(), run.err());
    }
    assertFalse(Files.exists(folder.resolve("never")));
  }
}
