package io.auglove.pipelines.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
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

  /** One panel of the loss small multiples: each fold's or restart's losses after each epoch. */
  record LossPanel(String title, List<double[]> trainLoss, List<double[]> validationLoss) {}

  private static final int PANEL_WIDTH = 420;
  private static final int PANEL_HEIGHT = 300;
  private static final int HEADER = 64;

  /**
   * Small multiples of the BiLSTMs' losses per epoch: a panel per model (rows) and target
   * (columns), a line per fold or restart, training loss in one colour and validation loss in
   * another.
   */
  static byte[] lossGrid(String title, List<List<LossPanel>> rows) {
    int columns = rows.stream().mapToInt(List::size).max().orElse(1);
    BufferedImage image =
        new BufferedImage(
            Math.max(PANEL_WIDTH * columns, 800),
            HEADER + PANEL_HEIGHT * Math.max(1, rows.size()),
            BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    try {
      graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      graphics.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      graphics.setColor(Color.WHITE);
      graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
      graphics.setColor(Color.BLACK);
      graphics.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
      graphics.drawString(title, 12, 24);
      graphics.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
      graphics.setColor(Charts.colour(0));
      graphics.drawString("training loss", 12, 48);
      graphics.setColor(Charts.colour(1));
      graphics.drawString("validation loss", 112, 48);
      graphics.setColor(Color.DARK_GRAY);
      graphics.drawString(
          "(MSE on targets scaled to [-1, 1]; one line per fold or restart; training stops early"
              + " on the validation loss)",
          222,
          48);
      for (int r = 0; r < rows.size(); r++) {
        for (int c = 0; c < rows.get(r).size(); c++) {
          Graphics2D panel =
              (Graphics2D)
                  graphics.create(
                      c * PANEL_WIDTH, HEADER + r * PANEL_HEIGHT, PANEL_WIDTH, PANEL_HEIGHT);
          try {
            lossPanel(rows.get(r).get(c)).paint(panel, PANEL_WIDTH, PANEL_HEIGHT);
          } finally {
            panel.dispose();
          }
        }
      }
    } finally {
      graphics.dispose();
    }
    try (ByteArrayOutputStream png = new ByteArrayOutputStream()) {
      ImageIO.write(image, "png", png);
      return png.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("rendering '" + title + "' failed: " + e.getMessage(), e);
    }
  }

  private static XYChart lossPanel(LossPanel panel) {
    XYChart chart =
        new XYChartBuilder()
            .width(PANEL_WIDTH)
            .height(PANEL_HEIGHT)
            .title(panel.title())
            .xAxisTitle("epoch")
            .yAxisTitle("loss (MSE)")
            .build();
    Charts.style(chart.getStyler());
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
    addLossLines(chart, "train", panel.trainLoss(), Charts.colour(0));
    addLossLines(chart, "validation", panel.validationLoss(), Charts.colour(1));
    return chart;
  }

  private static void addLossLines(XYChart chart, String name, List<double[]> runs, Color colour) {
    for (int run = 0; run < runs.size(); run++) {
      double[] loss = runs.get(run);
      if (loss.length == 0 || Arrays.stream(loss).anyMatch(Double::isNaN)) {
        continue;
      }
      XYSeries series =
          chart.addSeries(
              name + " " + run,
              IntStream.rangeClosed(1, loss.length).asDoubleStream().toArray(),
              loss);
      series.setMarker(SeriesMarkers.NONE);
      series.setLineColor(colour);
      series.setLineWidth(1.2f);
    }
  }
}
