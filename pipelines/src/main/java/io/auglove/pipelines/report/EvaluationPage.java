package io.auglove.pipelines.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.auglove.pipelines.bundle.Json;
import io.auglove.pipelines.bundle.Paths;
import io.auglove.pipelines.report.Table.Cell;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The page an evaluation writes beside its tables, {@code report.html}, and its figures: for each
 * protocol the table with its 95% intervals, each table metric per model and target with its
 * interval, every fold's or restart's own score, the BiLSTMs' training and validation loss per
 * epoch (small multiples), and each model's test predictions against the targets. It reads only
 * what the evaluation wrote ({@code evaluation.json}, each protocol's {@code folds.json}), so it
 * shows exactly the scores of the tables.
 */
public final class EvaluationPage {

  /** The metrics of each protocol's table, in the order of its columns (as {@code table.md}). */
  private static final Map<String, List<String>> TABLE_METRICS =
      Map.of("cv", List.of("pcc", "rmse"), "fixed", List.of("ccc", "pcc", "rmse"));

  private static final Map<String, String> METRIC_NAMES =
      Map.of("pcc", "PCC", "abs_pcc", "|PCC|", "rmse", "RMSE", "ccc", "CCC");

  private final String output;
  private final HtmlPage page = new HtmlPage("Evaluation report");
  private final Map<String, byte[]> figures = new LinkedHashMap<>();

  private EvaluationPage(String output) {
    this.output = output;
  }

  /**
   * Writes {@code report.html} and its PNGs into the evaluation folder {@code output}, once its
   * {@code evaluation.json} and the {@code folds.json} of each of {@code protocolFolders} are
   * written.
   *
   * @return the files written, by name, with their SHA-256, for the folder's manifest
   */
  public static Map<String, String> write(String output, List<String> protocolFolders) {
    EvaluationPage report = new EvaluationPage(output);
    JsonNode evaluation = report.read(EvaluationFiles.EVALUATION);
    report.summary(evaluation);
    for (String folder : protocolFolders) {
      report.protocol(folder, report.read(folder + "/" + EvaluationFiles.FOLDS));
    }
    Map<String, String> files = new LinkedHashMap<>();
    report.figures.forEach(
        (name, png) -> files.put(name, Paths.write(Paths.resolve(output, name), png)));
    files.put(
        ReportFiles.PAGE, Paths.write(Paths.resolve(output, ReportFiles.PAGE), report.page.html()));
    return files;
  }

  private JsonNode read(String name) {
    try {
      return Json.read(String.join("\n", Paths.readLines(Paths.resolve(output, name))));
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
  }

  private void summary(JsonNode evaluation) {
    JsonNode settings = evaluation.path("settings");
    page.section("data", "Data and settings");
    page.paragraph(
        String.format(
            Locale.ROOT,
            "%d recordings of %d participants; targets %s; folds by %s; %d bootstrap resamples of"
                + " participants for each 95%% interval; seed %d.",
            evaluation.path("data").path("recordings").asInt(),
            evaluation.path("data").path("participants").asInt(),
            String.join(", ", texts(settings.path("targets"))),
            settings.path("folds_by").asText(),
            settings.path("bootstrap").asInt(),
            settings.path("seed").asLong()));
    List<String> problems = texts(evaluation.path("problems"));
    problems.addAll(texts(evaluation.path("failed_cells")));
    if (!problems.isEmpty()) {
      page.paragraph(problems.size() + " problem(s) met (see evaluation.json):");
      page.list(problems);
    }
  }

  private void protocol(String folder, JsonNode folds) {
    List<JsonNode> cells = new ArrayList<>();
    folds.path("cells").forEach(cells::add);
    List<String> models = distinct(cells, "name");
    List<String> targets = distinct(cells, "target");
    String protocol = folds.path("protocol").asText();
    List<String> metrics = TABLE_METRICS.getOrDefault(protocol, List.of("pcc", "rmse"));
    page.section(folder, folds.path("title").asText());

    List<String> headers = new ArrayList<>(List.of("model"));
    targets.forEach(t -> metrics.forEach(m -> headers.add(t + " " + METRIC_NAMES.get(m))));
    Table table = Table.plain(headers).id(folder + "-table");
    for (String model : models) {
      List<Cell> row = new ArrayList<>(List.of(Cell.text(model)));
      for (String target : targets) {
        JsonNode cell = find(cells, model, target);
        for (String metric : metrics) {
          row.add(scoreCell(cell, metric));
        }
      }
      table.row(row);
    }
    page.table(table);
    page.note(
        "Each cell: the value [95% bootstrap interval, resampling participants]; \"undefined\":"
            + " constant predictions or targets; \"failed\": see evaluation.json.");

    for (String metric : metrics) {
      double[][][] values = new double[models.size()][targets.size()][];
      double[][][] intervals = new double[models.size()][targets.size()][];
      for (int m = 0; m < models.size(); m++) {
        for (int t = 0; t < targets.size(); t++) {
          JsonNode score = find(cells, models.get(m), targets.get(t)).path("scores").path(metric);
          values[m][t] = new double[] {number(score.path(0))};
          intervals[m][t] = new double[] {number(score.path(1)), number(score.path(2))};
        }
      }
      figure(
          folder + "/" + metric + "-intervals.png",
          EvaluationCharts.byCell(
              METRIC_NAMES.get(metric) + " on the test data with its 95% interval, " + folder,
              METRIC_NAMES.get(metric) + (metric.equals("rmse") ? " (target units)" : ""),
              targets,
              models,
              values,
              intervals),
          METRIC_NAMES.get(metric) + " of each model per target; the bars are the 95% intervals.");
    }

    String runs = protocol.equals("cv") ? "folds" : "restarts";
    String lead = metrics.get(0);
    double[][][] own = new double[models.size()][targets.size()][];
    for (int m = 0; m < models.size(); m++) {
      for (int t = 0; t < targets.size(); t++) {
        List<Double> scores = new ArrayList<>();
        for (JsonNode run : find(cells, models.get(m), targets.get(t)).path(runs)) {
          scores.add(number(run.path("test_scores").path(lead)));
        }
        own[m][t] = scores.stream().mapToDouble(Double::doubleValue).toArray();
      }
    }
    figure(
        folder + "/" + runs + ".png",
        EvaluationCharts.byCell(
            METRIC_NAMES.get(lead) + " of each of the " + runs + " on its own test data, " + folder,
            METRIC_NAMES.get(lead)
                + " (one point per "
                + runs.substring(0, runs.length() - 1)
                + ")",
            targets,
            models,
            own,
            null),
        "Each point is one "
            + runs.substring(0, runs.length() - 1)
            + "'s own test score"
            + (protocol.equals("cv")
                ? "; the table scores the pooled predictions of all folds instead."
                : "; the table scores the restart with the best dev CCC."));

    losses(folder, cells, models, targets, runs);

    for (String model : models) {
      double[][] truth = new double[targets.size()][];
      double[][] predicted = new double[targets.size()][];
      for (int t = 0; t < targets.size(); t++) {
        JsonNode cell = find(cells, model, targets.get(t));
        List<double[]> pairs = new ArrayList<>();
        for (JsonNode run : cell.path(runs)) {
          boolean scored =
              protocol.equals("cv")
                  || run.path("index").asInt() == cell.path("chosen_restart").asInt(-1);
          for (int i = 0; scored && i < run.path("test_targets").size(); i++) {
            pairs.add(
                new double[] {
                  run.path("test_targets").get(i).asDouble(),
                  run.path("test_predictions").get(i).asDouble()
                });
          }
        }
        truth[t] = pairs.stream().mapToDouble(p -> p[0]).toArray();
        predicted[t] = pairs.stream().mapToDouble(p -> p[1]).toArray();
      }
      figure(
          folder + "/predictions-" + slug(model) + ".png",
          EvaluationCharts.predictions(
              model + ": test predictions against targets, " + folder, targets, truth, predicted),
          model
              + ": each test recording's prediction against its target ("
              + (protocol.equals("cv") ? "every fold's test recordings" : "the chosen restart")
              + "; the random baseline's first draw).");
    }
  }

  /** The BiLSTMs' losses per epoch as small multiples, if any model recorded them. */
  private void losses(
      String folder, List<JsonNode> cells, List<String> models, List<String> targets, String runs) {
    List<List<EvaluationCharts.LossPanel>> rows = new ArrayList<>();
    for (String model : models) {
      List<EvaluationCharts.LossPanel> row = new ArrayList<>();
      for (String target : targets) {
        List<double[]> train = new ArrayList<>();
        List<double[]> validation = new ArrayList<>();
        for (JsonNode run : find(cells, model, target).path(runs)) {
          if (run.has("train_loss")) {
            train.add(numbers(run.path("train_loss")));
            validation.add(numbers(run.path("validation_loss")));
          }
        }
        row.add(new EvaluationCharts.LossPanel(model + ", " + target, train, validation));
      }
      if (row.stream().anyMatch(panel -> !panel.trainLoss().isEmpty())) {
        rows.add(row);
      }
    }
    if (rows.isEmpty()) {
      return;
    }
    figure(
        folder + "/loss-per-epoch.png",
        EvaluationCharts.lossGrid("BiLSTM training and validation loss per epoch, " + folder, rows),
        "Each BiLSTM fit's training and validation loss after each epoch: a panel per model and"
            + " target, a line per "
            + runs.substring(0, runs.length() - 1)
            + ".");
  }

  private static double[] numbers(JsonNode array) {
    double[] values = new double[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = number(array.get(i));
    }
    return values;
  }

  private static Cell scoreCell(JsonNode cell, String metric) {
    if (cell.has("error")) {
      return Cell.text("failed");
    }
    JsonNode score = cell.path("scores").path(metric);
    double value = number(score.path(0));
    if (Double.isNaN(value)) {
      return Cell.text("undefined");
    }
    double low = number(score.path(1));
    double high = number(score.path(2));
    String text =
        Double.isNaN(low) || Double.isNaN(high)
            ? String.format(Locale.ROOT, "%.3f", value)
            : String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", value, low, high);
    return new Cell(text, value, null);
  }

  /** A JSON number, or NaN for anything else (Jackson writes NaN as a string or null). */
  private static double number(JsonNode node) {
    return node.isNumber() ? node.asDouble() : Double.NaN;
  }

  private static JsonNode find(List<JsonNode> cells, String model, String target) {
    return cells.stream()
        .filter(
            c -> c.path("name").asText().equals(model) && c.path("target").asText().equals(target))
        .findFirst()
        .orElse(Json.object());
  }

  private static List<String> distinct(List<JsonNode> cells, String field) {
    return cells.stream().map(c -> c.path(field).asText()).distinct().toList();
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }

  /** {@code name} as a file name: lower case, runs of other characters as one '-'. */
  static String slug(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
  }

  private void figure(String file, byte[] png, String caption) {
    figures.put(file, png);
    page.figure(file, caption);
  }
}
