package io.auglove.pipelines.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.abort;

import io.auglove.pipelines.bench.FigureTable.Figure;
import io.auglove.pipelines.bench.FigureTable.Kind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FitBenchmarkTest {

  private static final String PYTHON = "/usr/bin/python3";

  @TempDir Path folder;

  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

  private FitBenchmark benchmark(FitSettings settings) {
    return new FitBenchmark(
        settings, PYTHON, folder, new PrintStream(printed, true, StandardCharsets.UTF_8));
  }

  /**
   * The sweep needs no Python: each bounded fit's inertia after {@link
   * KMeansFigures#SWEEP_PLAIN_ITERATIONS} iterations equals plain Lloyd's from the same start (to
   * the float rounding of the plain search's matrix product).
   */
  @Test
  void theSweepsBoundedFitsMatchPlainLloyd() {
    FitSettings settings = new FitSettings(6_000, 10, 1_000, List.of(5), 10, List.of(5), 2);
    benchmark(settings).sweep(List.of(5, 40));
    String text = printed.toString(StandardCharsets.UTF_8);
    Pattern row =
        Pattern.compile("^\\| (\\d+) \\|(?: [^|]+ \\|){4} ([0-9.]+) \\|", Pattern.MULTILINE);
    Matcher matcher = row.matcher(text);
    int rows = 0;
    while (matcher.find()) {
      rows++;
      double ratio = Double.parseDouble(matcher.group(2));
      assertEquals(1.0, ratio, 1e-5, "k = " + matcher.group(1) + ": " + text);
    }
    assertEquals(2, rows, text);
    assertTrue(text.contains("sweep total (bounded fits)"), text);
  }

  /** The whole table against the real baselines on small sizes; skipped without them. */
  @Test
  void theFiguresCompareOursWithScikitLearnAndNumbaOnTheSameData() throws Exception {
    try {
      new PythonScript(PYTHON, folder).requireModules("sklearn", "numba");
    } catch (IllegalArgumentException e) {
      abort("skipped: " + e.getMessage());
    }

    FitSettings settings = new FitSettings(20_000, 100, 5_000, List.of(20), 50_000, List.of(25), 0);
    List<Figure> figures = benchmark(settings).run().figures();

    assertEquals(4 + 1 + 2, figures.size());
    for (Figure figure : figures) {
      assertTrue(figure.ours() > 0 && figure.theirs() > 0, figure.toString());
    }
    Figure inertia = figures.get(4);
    assertEquals(Kind.LOSS, inertia.kind());
    assertEquals(1.0, inertia.ratio(), 0.03, "k-means inertia against scikit-learn's");
    Figure loss = figures.get(6);
    assertEquals(Kind.LOSS, loss.kind());
    assertEquals(1.0, loss.ratio(), 0.02, "GloVe loss against the numba loop's");
    assertEquals(figures.size() + 1, Files.readAllLines(folder.resolve("fits.csv")).size());
    assertTrue(Files.size(folder.resolve("fits.png")) > 5_000);
  }
}
