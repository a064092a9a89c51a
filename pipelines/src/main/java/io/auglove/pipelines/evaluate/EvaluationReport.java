package io.auglove.pipelines.evaluate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.auglove.models.metrics.Estimate;
import io.auglove.models.metrics.Metric;
import io.auglove.pipelines.bundle.Json;
import io.auglove.pipelines.bundle.Manifest;
import io.auglove.pipelines.bundle.Paths;
import io.auglove.pipelines.report.EvaluationPage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes an evaluation's output folder: per protocol ({@code cv/}, {@code fixed/}) the tables as
 * {@code table.md} and {@code table.csv}, the long-form {@code results.csv} (for cross-validation
 * also {@code table-fold-mean.csv} and {@code results-fold-mean.csv}, the mean of per-fold scores),
 * {@code chart.png} and {@code folds.json} (every fold's or restart's figures, its test targets and
 * predictions and a BiLSTM's losses per epoch included); {@code evaluation.json} with the settings,
 * the data and every problem met; {@code report.html} and its figures ({@link EvaluationPage}); and
 * last {@code manifest.json}, every file's SHA-256.
 */
final class EvaluationReport {

  static final String EVALUATION = "evaluation.json";

  /** Every file with its SHA-256, written last: the folder's completion mark. */
  static final String MANIFEST = "manifest.json";

  private EvaluationReport() {}

  /** The folder of a protocol's files, which says when folds leak participants. */
  static String folder(Protocol protocol, EvaluationSettings settings) {
    return protocol == Protocol.CV && settings.segmentFolds
        ? "cv-segment-leaking"
        : protocol.label();
  }

  static void write(
      EvaluationSettings settings,
      List<CellScore> scored,
      List<String> problems,
      int recordings,
      int participants) {
    Cells cells = new Cells(scored);
    Map<String, String> files = new TreeMap<>();
    for (Protocol protocol : settings.protocols) {
      String folder = folder(protocol, settings) + "/";
      write(settings, files, folder + "table.md", ResultTables.markdown(protocol, settings, cells));
      for (Scoring scoring : ResultTables.scorings(protocol)) {
        write(
            settings,
            files,
            folder + scoring.file("table.csv"),
            ResultTables.csv(protocol, scoring, settings, cells));
        write(
            settings,
            files,
            folder + scoring.file("results.csv"),
            ResultTables.results(protocol, scoring, settings, cells));
      }
      files.put(
          folder + "chart.png",
          Paths.write(
              Paths.resolve(settings.output, folder + "chart.png"),
              ResultChart.png(protocol, settings, cells)));
      write(settings, files, folder + "folds.json", Json.write(folds(protocol, settings, cells)));
    }
    ObjectNode evaluation = Json.object();
    evaluation.set("software", Manifest.software());
    evaluation.set("settings", settingsJson(settings));
    evaluation.putObject("data").put("recordings", recordings).put("participants", participants);
    ArrayNode warnings = evaluation.putArray("problems");
    settings.warnings.forEach(warnings::add);
    problems.forEach(warnings::add);
    ArrayNode failed = evaluation.putArray("failed_cells");
    for (CellScore cell : scored) {
      if (!cell.ok()) {
        failed.add(cell.error());
      }
    }
    write(settings, files, EVALUATION, Json.write(evaluation));
    files.putAll(
        EvaluationPage.write(
            settings.output, settings.protocols.stream().map(p -> folder(p, settings)).toList()));
    ObjectNode manifest = Json.object();
    manifest.put("format", "auglove-evaluation");
    manifest.put("format_version", 1);
    files.forEach(manifest.putObject("files")::put);
    Paths.write(Paths.resolve(settings.output, MANIFEST), Json.write(manifest));
  }

  /** Writes {@code text} to {@code name} in the output and records its SHA-256. */
  private static void write(
      EvaluationSettings settings, Map<String, String> files, String name, String text) {
    files.put(name, Paths.write(Paths.resolve(settings.output, name), text));
  }

  private static ObjectNode settingsJson(EvaluationSettings s) {
    ObjectNode json = Json.object();
    ArrayNode targets = json.putArray("targets");
    s.targets.forEach(targets::add);
    ArrayNode models = json.putArray("models");
    s.models.forEach(models::add);
    ArrayNode protocols = json.putArray("protocols");
    s.protocols.forEach(p -> protocols.add(p.label()));
    json.put("folds", s.folds);
    json.put("folds_by", s.segmentFolds ? "segment (leaking)" : "participant");
    json.put("validation_fraction", s.validationFraction);
    json.put("restarts", s.restarts);
    ArrayNode sizes = json.putArray("embedding_sizes");
    s.embeddingSizes.forEach(sizes::add);
    ArrayNode glove = json.putArray("glove_embedding");
    s.gloveEmbedding.forEach(glove::add);
    json.put("max_length", s.maxLength);
    json.put("max_epochs", s.maxEpochs);
    json.put("patience", s.patience);
    json.put("bootstrap", s.bootstrap);
    json.put("random_draws", s.randomDraws);
    json.put("seed", s.seed);
    return json;
  }

  /** Every training of the protocol: sizes, duration, dev CCC and its own test scores. */
  private static ObjectNode folds(Protocol protocol, EvaluationSettings settings, Cells cells) {
    ObjectNode json = Json.object();
    json.put("protocol", protocol.label());
    json.put("title", ResultTables.title(protocol, settings));
    ArrayNode array = json.putArray("cells");
    for (String model : settings.models) {
      for (String target : settings.targets) {
        CellScore cell = cells.get(protocol, model, target);
        if (cell == null) {
          continue;
        }
        ObjectNode node = array.addObject();
        node.put("model", model).put("name", ModelCatalog.displayName(model));
        node.put("target", target).put("test_samples", cell.samples());
        node.put("test_participants", cell.participants());
        if (!cell.ok()) {
          node.put("error", cell.error());
        }
        if (cell.chosen() >= 0) {
          node.put("chosen_restart", cell.chosen());
        }
        for (Scoring scoring : ResultTables.scorings(protocol)) {
          ObjectNode scores =
              node.putObject(scoring == Scoring.POOLED ? "scores" : "fold_mean_scores");
          for (Metric metric : Metric.values()) {
            Estimate e = cell.estimate(scoring, metric);
            ArrayNode triple = scores.putArray(ResultTables.metricId(metric));
            triple.add(e.value()).add(e.ciLow()).add(e.ciHigh());
          }
        }
        ArrayNode runs = node.putArray(protocol == Protocol.CV ? "folds" : "restarts");
        for (TaskResult result : cell.trainings()) {
          ObjectNode run = runs.addObject().put("index", result.task().index());
          if (!result.ok()) {
            run.put("error", result.error());
            continue;
          }
          run.put("train", result.trainSize()).put("validation", result.validationSize());
          run.put("test", result.testIds().size()).put("seconds", result.seconds());
          run.put("validation_ccc", result.validationCcc());
          run.put("choice", result.choice());
          run.put("device", result.device());
          ObjectNode own = run.putObject("test_scores");
          for (Metric metric : Metric.values()) {
            own.put(
                ResultTables.metricId(metric),
                result.testIds().isEmpty()
                    ? Double.NaN
                    : metric.ofDraws(result.testDraws(), result.testTargets()));
          }
          ArrayNode ids = run.putArray("test_recordings");
          result.testIds().forEach(ids::add);
          // For the report's scatter plots; the random baseline's first draw.
          ArrayNode targets = run.putArray("test_targets");
          Arrays.stream(result.testTargets()).forEach(targets::add);
          ArrayNode predictions = run.putArray("test_predictions");
          Arrays.stream(result.testDraws()[0]).forEach(predictions::add);
          if (result.trainLoss().length > 0) {
            ArrayNode trainLoss = run.putArray("train_loss");
            Arrays.stream(result.trainLoss()).forEach(trainLoss::add);
            ArrayNode validationLoss = run.putArray("validation_loss");
            Arrays.stream(result.validationLoss()).forEach(validationLoss::add);
          }
        }
      }
    }
    return json;
  }
}
