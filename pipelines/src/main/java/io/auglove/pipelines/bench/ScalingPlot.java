package io.auglove.pipelines.bench;

import java.awt.Color;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;

/**
 * Seconds per million raw rows against corpus size, flat when the cost is linear: the whole run's
 * wall time, which carries a fixed cost that weighs most on the smallest corpora, and the busy time
 * of the stages that handle every row (reading to co-occurrence, summed over threads), which does
 * not. Given a run of one file, it also shows the whole run beyond that run: the cost that grows
 * with the corpus, measured rather than fitted.
 */
final class ScalingPlot {

  /**
   * One corpus: its size, the whole run's wall time and the per-row stages' busy time.
   *
   * @param rowStageSeconds busy time of the stages that handle every row, summed over threads
   */
  record Point(BenchCorpus corpus, long rows, double seconds, double rowStageSeconds) {

    static Point of(BenchCorpus corpus, PipelineMeasurement measurement) {
      double rowStages = 0;
      for (Stage stage : Stage.values()) {
        if (stage.perRow()) {
          rowStages += measurement.stageSeconds().get(stage);
        }
      }
      return new Point(corpus, measurement.counts().rowsRead(), measurement.seconds(), rowStages);
    }

    double secondsPerMillionRows() {
      return seconds / (rows / 1e6);
    }

    double rowStageSecondsPerMillionRows() {
      return rowStageSeconds / (rows / 1e6);
    }

    /** Seconds per million rows of what this run takes beyond {@code base}, a smaller run. */
    double secondsPerMillionRowsBeyond(Point base) {
      return (seconds - base.seconds()) / ((rows - base.rows()) / 1e6);
    }
  }

  private final List<Point> points = new ArrayList<>();

  /** A run of one file, what every run costs however small; null when not measured. */
  private Point oneFile;

  void add(Point point) {
    points.add(point);
  }

  /** The run of one file that the whole run is shown beyond. */
  void setOneFile(Point point) {
    oneFile = point;
  }

  /**
   * The run of one file, or null when there is none, or when a corpus is less than twice its size
   * or took no longer (the difference would be noise).
   */
  private Point base() {
    if (oneFile == null
        || points.stream()
            .anyMatch(
                point ->
                    point.rows() < 2 * oneFile.rows() || point.seconds() <= oneFile.seconds())) {
      return null;
    }
    return oneFile;
  }

  /** The largest of a figure per million rows over the smallest: 1 is perfectly linear. */
  double spread(ToDoubleFunction<Point> perMillionRows) {
    double min = Double.MAX_VALUE;
    double max = 0;
    for (Point point : points) {
      min = Math.min(min, perMillionRows.applyAsDouble(point));
      max = Math.max(max, perMillionRows.applyAsDouble(point));
    }
    return max / min;
  }

  /** The least-squares line of seconds against millions of rows: {fixed seconds, per million}. */
  double[] fixedAndPerMillion() {
    double n = points.size();
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    for (Point point : points) {
      double x = point.rows() / 1e6;
      sx += x;
      sy += point.seconds();
      sxx += x * x;
      sxy += x * point.seconds();
    }
    double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
    return new double[] {(sy - slope * sx) / n, slope};
  }

  void print(PrintStream out) {
    Point base = base();
    out.printf(
        "%12s %8s %10s %16s %18s %16s%s%n",
        "raw rows",
        "files",
        "seconds",
        "s per M rows",
        "row stages busy s",
        "busy s per M",
        base == null ? "" : String.format(" %22s", "beyond 1 file s per M"));
    for (Point point : points) {
      out.printf(
          "%,12d %,8d %10.1f %16.2f %18.1f %16.2f%s%n",
          point.rows(),
          point.corpus().files(),
          point.seconds(),
          point.secondsPerMillionRows(),
          point.rowStageSeconds(),
          point.rowStageSecondsPerMillionRows(),
          base == null ? "" : String.format(" %22.2f", point.secondsPerMillionRowsBeyond(base)));
    }
    out.printf(
        "largest / smallest per million rows: whole run %.2f, row stages %.2f%s%n",
        spread(Point::secondsPerMillionRows),
        spread(Point::rowStageSecondsPerMillionRows),
        base == null
            ? ""
            : String.format(
                ", whole run beyond 1 file %.2f",
                spread(point -> point.secondsPerMillionRowsBeyond(base))));
    if (base != null) {
      Point smallest = points.stream().min(Comparator.comparingLong(Point::rows)).orElseThrow();
      out.printf(
          "one file (%,d rows) took %.2f s, what any run costs: %.0f%% of the %,d-row run%n",
          base.rows(), base.seconds(), 100 * base.seconds() / smallest.seconds(), smallest.rows());
    } else if (oneFile != null) {
      out.printf(
          "one file (%,d rows) took %.2f s, not subtracted: a corpus is less than twice its rows or"
              + " took no longer%n",
          oneFile.rows(), oneFile.seconds());
    }
    LongSummaryStatistics rows = points.stream().mapToLong(Point::rows).summaryStatistics();
    if (rows.getMax() >= 2 * rows.getMin()) { // sizes closer than that give no line worth printing
      double[] line = fixedAndPerMillion();
      out.printf("least squares: %.2f s fixed + %.2f s per million rows%n", line[0], line[1]);
    }
  }

  byte[] png() {
    XYChart chart =
        new XYChartBuilder()
            .width(800)
            .height(500)
            .title("auglove vocabulary: seconds per million raw rows against corpus size")
            .xAxisTitle("raw rows (millions, log scale)")
            .yAxisTitle("seconds per million raw rows")
            .build();
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
    chart.getStyler().setXAxisLogarithmic(true);
    chart.getStyler().setYAxisMin(0.0);
    double[] x = points.stream().mapToDouble(point -> point.rows() / 1e6).toArray();
    chart
        .addSeries(
            "whole run, wall time",
            x,
            points.stream().mapToDouble(Point::secondsPerMillionRows).toArray())
        .setLineColor(new Color(31, 119, 180));
    chart
        .addSeries(
            "reading to co-occurrence, busy time summed over threads",
            x,
            points.stream().mapToDouble(Point::rowStageSecondsPerMillionRows).toArray())
        .setLineColor(new Color(255, 127, 14));
    Point base = base();
    if (base != null) {
      XYSeries beyond =
          chart.addSeries(
              "whole run beyond a run of one file, wall time",
              x,
              points.stream()
                  .mapToDouble(point -> point.secondsPerMillionRowsBeyond(base))
                  .toArray());
      Color green = new Color(44, 160, 44);
      beyond.setLineColor(green);
      beyond.setMarkerColor(green);
    }
    try {
      return BitmapEncoder.getBitmapBytes(chart, BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
