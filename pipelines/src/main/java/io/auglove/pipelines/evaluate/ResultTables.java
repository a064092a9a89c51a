package io.auglove.pipelines.evaluate;

import io.auglove.models.metrics.Estimate;
import io.auglove.models.metrics.Metric;
import java.util.List;
import java.util.Locale;

/**
 * The paper's table layout, rows = models, columns = metrics per target: Table I (cross-validation:
 * PCC and RMSE) and Table II (fixed split: CCC, PCC and RMSE), as Markdown with 95% intervals and
 * as CSV with values only; and the long-form {@code results.csv}.
 */
final class ResultTables {

  private ResultTables() {}

  /** The metrics of a protocol's table, in column order. */
  static List<Metric> tableMetrics(Protocol protocol) {
    return protocol == Protocol.CV
        ? List.of(Metric.PCC, Metric.RMSE)
        : List.of(Metric.CCC, Metric.PCC, Metric.RMSE);
  }

  /** The table's title, which says when folds leak participants. */
  static String title(Protocol protocol, EvaluationSettings settings) {
    if (protocol == Protocol.FIXED) {
      return "Fixed train/dev/test split: test scores of the restart with the best dev CCC (of "
          + settings.restarts
          + " for the BiLSTMs)";
    }
    return settings.segmentFolds
        ? settings.folds
            + "-fold cross-validation by segment: LEAKING, a participant can be on both sides of a"
            + " fold, so these scores overstate what a model does for a new participant"
        : settings.folds + "-fold cross-validation grouped by participant: pooled test predictions";
  }

  static String markdown(Protocol protocol, EvaluationSettings settings, Cells cells) {
    List<Metric> metrics = tableMetrics(protocol);
    StringBuilder text = new StringBuilder("## " + title(protocol, settings) + "\n\n");
    text.append("| Model |");
    for (String target : settings.targets) {
      for (Metric metric : metrics) {
        text.append(' ').append(target).append(' ').append(metric.label());
        text.append(metric.higherIsBetter() ? " ↑" : " ↓").append(" |");
      }
    }
    text.append("\n|---|");
    text.append("---|".repeat(settings.targets.size() * metrics.size()));
    text.append('\n');
    for (String model : settings.models) {
      text.append("| ").append(ModelCatalog.displayName(model)).append(" |");
      for (String target : settings.targets) {
        CellScore cell = cells.get(protocol, model, target);
        for (Metric metric : metrics) {
          text.append(' ').append(cell == null ? "not run" : markdownCell(cell, metric));
          text.append(" |");
        }
      }
      text.append('\n');
    }
    text.append(
        "\nEach cell: the value over the "
            + (protocol == Protocol.CV
                ? "pooled test predictions of every fold"
                : "test predictions")
            + " [95% bootstrap interval, resampling participants]. \"undefined\": constant"
            + " predictions or targets, for which"
            + " PCC and CCC do not exist. \"failed\": see evaluation.json.\n");
    return text.toString();
  }

  private static String markdownCell(CellScore cell, Metric metric) {
    if (!cell.ok()) {
      return "failed";
    }
    Estimate e = cell.estimate(metric);
    if (!e.defined()) {
      return "undefined";
    }
    return e.intervalDefined()
        ? number(e.value()) + " [" + number(e.ciLow()) + ", " + number(e.ciHigh()) + "]"
        : number(e.value());
  }

  static String csv(Protocol protocol, EvaluationSettings settings, Cells cells) {
    List<Metric> metrics = tableMetrics(protocol);
    StringBuilder text = new StringBuilder("model");
    for (String target : settings.targets) {
      for (Metric metric : metrics) {
        text.append(',').append(csvField(target + " " + metric.label()));
      }
    }
    text.append('\n');
    for (String model : settings.models) {
      text.append(csvField(ModelCatalog.displayName(model)));
      for (String target : settings.targets) {
        CellScore cell = cells.get(protocol, model, target);
        for (Metric metric : metrics) {
          text.append(',');
          text.append(cell == null ? "NaN" : csvNumber(cell.estimate(metric).value()));
        }
      }
      text.append('\n');
    }
    return text.toString();
  }

  /** {@code model,target,metric,value,ci_low,ci_high}, every metric of every cell. */
  static String results(Protocol protocol, EvaluationSettings settings, Cells cells) {
    StringBuilder text = new StringBuilder("model,target,metric,value,ci_low,ci_high\n");
    for (String model : settings.models) {
      for (String target : settings.targets) {
        CellScore cell = cells.get(protocol, model, target);
        for (Metric metric : Metric.values()) {
          Estimate e = cell == null ? Estimate.undefined() : cell.estimate(metric);
          text.append(csvField(ModelCatalog.displayName(model))).append(',');
          text.append(csvField(target)).append(',');
          text.append(metricId(metric)).append(',');
          text.append(csvNumber(e.value())).append(',');
          text.append(csvNumber(e.ciLow())).append(',');
          text.append(csvNumber(e.ciHigh())).append('\n');
        }
      }
    }
    return text.toString();
  }

  /** The metric's name in {@code results.csv}: pcc, abs_pcc, rmse, ccc. */
  static String metricId(Metric metric) {
    return metric.name().toLowerCase(Locale.ROOT);
  }

  static String number(double value) {
    return String.format(Locale.ROOT, "%.3f", value);
  }

  private static String csvNumber(double value) {
    return Double.isNaN(value) ? "NaN" : String.format(Locale.ROOT, "%.6f", value);
  }

  private static String csvField(String text) {
    return text.contains(",") || text.contains("\"")
        ? '"' + text.replace("\"", "\"\"") + '"'
        : text;
  }
}
