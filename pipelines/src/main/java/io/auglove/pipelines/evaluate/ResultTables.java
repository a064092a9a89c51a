package io.auglove.pipelines.evaluate;

import io.auglove.models.metrics.Estimate;
import io.auglove.models.metrics.Metric;
import java.util.List;
import java.util.Locale;

/**
 * The paper's table layout, rows = models, columns = metrics per target: Table I (cross-validation:
 * PCC and RMSE, once per {@link Scoring}) and Table II (fixed split: CCC, PCC and RMSE), as
 * Markdown with 95% intervals and as CSV with values only; and the long-form {@code results.csv}.
 */
final class ResultTables {

  /** Marks a value that lies outside its interval; the table's notes say why. */
  private static final String OUTSIDE = "†";

  /** Stands for the interval of a cell with too few test participants. */
  private static final String NOT_ESTIMABLE = "interval not estimable";

  private ResultTables() {}

  /** The metrics of a protocol's table, in column order. */
  static List<Metric> tableMetrics(Protocol protocol) {
    return protocol == Protocol.CV
        ? List.of(Metric.PCC, Metric.RMSE)
        : List.of(Metric.CCC, Metric.PCC, Metric.RMSE);
  }

  /** The scorings of a protocol's tables: both for cross-validation, one for the fixed split. */
  static List<Scoring> scorings(Protocol protocol) {
    return protocol == Protocol.CV
        ? List.of(Scoring.POOLED, Scoring.FOLD_MEAN)
        : List.of(Scoring.POOLED);
  }

  /** The protocol's title, which says when folds leak participants. */
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
        : settings.folds + "-fold cross-validation grouped by participant";
  }

  /** The protocol's tables, one per scoring, each with its notes. */
  static String markdown(Protocol protocol, EvaluationSettings settings, Cells cells) {
    StringBuilder text = new StringBuilder();
    for (Scoring scoring : scorings(protocol)) {
      if (text.length() > 0) {
        text.append('\n');
      }
      text.append(markdown(protocol, scoring, settings, cells));
    }
    return text.toString();
  }

  private static String markdown(
      Protocol protocol, Scoring scoring, EvaluationSettings settings, Cells cells) {
    List<Metric> metrics = tableMetrics(protocol);
    StringBuilder text = new StringBuilder("## " + title(protocol, settings));
    if (protocol == Protocol.CV) {
      text.append(": ").append(scoring.description());
    }
    text.append("\n\n| Model |");
    for (String target : settings.targets) {
      for (Metric metric : metrics) {
        text.append(' ').append(target).append(' ').append(metric.label());
        text.append(metric.higherIsBetter() ? " ↑" : " ↓").append(" |");
      }
    }
    text.append("\n|---|");
    text.append("---|".repeat(settings.targets.size() * metrics.size()));
    text.append('\n');
    boolean notEstimable = false;
    for (String model : settings.models) {
      text.append("| ").append(ModelCatalog.displayName(model)).append(" |");
      for (String target : settings.targets) {
        CellScore cell = cells.get(protocol, model, target);
        for (Metric metric : metrics) {
          String shown = cell == null ? "not run" : markdownCell(cell, scoring, metric);
          notEstimable |= shown.contains(NOT_ESTIMABLE);
          text.append(' ').append(shown).append(" |");
        }
      }
      text.append('\n');
    }
    text.append("\nEach cell: the value of the ")
        .append(
            protocol == Protocol.FIXED
                ? "test predictions"
                : scoring == Scoring.POOLED
                    ? "pooled test predictions of every fold"
                    : "mean over folds of each fold's own score")
        .append(" [95% bootstrap interval, resampling participants")
        .append(scoring == Scoring.FOLD_MEAN ? " within each fold" : "")
        .append("]. \"undefined\": constant predictions or targets, for which PCC and CCC do not")
        .append(" exist. \"failed\": see evaluation.json.\n");
    if (notEstimable) {
      text.append("\"" + NOT_ESTIMABLE + "\": fewer than ")
          .append(CellScore.MIN_PARTICIPANTS)
          .append(" test participants, too few for a bootstrap interval.\n");
    }
    if (anyOutside(protocol, scoring, settings, cells)) {
      text.append(OUTSIDE)
          .append(": the value lies outside its interval (results.csv's |PCC|, which this table")
          .append(" does not show, may too). The interval is that of the metric on resamples,")
          .append(" which repeat participants; a metric biased under resampling (|PCC| near 0,")
          .append(" the random baseline's scores averaged over draws) moves away from the value")
          .append(" on most resamples.\n");
    }
    return text.toString();
  }

  /** Whether any metric of any cell, shown in the table or not, lies outside its interval. */
  private static boolean anyOutside(
      Protocol protocol, Scoring scoring, EvaluationSettings settings, Cells cells) {
    for (String model : settings.models) {
      for (String target : settings.targets) {
        CellScore cell = cells.get(protocol, model, target);
        for (Metric metric : Metric.values()) {
          if (cell != null && cell.ok() && outside(cell.estimate(scoring, metric))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Whether a defined value lies outside its defined interval. */
  private static boolean outside(Estimate e) {
    return e.defined() && e.intervalDefined() && (e.value() < e.ciLow() || e.value() > e.ciHigh());
  }

  private static String markdownCell(CellScore cell, Scoring scoring, Metric metric) {
    if (!cell.ok()) {
      return "failed";
    }
    Estimate e = cell.estimate(scoring, metric);
    if (!e.defined()) {
      return "undefined";
    }
    if (cell.intervalsNotEstimable()) {
      return number(e.value()) + " [" + NOT_ESTIMABLE + "]";
    }
    if (!e.intervalDefined()) {
      return number(e.value());
    }
    return number(e.value())
        + (outside(e) ? OUTSIDE : "")
        + " ["
        + number(e.ciLow())
        + ", "
        + number(e.ciHigh())
        + "]";
  }

  static String csv(Protocol protocol, Scoring scoring, EvaluationSettings settings, Cells cells) {
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
          text.append(cell == null ? "NaN" : csvNumber(cell.estimate(scoring, metric).value()));
        }
      }
      text.append('\n');
    }
    return text.toString();
  }

  /** {@code model,target,metric,value,ci_low,ci_high}, every metric of every cell. */
  static String results(
      Protocol protocol, Scoring scoring, EvaluationSettings settings, Cells cells) {
    StringBuilder text = new StringBuilder("model,target,metric,value,ci_low,ci_high\n");
    for (String model : settings.models) {
      for (String target : settings.targets) {
        CellScore cell = cells.get(protocol, model, target);
        for (Metric metric : Metric.values()) {
          Estimate e = cell == null ? Estimate.undefined() : cell.estimate(scoring, metric);
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
