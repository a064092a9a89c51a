package io.auglove.pipelines.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The figures of an evaluation's report, each a PNG with its title, axes and legend. */
final class EvaluationCharts {

  private EvaluationCharts() {}

  /**
   * Values per (model, target): each target a group on the x axis, each model a colour within it;
   * every value a point and, where given, its interval a vertical bar.
   *
   * @param values per model, per target, the points to draw (NaN ones are left out)
   * @param intervals per model, per target, {low, high}, or null for no interval
   */
  static byte[] byCell(
      String title,
      String yAxis,
      List<String> targets,
      List<String> models,
      double[][][] values,
      double[][][] intervals) {
    XYChart chart =
        new XYChartBuilder()
            .width(Math.max(900, 220 * targets.size() + 360))
            .height(520)
            .title(title)
            // XChart places its ticks where it likes, so the groups are named in the axis title.
            .xAxisTitle("target, left to right: " + String.join(" | ", targets))
            .yAxisTitle(yAxis)
            .build();
    Charts.style(chart.getStyler());
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setXAxisMin(-0.5);
    chart.getStyler().setXAxisMax(targets.size() - 0.5);
    chart.getStyler().setXAxisTicksVisible(false);
    for (int m = 0; m < models.size(); m++) {
      double offset = (m - (models.size() - 1) / 2.0) * 0.8 / models.size();
      List<double[]> points = new ArrayList<>();
      for (int t = 0; t < targets.size(); t++) {
        for (double value : values[m][t]) {
          if (!Double.isNaN(value)) {
            points.add(new double[] {t + offset, value});
          }
        }
        double[] interval = intervals == null ? null : intervals[m][t];
        if (interval != null && !Double.isNaN(interval[0]) && !Double.isNaN(interval[1])) {
          XYSeries bar =
              chart.addSeries(
                  models.get(m) + " interval " + t,
                  new double[] {t + offset, t + offset},
                  interval);
          bar.setMarker(SeriesMarkers.NONE);
          bar.setLineColor(Charts.colour(m));
          bar.setLineStyle(SeriesLines.SOLID);
          bar.setShowInLegend(false);
        }
      }
      if (points.isEmpty()) {
        continue;
      }
      XYSeries series =
          chart.addSeries(
              models.get(m),
              points.stream().mapToDouble(p -> p[0]).toArray(),
              points.stream().mapToDouble(p -> p[1]).toArray());
      series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      series.setMarker(SeriesMarkers.CIRCLE);
      series.setMarkerColor(Charts.colour(m));
    }
    return Charts.png(chart);
  }

  /** Predictions against targets of one model, a colour per target, with the line y = x. */
  static byte[] predictions(
      String title, List<String> targets, double[][] truth, double[][] predicted) {
    XYChart chart =
        new XYChartBuilder()
            .width(800)
            .height(620)
            .title(title)
            .xAxisTitle("target (its own units)")
            .yAxisTitle("prediction (target units)")
            .build();
    Charts.style(chart.getStyler());
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    for (int t = 0; t < targets.size(); t++) {
      if (truth[t].length == 0) {
        continue;
      }
      XYSeries series = chart.addSeries(targets.get(t), truth[t], predicted[t]);
      series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      series.setMarker(SeriesMarkers.CIRCLE);
      series.setMarkerColor(Charts.colour(t));
      for (double[] values : new double[][] {truth[t], predicted[t]}) {
        for (double v : values) {
          low = Math.min(low, v);
          high = Math.max(high, v);
        }
      }
    }
    if (low <= high) {
      XYSeries identity =
          chart.addSeries(
              "prediction = target", new double[] {low, high}, new double[] {low, high});
      identity.setMarker(SeriesMarkers.NONE);
      identity.setLineColor(Color.GRAY);
      identity.setLineStyle(SeriesLines.DASH_DASH);
    }
    return Charts.png(chart);
  }
}
