package io.auglove.pipelines.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ScalingPlotTest {

  /** Wall time 4 s fixed + 10 s per million rows; row-stage busy time exactly 6 s per million. */
  private static ScalingPlot plot() {
    ScalingPlot plot = new ScalingPlot();
    plot.add(new ScalingPlot.Point(new BenchCorpus(500_000, 300), 500_000, 9, 3));
    plot.add(new ScalingPlot.Point(new BenchCorpus(2_000_000, 1200), 2_000_000, 24, 12));
    plot.add(new ScalingPlot.Point(new BenchCorpus(4_000_000, 2400), 4_000_000, 44, 24));
    return plot;
  }

  @Test
  void theLineSeparatesTheFixedCostFromThePerRowCost() {
    assertArrayEquals(new double[] {4, 10}, plot().fixedAndPerMillion(), 1e-9);
  }

  @Test
  void spreadIsTheLargestFigurePerMillionRowsOverTheSmallest() {
    ScalingPlot plot = plot();
    // Whole run: 18, 12 and 11 s per million rows; row stages: 6 at every size.
    assertEquals(18.0 / 11.0, plot.spread(ScalingPlot.Point::secondsPerMillionRows), 1e-12);
    assertEquals(1.0, plot.spread(ScalingPlot.Point::rowStageSecondsPerMillionRows), 1e-12);
  }

  @Test
  void theTableAndThePlotShowBothSeries() {
    ScalingPlot plot = plot();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    plot.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String table = bytes.toString(StandardCharsets.UTF_8);

    assertTrue(table.contains("whole run 1.64, row stages 1.00"), table);
    assertTrue(table.contains("4.00 s fixed + 10.00 s per million rows"), table);
    byte[] png = plot.png();
    assertEquals((byte) 0x89, png[0]);
    assertEquals('P', png[1]);
  }

  @Test
  void sizesLessThanTwiceApartGetNoLine() {
    // Two corpora of about a million rows in 600 and 6,000 files: a line through them says nothing.
    ScalingPlot plot = new ScalingPlot();
    plot.add(new ScalingPlot.Point(new BenchCorpus(1_000_000, 600), 988_184, 1.06, 0.9));
    plot.add(new ScalingPlot.Point(new BenchCorpus(1_000_000, 6000), 991_736, 1.62, 1.15));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    plot.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String table = bytes.toString(StandardCharsets.UTF_8);

    assertTrue(table.contains("whole run 1.52, row stages 1.27"), table);
    assertFalse(table.contains("least squares"), table);
  }

  @Test
  void aRunOfOneFileShowsTheCostThatGrowsWithTheCorpus() {
    // One file of 1,000 rows in 4.01 s: the 4 s fixed and 0.001M rows at 10 s per million.
    ScalingPlot plot = plot();
    plot.setOneFile(new ScalingPlot.Point(new BenchCorpus(1_000, 1), 1_000, 4.01, 0.006));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    plot.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String table = bytes.toString(StandardCharsets.UTF_8);

    // Beyond it: (9 - 4.01) / 0.499, (24 - 4.01) / 1.999 and (44 - 4.01) / 3.999, all 10.
    assertTrue(
        table.contains("whole run 1.64, row stages 1.00, whole run beyond 1 file 1.00"), table);
    assertTrue(table.contains("10.00\n"), table);
    // 4.01 of the 0.5M corpus's 9 s
    assertTrue(
        table.contains(
            "one file (1,000 rows) took 4.01 s, what any run costs: 45% of the"
                + " 500,000-row run"),
        table);
  }

  @Test
  void aRunOfOneFileNotHalfTheSmallestCorpusIsNotSubtracted() {
    ScalingPlot plot = new ScalingPlot();
    plot.add(new ScalingPlot.Point(new BenchCorpus(3_000, 2), 3_000, 1.2, 0.1));
    plot.setOneFile(new ScalingPlot.Point(new BenchCorpus(1_500, 1), 1_600, 1.1, 0.05));

    assertNotSubtracted(plot);
  }

  @Test
  void aRunOfOneFileNoFasterThanACorpusIsNotSubtracted() {
    // A one-file run slowed by noise, longer than the 0.5M corpus's: the difference means nothing.
    ScalingPlot plot = plot();
    plot.setOneFile(new ScalingPlot.Point(new BenchCorpus(1_000, 1), 1_000, 9.5, 0.006));

    assertNotSubtracted(plot);
  }

  private static void assertNotSubtracted(ScalingPlot plot) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    plot.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String table = bytes.toString(StandardCharsets.UTF_8);

    assertFalse(table.contains("beyond 1 file"), table);
    assertTrue(table.contains("not subtracted"), table);
  }
}
