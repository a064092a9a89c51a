package io.auglove.pipelines.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The fits alone against their Python baselines, in one run on the same data: k-means against
 * scikit-learn and GloVe against a numba loop ({@code auglove bench --fits}); or the paper's
 * k-means sweep ({@code --sweep}).
 */
public final class FitBenchmark {

  private final FitSettings settings;
  private final Path folder;
  private final Path work;
  private final PythonScript python;
  private final PrintStream out;

  /**
   * @param python the interpreter with Debian's python3-sklearn and python3-numba
   * @param folder where the data handed to Python, the table and its plot go
   */
  public FitBenchmark(FitSettings settings, String python, Path folder, PrintStream out) {
    this.settings = settings;
    this.folder = folder;
    this.work = folder.resolve("python");
    this.python = new PythonScript(python, work);
    this.out = out;
  }

  /** k-means, then GloVe: prints the table and writes {@code fits.png} and {@code fits.csv}. */
  public FigureTable run() throws IOException, InterruptedException {
    python.requireModules("sklearn", "numba");
    Files.createDirectories(work);
    FigureTable table =
        new FigureTable(
            String.format(
                "k-means (%,d frames, k = %d) and GloVe (V = %d, %,d tokens) against scikit-learn"
                    + " and numba, %d cores",
                settings.frames(),
                settings.k(),
                GloveFigures.VOCABULARY,
                settings.gloveTokens(),
                Runtime.getRuntime().availableProcessors()));
    new KMeansFigures(settings, python, work, out).addTo(table);
    new GloveFigures(settings, python, work, out).addTo(table);
    out.println();
    table.print(out);
    Files.write(folder.resolve("fits.png"), table.png());
    Files.writeString(folder.resolve("fits.csv"), table.csv(), StandardCharsets.UTF_8);
    out.println("Wrote " + folder.resolve("fits.png") + " and fits.csv");
    return table;
  }

  /** The paper's sweep of k on {@code settings.frames()} frames, printed as a table. */
  public void sweep(List<Integer> ks) {
    new KMeansFigures(settings, python, work, out).sweep(ks);
  }
}
