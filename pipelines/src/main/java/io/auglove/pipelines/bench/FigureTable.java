package io.auglove.pipelines.bench;

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

/**
 * The figures of {@code auglove bench --fits}: each one ours against its Python baseline, measured
 * in the same run on the same data, with a ratio that reads the same way for every speed figure
 * (above 1: ours is faster) and for every quality figure (ours over theirs: below 1, ours is
 * better).
 */
final class FigureTable {

  /** What a figure measures, which says how its ratio is taken. */
  enum Kind {
    /** Seconds, lower is better: the ratio is theirs / ours, how many times faster ours is. */
    SECONDS,
    /** Work per second, higher is better: the ratio is ours / theirs, as for seconds. */
    RATE,
    /** A loss or an inertia, lower is better: the ratio is ours / theirs. */
    LOSS;

    boolean isSpeed() {
      return this != LOSS;
    }

    String format(double value) {
      return switch (this) {
        case SECONDS -> String.format("%.3f", value);
        case RATE -> String.format("%.3gM", value / 1e6);
        case LOSS -> String.format("%.6g", value);
      };
    }
  }

  /**
   * One figure.
   *
   * @param label a few words for the chart's axis
   * @param baseline what the Python side ran
   */
  record Figure(String name, String label, Kind kind, double ours, double theirs, String baseline) {

    double ratio() {
      return kind == Kind.SECONDS ? theirs / ours : ours / theirs;
    }

    String ratioText() {
      return kind.isSpeed() ? String.format("%.2fx", ratio()) : String.format("%.4f", ratio());
    }
  }

  private final String title;
  private final List<Figure> figures = new ArrayList<>();

  FigureTable(String title) {
    this.title = title;
  }

  void add(Figure figure) {
    figures.add(figure);
  }

  List<Figure> figures() {
    return List.copyOf(figures);
  }

  void print(PrintStream out) {
    out.println(title);
    out.println("| figure | auglove | Python | baseline | ratio |");
    out.println("|---|---|---|---|---|");
    for (Figure figure : figures) {
      out.printf(
          "| %s | %s | %s | %s | %s |%n",
          figure.name(),
          figure.kind().format(figure.ours()),
          figure.kind().format(figure.theirs()),
          figure.baseline(),
          figure.ratioText());
    }
    out.println(
        "(speed: ratio above 1 is auglove faster; inertia and loss: auglove / Python, below 1 is"
            + " auglove better)");
  }

  /** The figures as CSV. */
  String csv() {
    StringBuilder text = new StringBuilder("figure,kind,auglove,python,baseline,ratio\n");
    for (Figure figure : figures) {
      text.append('"')
          .append(figure.name().replace("\"", "\"\""))
          .append("\",")
          .append(figure.kind())
          .append(',')
          .append(figure.ours())
          .append(',')
          .append(figure.theirs())
          .append(",\"")
          .append(figure.baseline().replace("\"", "\"\""))
          .append("\",")
          .append(figure.ratio())
          .append('\n');
    }
    return text.toString();
  }

  /** The speed figures' ratios as a bar chart, PNG: bars above 1 are auglove faster. */
  byte[] png() {
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(1000)
            .height(600)
            .title(title)
            .xAxisTitle("figure")
            .yAxisTitle("times as fast as the Python baseline (1 = as fast)")
            .build();
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setLabelsVisible(true);
    chart.getStyler().setDecimalPattern("0.00");
    List<String> names = new ArrayList<>();
    List<Double> ratios = new ArrayList<>();
    for (Figure figure : figures) {
      if (figure.kind().isSpeed()) {
        names.add(figure.label());
        ratios.add(figure.ratio());
      }
    }
    chart.addSeries("auglove", names, ratios).setFillColor(new Color(31, 119, 180));
    chart.getStyler().setYAxisMin(0.0);
    try {
      return BitmapEncoder.getBitmapBytes(chart, BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
