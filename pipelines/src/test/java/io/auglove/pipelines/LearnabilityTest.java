package io.auglove.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auglove.models.ActionUnits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every BiLSTM input learns what it can see: on a generated corpus of 64 recordings of 32
 * participants, a target that is a plain function of each recording's frames (its mean AU12
 * intensity over the 5 fps frames featurize kept) is learned by the BiLSTM on AUs, on cluster
 * labels and on GloVe embeddings, with either readout, under 3-fold cross-validation grouped by
 * participant, scored both ways; a target of pure noise is learned by none of them. The paper's
 * training settings, on sequences subsampled to 30 steps to keep the test short.
 */
class LearnabilityTest {

  private static final int AU12 = ActionUnits.NAMES.indexOf("AU12");

  private static final List<String> SCORINGS = List.of("pooled", "fold-mean");
  private static final List<String> MODELS =
      List.of(
          "BiLSTM + AU",
          "BiLSTM + cluster labels",
          "BiLSTM + cluster embeddings (d=8)",
          "BiLSTM (mean readout) + AU",
          "BiLSTM (mean readout) + cluster labels",
          "BiLSTM (mean readout) + cluster embeddings (d=8)");

  @TempDir static Path folder;
  static Map<String, String[]> results = new TreeMap<>();
  static String tables;

  @BeforeAll
  static void evaluate() throws IOException {
    Path input = Corpora.generate(folder.resolve("corpus"), 64, 5);
    Path bundle = folder.resolve("bundle");
    Corpora.vocabulary(input, bundle, "--k=32", "--dimensions=8");
    Path features = folder.resolve("features");
    Corpora.Run featurize =
        Corpora.cli("featurize", "--bundle=" + bundle, "--input=" + input, "--output=" + features);
    assertEquals(0, featurize.exitCode(), featurize.err());
    Path labels = folder.resolve("labels.csv");
    writeLabels(features, input.getParent().resolve("labels.csv"), labels);
    Path output = folder.resolve("evaluation");
    Corpora.Run run =
        Corpora.cli(
            "evaluate",
            "--bundle=" + bundle,
            "--input=" + features,
            "--labelsFile=" + labels,
            "--targets=au12,noise",
            "--models=lstm-au,lstm-labels,lstm-glove",
            "--protocol=cv",
            "--folds=3",
            "--maxLength=30",
            "--patience=5",
            // One candidate each: the hyper-parameter choices have their own tests.
            "--embeddingSizes=25",
            "--gloveEmbedding=tuned",
            "--bootstrap=200",
            "--output=" + output);
    assertEquals(0, run.exitCode(), run.err());
    tables = Files.readString(output.resolve("cv").resolve("table.md"));
    for (String scoring : SCORINGS) {
      String file = scoring.equals("pooled") ? "results.csv" : "results-fold-mean.csv";
      List<String> lines = Files.readAllLines(output.resolve("cv").resolve(file));
      for (String line : lines.subList(1, lines.size())) {
        String[] fields = line.split(",");
        results.put(scoring + "/" + fields[0] + "/" + fields[1] + "/" + fields[2], fields);
      }
    }
  }

  /**
   * labels.csv with each recording's participant, its mean AU12 over the frames featurize kept
   * ({@code au12}) and a standard normal draw ({@code noise}).
   */
  private static void writeLabels(Path features, Path corpusLabels, Path labels)
      throws IOException {
    Map<String, double[]> sums = new TreeMap<>();
    List<Path> shards;
    try (Stream<Path> files = Files.list(features)) {
      shards = files.filter(f -> f.getFileName().toString().startsWith("sequences-")).toList();
    }
    for (Path shard : shards) {
      List<String> lines = Files.readAllLines(shard);
      List<String> header = List.of(lines.get(0).split("\t"));
      int recording = header.indexOf("recording");
      int aus = header.indexOf("aus");
      for (String line : lines.subList(1, lines.size())) {
        String[] fields = line.split("\t");
        double[] sum = sums.computeIfAbsent(fields[recording], r -> new double[2]);
        for (String step : fields[aus].split(" ")) {
          sum[0] += Double.parseDouble(step.split(",")[AU12]);
          sum[1]++;
        }
      }
    }
    Random noise = new Random(11);
    List<String> rows = new ArrayList<>(List.of("recording,participant,au12,noise"));
    for (String line : Files.readAllLines(corpusLabels).subList(1, 65)) {
      String[] fields = line.split(",");
      double[] sum = sums.get(fields[0]);
      rows.add(
          String.format(
              Locale.ROOT,
              "%s,%s,%.6f,%.6f",
              fields[0],
              fields[1],
              sum[0] / sum[1],
              noise.nextGaussian()));
    }
    Files.write(labels, rows);
  }

  /** A row of results.csv ({@code fold-mean}: results-fold-mean.csv): value, low, high. */
  private static double[] estimate(String scoring, String model, String target, String metric) {
    String[] fields = results.get(scoring + "/" + model + "/" + target + "/" + metric);
    return new double[] {
      Double.parseDouble(fields[3]), Double.parseDouble(fields[4]), Double.parseDouble(fields[5])
    };
  }

  @Test
  void everyInputLearnsTheMeanOfAu12() {
    // Reached with this seed, pooled and mean of per-fold: the paper's final state on AUs 0.581
    // and 0.612, on GloVe 0.588 and 0.629; the mean readout on AUs 0.641 and 0.580, on labels
    // 0.549 and 0.596, on GloVe 0.666 and 0.697.
    List<String> learners =
        List.of(
            "BiLSTM + AU",
            "BiLSTM + cluster embeddings (d=8)",
            "BiLSTM (mean readout) + AU",
            "BiLSTM (mean readout) + cluster labels",
            "BiLSTM (mean readout) + cluster embeddings (d=8)");
    for (String scoring : SCORINGS) {
      for (String model : learners) {
        double[] pcc = estimate(scoring, model, "au12", "pcc");
        assertTrue(pcc[0] >= 0.45 && pcc[1] > 0, scoring + " " + model + "\n" + tables);
      }
    }
  }

  @Test
  void theFinalStateOfClusterLabelsCarriesTheMeanLeast() {
    // The paper's readout on labels: 0.197 [-0.063, 0.356] pooled, 0.093 per fold; the same
    // network with the mean readout 0.549 [0.299, 0.738].
    for (String scoring : SCORINGS) {
      double finalState = estimate(scoring, "BiLSTM + cluster labels", "au12", "pcc")[0];
      assertTrue(finalState < 0.3, scoring + "\n" + tables);
      assertTrue(
          finalState
              < estimate(scoring, "BiLSTM (mean readout) + cluster labels", "au12", "pcc")[0] - 0.2,
          scoring + "\n" + tables);
    }
  }

  @Test
  void noInputLearnsNoise() {
    for (String scoring : SCORINGS) {
      for (String model : MODELS) {
        double[] pcc = estimate(scoring, model, "noise", "pcc");
        assertTrue(pcc[0] < 0.25, scoring + " " + model + "\n" + tables);
        assertTrue(pcc[1] < 0 && 0 < pcc[2], scoring + " " + model + "\n" + tables);
      }
    }
  }

  @Test
  void everyValueLiesInsideItsIntervalOrTheTableSaysWhy() {
    boolean outside = false;
    for (String[] fields : results.values()) {
      double value = Double.parseDouble(fields[3]);
      boolean inside =
          Double.parseDouble(fields[4]) <= value && value <= Double.parseDouble(fields[5]);
      // |PCC| near 0 is biased upwards on resamples; the table's note says so when it shows.
      assertTrue(inside || fields[2].equals("abs_pcc"), String.join(",", fields));
      outside |= !inside;
    }
    assertEquals(outside, tables.contains("†: the value lies outside its interval"), tables);
  }
}
