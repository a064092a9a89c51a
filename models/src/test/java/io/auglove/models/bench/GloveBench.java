package io.auglove.models.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.auglove.models.glove.Cooccurrences;
import io.auglove.models.glove.Glove;
import io.auglove.models.glove.GloveResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * GloVe against a numba loop in the manner of glove.c ({@code glove_reference.py}), in the same run
 * on the same co-occurrence matrix: non-zero updates per second on one thread, and the loss after
 * the same epochs. Prints a Markdown table with ratios.
 *
 * <p>The matrix: symmetric window counts (window 10, as the method) over a generated corpus of
 * token sequences from a sticky Markov chain over V tokens with Zipf-like frequencies. Options
 * ({@code name=value}): {@code vocabulary} (1000), {@code tokens} (2000000), {@code dimensions}
 * (50,200), {@code epochs} (10), {@code seed} (0), {@code out} (target/bench).
 */
public final class GloveBench {

  private GloveBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = KMeansBench.options(args);
    int vocabulary = Integer.parseInt(options.getOrDefault("vocabulary", "1000"));
    int tokens = Integer.parseInt(options.getOrDefault("tokens", "2000000"));
    String dimensions = options.getOrDefault("dimensions", "50,200");
    int epochs = Integer.parseInt(options.getOrDefault("epochs", "10"));
    long seed = Long.parseLong(options.getOrDefault("seed", "0"));
    Path out = Path.of(options.getOrDefault("out", "target/bench"));

    Cooccurrences x = corpus(vocabulary, tokens, seed);
    int[] rows = new int[x.size()];
    int[] columns = new int[x.size()];
    double[] values = new double[x.size()];
    for (int n = 0; n < x.size(); n++) {
      rows[n] = x.row(n);
      columns[n] = x.column(n);
      values[n] = x.value(n);
    }
    BenchFrames.writeNpy(out.resolve("glove-rows.npy"), rows);
    BenchFrames.writeNpy(out.resolve("glove-columns.npy"), columns);
    BenchFrames.writeNpy(out.resolve("glove-values.npy"), values);
    System.out.printf(
        "V = %d tokens, %d non-zero entries, %d epochs%n", vocabulary, x.size(), epochs);
    JsonNode numba =
        Python.run(
            "glove_reference.py",
            List.of(
                "--rows=" + out.resolve("glove-rows.npy"),
                "--columns=" + out.resolve("glove-columns.npy"),
                "--values=" + out.resolve("glove-values.npy"),
                "--vocabulary=" + vocabulary,
                "--dimensions=" + dimensions,
                "--epochs=" + epochs,
                "--seed=" + seed));

    List<String> table = new ArrayList<>();
    table.add("| figure | auglove (1 thread) | numba glove.c loop (1 thread) | ratio |");
    table.add("|---|---|---|---|");
    for (JsonNode result : numba.get("results")) {
      int d = result.get("dimension").asInt();
      List<Double> seconds = new ArrayList<>();
      GloveResult ours =
          Glove.builder()
              .setDimension(d)
              .optEpochs(epochs)
              .optSeed(seed)
              .optListener((dimension, epoch, loss, s) -> seconds.add(s))
              .build()
              .fit(x);
      // the first epoch pays for the JIT on both sides: take the median of the rest
      double ourRate = x.size() / median(seconds.subList(1, seconds.size()));
      List<Double> theirSeconds = new ArrayList<>();
      result.get("seconds").forEach(node -> theirSeconds.add(node.asDouble()));
      double theirRate = x.size() / median(theirSeconds.subList(1, theirSeconds.size()));
      JsonNode losses = result.get("losses");
      double theirLoss = losses.get(losses.size() - 1).asDouble();
      table.add(
          String.format(
              "| d = %d: non-zero updates per second | %.3gM | %.3gM | %.2fx |",
              d, ourRate / 1e6, theirRate / 1e6, ourRate / theirRate));
      table.add(
          String.format(
              "| d = %d: loss J/nnz after %d epochs | %.5f | %.5f | %.4f |",
              d, epochs, ours.finalLoss(), theirLoss, ours.finalLoss() / theirLoss));
    }
    System.out.println(String.join("\n", table));
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.get(sorted.size() / 2);
  }

  /** Symmetric window-10 counts over sticky Markov sequences of Zipf-distributed tokens. */
  static Cooccurrences corpus(int vocabulary, int tokens, long seed) {
    Random random = new Random(seed);
    double[] cumulative = new double[vocabulary];
    double total = 0;
    for (int t = 0; t < vocabulary; t++) {
      total += 1 / Math.pow(t + 1, 1.0);
      cumulative[t] = total;
    }
    double[] counts = new double[vocabulary * vocabulary];
    int[] window = new int[11];
    int filled = 0;
    int token = 0;
    for (int n = 0; n < tokens; n++) {
      if (n % 500 == 0) {
        filled = 0; // a new sequence: windows never cross sequences
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
      for (int back = 1; back <= Math.min(filled, 10); back++) {
        int other = window[(n - back) % 11];
        counts[token * vocabulary + other] += 1;
        counts[other * vocabulary + token] += 1;
      }
      window[n % 11] = token;
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
