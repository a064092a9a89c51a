package io.auglove.pipelines.report;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/** What every figure of a report shares: a white background, PNG encoding, colours. */
final class Charts {

  /** A palette of 20 colours that stay apart from each other (Tableau 20, reordered). */
  private static final Color[] PALETTE = {
    new Color(31, 119, 180),
    new Color(255, 127, 14),
    new Color(44, 160, 44),
    new Color(214, 39, 40),
    new Color(148, 103, 189),
    new Color(140, 86, 75),
    new Color(227, 119, 194),
    new Color(188, 189, 34),
    new Color(23, 190, 207),
    new Color(174, 199, 232),
    new Color(255, 187, 120),
    new Color(152, 223, 138),
    new Color(255, 152, 150),
    new Color(197, 176, 213),
    new Color(196, 156, 148),
    new Color(247, 182, 210),
    new Color(219, 219, 141),
    new Color(158, 218, 229),
    new Color(127, 127, 127),
    new Color(199, 199, 199)
  };

  private Charts() {}

  /** Colour {@code index} of the palette, repeating after 20. */
  static Color colour(int index) {
    return PALETTE[Math.floorMod(index, PALETTE.length)];
  }

  /** {@code colour} as CSS: {@code #1f77b4}. */
  static String css(Color colour) {
    return String.format("#%02x%02x%02x", colour.getRed(), colour.getGreen(), colour.getBlue());
  }

  /** The report's common style on {@code styler}. */
  static void style(Styler styler) {
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setLegendPosition(Styler.LegendPosition.OutsideE);
  }

  /** {@code chart} as PNG bytes. */
  static byte[] png(Chart<?, ?> chart) {
    try {
      return BitmapEncoder.getBitmapBytes(chart, BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "rendering '" + chart.getTitle() + "' failed: " + e.getMessage(), e);
    }
  }
}
