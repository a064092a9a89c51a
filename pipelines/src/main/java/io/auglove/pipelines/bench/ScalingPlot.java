package io.auglove.pipelines.bench;

import java.awt.Color;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

/** Seconds per million raw rows against corpus size: flat when the cost is linear. */
final class ScalingPlot {

  /** One corpus: its size and the whole run's wall time. */
  record Point(BenchCorpus corpus, long rows, double seconds) {
    double secondsPerMillionRows() {
      return seconds / (rows / 1e6);
    }
  }

  private final List<Point> points = new ArrayList<>();

  void add(Point point) {
    points.add(point);
  }

  /** The largest seconds per million rows over the smallest: 1 is perfectly linear. */
  double spread() {
    double min = Double.MAX_VALUE;
    double max = 0;
    for (Point point : points) {
      min = Math.min(min, point.secondsPerMillionRows());
      max = Math.max(max, point.secondsPerMillionRows());
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
    out.printf("%12s %8s %10s %16s%n", "raw rows", "files", "seconds", "s per M rows");
    for (Point point : points) {
      out.printf(
          "%,12d %,8d %10.1f %16.2f%n",
          point.rows(), point.corpus().files(), point.seconds(), point.secondsPerMillionRows());
    }
    out.printf("largest / smallest seconds per million rows: %.2f%n", spread());
    double[] line = fixedAndPerMillion();
    out.printf("least squares: %.2f s fixed + %.2f s per million rows%n", line[0], line[1]);
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
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    chart.getStyler().setXAxisLogarithmic(true);
    chart.getStyler().setYAxisMin(0.0);
    double[] x = new double[points.size()];
    double[] y = new double[points.size()];
    for (int i = 0; i < points.size(); i++) {
      x[i] = points.get(i).rows() / 1e6;
      y[i] = points.get(i).secondsPerMillionRows();
    }
    chart.addSeries("whole run, wall time", x, y).setLineColor(new Color(31, 119, 180));
    try {
      return BitmapEncoder.getBitmapBytes(chart, BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
