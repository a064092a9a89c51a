package io.auglove.pipelines.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * The benchmark's table: each stage's seconds, ours against the Python baseline, and the ratio;
 * then the whole run. Ours per stage is busy time summed over threads (CPU seconds, so its ratio is
 * per core); the whole run is wall time on both sides.
 */
final class StageTable {

  /** One line of the table; {@code baseline} is NaN where the baseline has no such stage. */
  record Row(String stage, double ours, double baseline) {
    double ratio() {
      return baseline / ours;
    }
  }

  private final List<Row> rows;
  private final String title;

  private StageTable(String title, List<Row> rows) {
    this.title = title;
    this.rows = rows;
  }

  /** The table of one corpus: ours measured, the baseline's JSON. */
  static StageTable of(String title, PipelineMeasurement ours, JsonNode baseline) {
    List<Row> rows = new ArrayList<>();
    JsonNode seconds = baseline.path("seconds");
    for (Stage stage : Stage.values()) {
      double theirs =
          stage.baselineKey() == null ? Double.NaN : seconds.path(stage.baselineKey()).asDouble();
      rows.add(new Row(stage.label(), ours.stageSeconds().get(stage), theirs));
    }
    rows.add(new Row("whole run (wall)", ours.seconds(), seconds.path("total").asDouble()));
    return new StageTable(title, rows);
  }

  List<Row> rows() {
    return rows;
  }

  /** The whole run's ratio: the baseline's wall time over ours. */
  double wholeRatio() {
    return rows.get(rows.size() - 1).ratio();
  }

  void print(PrintStream out) {
    out.println(title);
    out.printf("%-18s %12s %12s %8s%n", "stage", "auglove s", "Python s", "ratio");
    for (Row row : rows) {
      out.printf(
          "%-18s %12.2f %12s %8s%n",
          row.stage(),
          row.ours(),
          Double.isNaN(row.baseline()) ? "-" : String.format("%.2f", row.baseline()),
          Double.isNaN(row.baseline()) ? "-" : String.format("%.2fx", row.ratio()));
    }
    out.println(
        "(a stage: auglove's busy time summed over its threads, so its ratio is per core, against"
            + " Python's one process, in which only scikit-learn's predict uses more than one"
            + " core; ratio = Python's seconds / auglove's)");
  }

  /** The table as a grouped bar chart, PNG. */
  byte[] png() {
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(1000)
            .height(560)
            .title(title)
            .xAxisTitle("stage")
            .yAxisTitle("seconds")
            .build();
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
    chart.getStyler().setXAxisLabelRotation(20);
    chart.getStyler().setOverlapped(false);
    List<String> stages = new ArrayList<>();
    List<Double> ours = new ArrayList<>();
    List<Double> theirs = new ArrayList<>();
    for (Row row : rows) {
      stages.add(
          Double.isNaN(row.baseline())
              ? row.stage()
              : row.stage() + String.format(" (%.1fx)", row.ratio()));
      ours.add(row.ours());
      // XChart draws no bar for a null value.
      theirs.add(Double.isNaN(row.baseline()) ? null : row.baseline());
    }
    chart.addSeries("auglove", stages, ours).setFillColor(new Color(31, 119, 180));
    chart
        .addSeries("Python (pandas, scikit-learn)", stages, theirs)
        .setFillColor(new Color(255, 127, 14));
    try {
      return BitmapEncoder.getBitmapBytes(chart, BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The table as CSV. */
  String csv() {
    StringBuilder text = new StringBuilder("stage,auglove_seconds,python_seconds,ratio\n");
    for (Row row : rows) {
      text.append(row.stage())
          .append(',')
          .append(row.ours())
          .append(',')
          .append(Double.isNaN(row.baseline()) ? "" : Double.toString(row.baseline()))
          .append(',')
          .append(Double.isNaN(row.baseline()) ? "" : Double.toString(row.ratio()))
          .append('\n');
    }
    return text.toString();
  }
}
