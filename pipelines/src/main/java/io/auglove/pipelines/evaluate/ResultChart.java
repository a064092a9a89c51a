package io.auglove.pipelines.evaluate;

import io.auglove.models.metrics.Metric;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * A bar chart comparing the models per target: PCC under cross-validation, CCC on the fixed split
 * (the metric each table leads with). An undefined or failed cell has no bar.
 */
final class ResultChart {

  private ResultChart() {}

  static byte[] png(Protocol protocol, EvaluationSettings settings, Cells cells) {
    Metric metric = protocol == Protocol.CV ? Metric.PCC : Metric.CCC;
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(Math.max(800, 160 * settings.targets.size() + 300))
            .height(520)
            .title(
                metric.label()
                    + " per target, "
                    + (protocol == Protocol.CV
                        ? (settings.segmentFolds
                            ? "segment-level CV (LEAKING)"
                            : "CV by participant")
                        : "fixed split"))
            .xAxisTitle("target")
            .yAxisTitle(metric.label() + " (test)")
            .build();
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    chart.getStyler().setOverlapped(false);
    for (String model : settings.models) {
      List<String> targets = new ArrayList<>();
      List<Double> values = new ArrayList<>();
      for (String target : settings.targets) {
        CellScore cell = cells.get(protocol, model, target);
        double value = cell == null ? Double.NaN : cell.estimate(metric).value();
        targets.add(target);
        // XChart draws no bar for a null value.
        values.add(Double.isNaN(value) ? null : value);
      }
      chart.addSeries(ModelCatalog.displayName(model), targets, values);
    }
    try {
      return BitmapEncoder.getBitmapBytes(chart, BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException("rendering the result chart failed: " + e.getMessage(), e);
    }
  }
}
