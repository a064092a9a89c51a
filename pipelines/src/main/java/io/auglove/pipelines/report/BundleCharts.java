package io.auglove.pipelines.report;

import io.auglove.models.ActionUnits;
import io.auglove.pipelines.report.ClusterProfiles.Cluster;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The figures of a bundle's report, each a PNG with its title, axes, units and legend. */
final class BundleCharts {

  /** Heat-map rows below this height in pixels lose their labels, which would overlap. */
  private static final int LABELLED_ROW_PIXELS = 10;

  private BundleCharts() {}

  /** Rows of every file, stacked by what became of them. */
  static byte[] corpus(List<FileQuality> files) {
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(Math.max(900, 16 * files.size() + 320))
            .height(560)
            .title("What became of each file's rows")
            .xAxisTitle("input file")
            .yAxisTitle("rows (OpenFace frames)")
            .build();
    Charts.style(chart.getStyler());
    chart.getStyler().setStacked(true);
    chart.getStyler().setXAxisLabelRotation(90);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    List<String> names = files.stream().map(FileQuality::name).toList();
    addBars(chart, names, "kept (5 fps frames)", files.stream().map(f -> f.kept()).toList(), 2);
    addBars(
        chart, names, "not picked at 5 fps", files.stream().map(f -> f.downsampled()).toList(), 9);
    addBars(chart, names, "low confidence", files.stream().map(f -> f.lowConfidence()).toList(), 1);
    addBars(chart, names, "success = 0", files.stream().map(f -> f.successZero()).toList(), 4);
    addBars(
        chart, names, "rejected (malformed)", files.stream().map(f -> f.rejected()).toList(), 3);
    return Charts.png(chart);
  }

  private static void addBars(
      CategoryChart chart, List<String> names, String name, List<Long> values, int colour) {
    CategorySeries series = chart.addSeries(name, names, values);
    series.setFillColor(Charts.colour(colour));
  }

  /** The clusters' centres, the largest cluster on top, one column per AU with its FACS name. */
  static byte[] heatMap(List<Cluster> clusters) {
    int rowPixels = Math.max(1, Math.min(16, 1600 / Math.max(1, clusters.size())));
    HeatMapChart chart =
        new HeatMapChartBuilder()
            .width(1100)
            .height(Math.max(420, 300 + rowPixels * clusters.size()))
            .title("Cluster centres: AU intensity (0-5) of each cluster, largest cluster on top")
            .xAxisTitle("action unit")
            .yAxisTitle("cluster (frames)")
            .build();
    Charts.style(chart.getStyler());
    chart.getStyler().setXAxisLabelRotation(60);
    chart.getStyler().setShowValue(false);
    chart.getStyler().setMin(0);
    chart.getStyler().setMax(ActionUnits.MAX_INTENSITY);
    chart
        .getStyler()
        .setRangeColors(new Color[] {Color.WHITE, new Color(253, 174, 97), new Color(165, 0, 38)});
    chart.getStyler().setYAxisTicksVisible(rowPixels >= LABELLED_ROW_PIXELS);
    List<String> aus = IntStream.range(0, ActionUnits.COUNT).mapToObj(ActionUnits::label).toList();
    // The heat map draws its first row at the bottom.
    List<String> rows = new ArrayList<>();
    List<Number[]> cells = new ArrayList<>();
    for (int r = 0; r < clusters.size(); r++) {
      Cluster cluster = clusters.get(clusters.size() - 1 - r);
      rows.add(cluster.token() + " (" + cluster.count() + ")");
      for (int a = 0; a < ActionUnits.COUNT; a++) {
        cells.add(new Number[] {a, r, cluster.centre()[a]});
      }
    }
    chart.addSeries("AU intensity", aus, rows, cells);
    return Charts.png(chart);
  }

  /**
   * Frames per cluster against its rank, with the count threshold below which it is {@code <unk>}.
   */
  static byte[] sizes(List<Cluster> clusters, long countThreshold) {
    XYChart chart =
        new XYChartBuilder()
            .width(900)
            .height(500)
            .title("Cluster sizes")
            .xAxisTitle("cluster rank (largest first)")
            .yAxisTitle("frames in the cluster (5 fps, log scale)")
            .build();
    Charts.style(chart.getStyler());
    chart.getStyler().setYAxisLogarithmic(true);
    double[] ranks = IntStream.rangeClosed(1, clusters.size()).asDoubleStream().toArray();
    double[] counts = clusters.stream().mapToDouble(c -> Math.max(1, c.count())).toArray();
    XYSeries sizes = chart.addSeries("frames per cluster", ranks, counts);
    sizes.setMarker(SeriesMarkers.CIRCLE);
    sizes.setLineColor(Charts.colour(0));
    sizes.setMarkerColor(Charts.colour(0));
    XYSeries threshold =
        chart.addSeries(
            "count threshold (" + countThreshold + "): at or below it, <unk>",
            new double[] {1, Math.max(2, clusters.size())},
            new double[] {Math.max(1, countThreshold), Math.max(1, countThreshold)});
    threshold.setMarker(SeriesMarkers.NONE);
    threshold.setLineColor(Charts.colour(3));
    return Charts.png(chart);
  }

  /** GloVe's loss after each epoch, one line per dimension. */
  static byte[] gloveLoss(SortedMap<Integer, double[]> lossByDimension) {
    XYChart chart =
        new XYChartBuilder()
            .width(900)
            .height(500)
            .title("GloVe training loss per epoch")
            .xAxisTitle("epoch")
            .yAxisTitle("loss (log scale)")
            .build();
    Charts.style(chart.getStyler());
    chart.getStyler().setYAxisLogarithmic(true);
    int colour = 0;
    for (Entry<Integer, double[]> dimension : lossByDimension.entrySet()) {
      double[] loss = dimension.getValue();
      double[] epochs = IntStream.rangeClosed(1, loss.length).asDoubleStream().toArray();
      XYSeries series = chart.addSeries("d = " + dimension.getKey(), epochs, loss);
      series.setMarker(SeriesMarkers.NONE);
      series.setLineColor(Charts.colour(colour++));
    }
    return Charts.png(chart);
  }

  /** A map of points, one series per dominant AU, coloured as everywhere in the report. */
  static byte[] map(String title, String xAxis, String yAxis, double[][] points, int[] dominant) {
    XYChart chart =
        new XYChartBuilder()
            .width(900)
            .height(620)
            .title(title)
            .xAxisTitle(xAxis)
            .yAxisTitle(yAxis)
            .build();
    Charts.style(chart.getStyler());
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setMarkerSize(9);
    Map<Integer, List<Integer>> byDominant = new TreeMap<>();
    for (int i = 0; i < points.length; i++) {
      byDominant.computeIfAbsent(dominant[i], d -> new ArrayList<>()).add(i);
    }
    for (Entry<Integer, List<Integer>> group : byDominant.entrySet()) {
      List<Integer> members = group.getValue();
      XYSeries series =
          chart.addSeries(
              ClusterProfiles.dominantName(group.getKey()) + " (" + members.size() + ")",
              members.stream().mapToDouble(i -> points[i][0]).toArray(),
              members.stream().mapToDouble(i -> points[i][1]).toArray());
      series.setMarker(SeriesMarkers.CIRCLE);
      series.setMarkerColor(ClusterProfiles.colour(group.getKey()));
    }
    return Charts.png(chart);
  }

  /**
   * One lane per recording, a point per 5 fps step at its time, coloured by the dominant AU of its
   * token's cluster ({@code <unk>} grey).
   */
  static byte[] timeline(List<Timelines.Recording> recordings, ClusterProfiles clusters) {
    XYChart chart =
        new XYChartBuilder()
            .width(1100)
            .height(Math.max(460, 120 + 70 * recordings.size()))
            .title("Token timeline: the token of every 5 fps step")
            .xAxisTitle("time in the recording (s)")
            .yAxisTitle("recording (one lane each)")
            .build();
    Charts.style(chart.getStyler());
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setMarkerSize(6);
    chart.getStyler().setYAxisMin(-0.5);
    chart.getStyler().setYAxisMax(recordings.size() - 0.5);
    chart.getStyler().setYAxisTicksVisible(false);
    // Colour group -> (times, lanes); Integer.MIN_VALUE for tokens that are no cluster.
    SortedMap<Integer, List<double[]>> groups = new TreeMap<>();
    for (int lane = 0; lane < recordings.size(); lane++) {
      for (Timelines.Step step : recordings.get(lane).steps()) {
        Cluster cluster = clusters.cluster(step.code());
        int group = cluster == null ? Integer.MIN_VALUE : cluster.dominant();
        groups
            .computeIfAbsent(group, g -> new ArrayList<>())
            .add(new double[] {step.seconds(), lane});
      }
    }
    // Each lane is named above its middle: XChart places axis ticks where it likes.
    double end =
        recordings.stream()
            .flatMap(r -> r.steps().stream())
            .mapToDouble(Timelines.Step::seconds)
            .max()
            .orElse(0);
    for (int lane = 0; lane < recordings.size(); lane++) {
      chart.addAnnotation(
          new AnnotationText(recordings.get(lane).name(), end / 2, lane + 0.3, false));
    }
    for (Entry<Integer, List<double[]>> group : groups.entrySet()) {
      boolean noCluster = group.getKey() == Integer.MIN_VALUE;
      XYSeries series =
          chart.addSeries(
              noCluster ? "<unk>" : ClusterProfiles.dominantName(group.getKey()),
              group.getValue().stream().mapToDouble(p -> p[0]).toArray(),
              group.getValue().stream().mapToDouble(p -> p[1]).toArray());
      series.setMarker(SeriesMarkers.SQUARE);
      series.setMarkerColor(
          noCluster ? ClusterProfiles.NO_CLUSTER : ClusterProfiles.colour(group.getKey()));
    }
    return Charts.png(chart);
  }
}
