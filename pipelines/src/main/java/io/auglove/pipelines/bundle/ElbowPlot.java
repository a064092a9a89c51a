package io.auglove.pipelines.bundle;

import io.auglove.transforms.ChooseK;
import io.auglove.transforms.KMeansFit;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The elbow plot: mean distance of a frame to its nearest centre against k on a log scale, each k
 * labelled, the knee and the vocabulary's k marked.
 */
public final class ElbowPlot {

  private static final Color CURVE = new Color(31, 119, 180);
  private static final Color KNEE = new Color(214, 39, 40);
  private static final Color CHOSEN = new Color(44, 160, 44);

  private ElbowPlot() {}

  /** The plot of {@code choice} as PNG bytes. */
  public static byte[] png(ChooseK.Choice choice) {
    List<KMeansFit.Fit> fits = choice.fits();
    double[] logK = fits.stream().mapToDouble(f -> Math.log10(f.k())).toArray();
    double[] distances = fits.stream().mapToDouble(KMeansFit.Fit::meanDistance).toArray();
    XYChart chart =
        new XYChartBuilder()
            .width(800)
            .height(500)
            .title("Elbow: mean distance of a frame to its nearest centre")
            .xAxisTitle("k (log scale)")
            .yAxisTitle("mean Euclidean distance (AU intensity)")
            .build();
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setMarkerSize(10);
    // Plotted against log10(k) so that every k can be labelled; the axis shows k itself.
    chart.setCustomXAxisTickLabelsFormatter(
        x ->
            new BigDecimal(Math.pow(10, x))
                .round(new MathContext(3))
                .stripTrailingZeros()
                .toPlainString());
    XYSeries curve = chart.addSeries("mean distance", logK, distances);
    curve.setMarker(SeriesMarkers.CIRCLE);
    curve.setLineColor(CURVE);
    curve.setMarkerColor(CURVE);
    for (int i = 0; i < logK.length; i++) {
      chart.addAnnotation(new AnnotationText("k=" + fits.get(i).k(), logK[i], distances[i], false));
    }
    int chosen = choice.chosen().k();
    int knee = choice.knee().orElse(-1);
    if (knee == chosen) {
      mark(
          chart,
          "knee and vocabulary (k = " + chosen + ")",
          chosen,
          fits,
          SeriesMarkers.SQUARE,
          CHOSEN);
    } else {
      if (knee > 0) {
        mark(chart, "knee (k = " + knee + ")", knee, fits, SeriesMarkers.DIAMOND, KNEE);
      }
      mark(chart, "vocabulary (k = " + chosen + ")", chosen, fits, SeriesMarkers.SQUARE, CHOSEN);
    }
    try {
      return BitmapEncoder.getBitmapBytes(chart, BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException("rendering the elbow plot failed: " + e.getMessage(), e);
    }
  }

  private static double max(double[] values) {
    return java.util.Arrays.stream(values).max().orElse(0);
  }

  private static double min(double[] values) {
    return java.util.Arrays.stream(values).min().orElse(0);
  }

  private static void mark(
      XYChart chart, String name, int k, List<KMeansFit.Fit> fits, Marker marker, Color color) {
    double distance =
        fits.stream().filter(f -> f.k() == k).findFirst().orElseThrow().meanDistance();
    XYSeries point = chart.addSeries(name, new double[] {Math.log10(k)}, new double[] {distance});
    point.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    point.setMarker(marker);
    point.setMarkerColor(color);
  }
}
