package io.auglove.pipelines.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.auglove.models.glove.Cooccurrences;
import io.auglove.models.glove.Glove;
import io.auglove.models.glove.GloveResult;
import io.auglove.pipelines.bench.FigureTable.Figure;
import io.auglove.pipelines.bench.FigureTable.Kind;
import io.auglove.pipelines.featurize.NpyFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * GloVe against a numba loop in the manner of glove.c ({@code glove_baseline.py}), in the same run
 * on the same co-occurrence counts: non-zero updates per second on one thread, and the loss after
 * the same epochs.
 *
 * <p>The counts: symmetric window-10 counts (as the method's) over a generated corpus of token
 * sequences of 500 from a sticky Markov chain over {@link #VOCABULARY} tokens with Zipf-like
 * frequencies.
 */
final class GloveFigures {

  /** Tokens of the generated vocabulary, the bench's k. */
  static final int VOCABULARY = 1000;

  /** Epochs on both sides. */
  static final int EPOCHS = 10;

  private static final int WINDOW = 10;
  private static final int SEQUENCE = 500;
  private static final String NUMBA = "numba glove.c loop, 1 thread";

  private final FitSettings settings;
  private final PythonScript python;
  private final Path work;
  private final PrintStream out;

  GloveFigures(FitSettings settings, PythonScript python, Path work, PrintStream out) {
    this.settings = settings;
    this.python = python;
    this.work = work;
    this.out = out;
  }

  void addTo(FigureTable table) throws IOException, InterruptedException {
    Cooccurrences x = counts(VOCABULARY, settings.gloveTokens(), settings.seed());
    int[] rows = new int[x.size()];
    int[] columns = new int[x.size()];
    double[] values = new double[x.size()];
    for (int n = 0; n < x.size(); n++) {
      rows[n] = x.row(n);
      columns[n] = x.column(n);
      values[n] = x.value(n);
    }
    Files.write(work.resolve("glove-rows.npy"), NpyFiles.int32(rows));
    Files.write(work.resolve("glove-columns.npy"), NpyFiles.int32(columns));
    Files.write(work.resolve("glove-values.npy"), NpyFiles.float64(values));
    String dimensions =
        settings.gloveDimensions().stream().map(String::valueOf).collect(Collectors.joining(","));
    out.printf(
        "GloVe: V = %d, %,d non-zero counts from %,d tokens, d = %s, %d epochs; numba running"
            + " ...%n",
        VOCABULARY, x.size(), settings.gloveTokens(), dimensions, EPOCHS);
    JsonNode numba =
        python.run(
            "glove_baseline.py",
            List.of(
                "--rows=" + work.resolve("glove-rows.npy"),
                "--columns=" + work.resolve("glove-columns.npy"),
                "--values=" + work.resolve("glove-values.npy"),
                "--vocabulary=" + VOCABULARY,
                "--dimensions=" + dimensions,
                "--epochs=" + EPOCHS,
                "--seed=" + settings.seed()));
    for (JsonNode theirs : numba.get("results")) {
      int d = theirs.get("dimension").asInt();
      out.printf("GloVe: ours at d = %d ...%n", d);
      List<Double> seconds = new ArrayList<>();
      GloveResult ours =
          Glove.builder()
              .setDimension(d)
              .optEpochs(EPOCHS)
              .optSeed(settings.seed())
              .optListener((dimension, epoch, loss, s) -> seconds.add(s))
              .build()
              .fit(x);
      List<Double> theirSeconds = new ArrayList<>();
      theirs.get("seconds").forEach(node -> theirSeconds.add(node.asDouble()));
      JsonNode losses = theirs.get("losses");
      table.add(
          new Figure(
              String.format("GloVe, d = %d: non-zero updates per second, one thread", d),
              "GloVe, d = " + d,
              Kind.RATE,
              x.size() / laterEpochMedian(seconds),
              x.size() / laterEpochMedian(theirSeconds),
              NUMBA));
      table.add(
          new Figure(
              String.format("GloVe, d = %d: loss J / nnz after %d epochs", d, EPOCHS),
              "GloVe loss, d = " + d,
              Kind.LOSS,
              ours.finalLoss(),
              losses.get(losses.size() - 1).asDouble(),
              NUMBA));
    }
  }

  /** The median epoch's seconds after the first, which pays for the JIT on both sides. */
  static double laterEpochMedian(List<Double> seconds) {
    List<Double> later =
        new ArrayList<>(seconds.subList(Math.min(1, seconds.size() - 1), seconds.size()));
    later.sort(null);
    return later.get(later.size() / 2);
  }

  /**
   * Symmetric window counts over sticky Markov sequences of Zipf-distributed tokens: a token
   * repeats with probability 0.6, else a new one is drawn; windows never cross sequences.
   */
  static Cooccurrences counts(int vocabulary, int tokens, long seed) {
    Random random = new Random(seed);
    double[] cumulative = new double[vocabulary];
    double total = 0;
    for (int t = 0; t < vocabulary; t++) {
      total += 1.0 / (t + 1);
      cumulative[t] = total;
    }
    double[] counts = new double[vocabulary * vocabulary];
    int[] window = new int[WINDOW + 1];
    int filled = 0;
    int token = 0;
    for (int n = 0; n < tokens; n++) {
      if (n % SEQUENCE == 0) {
        filled = 0;
      }
      if (filled == 0 || random.nextDouble() > 0.6) {
        double u = random.nextDouble() * total;
        int low = 0;
        int high = vocabulary - 1;
        while (low < high) {
          int middle = (low + high) >>> 1;
          if (cumulative[middle] <= u) {
            low = middle + 1;
          } else {
            high = middle;
          }
        }
        token = low;
      }
      for (int back = 1; back <= Math.min(filled, WINDOW); back++) {
        int other = window[(n - back) % (WINDOW + 1)];
        counts[token * vocabulary + other] += 1;
        counts[other * vocabulary + token] += 1;
      }
      window[n % (WINDOW + 1)] = token;
      filled++;
    }
    Cooccurrences.Builder builder = Cooccurrences.builder(vocabulary);
    for (int i = 0; i < vocabulary; i++) {
      for (int j = 0; j < vocabulary; j++) {
        if (counts[i * vocabulary + j] > 0) {
          builder.add(i, j, counts[i * vocabulary + j]);
        }
      }
    }
    return builder.build();
  }
}
