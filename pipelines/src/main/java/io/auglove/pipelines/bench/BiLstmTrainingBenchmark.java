package io.auglove.pipelines.bench;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import ai.djl.Device;
import io.auglove.models.ActionUnits;
import io.auglove.models.lstm.BiLstmEpoch;
import io.auglove.models.lstm.BiLstmRegressor;
import io.auglove.models.lstm.BiLstmSettings;
import io.auglove.models.lstm.LstmInput;
import io.auglove.models.regression.Sample;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Training throughput of {@link BiLstmRegressor} in sequences per second, for AU input and for
 * pretrained-embedding input, next to the same model in PyTorch ({@code bilstm_benchmark.py}, run
 * by {@link PyTorchReference}).
 *
 * <p>Each input trains on N synthetic sequences of {@code steps} frames (all the same length), AU
 * intensities uniform in [0, 5) or token ids uniform in 0..V-1 with a V × d table uniform in [-1,
 * 1), targets uniform; the paper's model and settings (batch 8, hidden 32, dropout 0.4, dense 64,
 * Adam 1e-3). Two epochs: the first warms up (native code paths, allocator, JIT), the second is the
 * figure; both are reported. The time of an epoch is its training batches (host batch building,
 * forward, backward, update, reading the loss), nothing else.
 *
 * <p>For a like-for-like ratio run the JVM with {@code -Dai.djl.pytorch.num_threads=1
 * -Dai.djl.pytorch.num_interop_threads=1}: the Python side uses {@code threads} PyTorch threads
 * (default 1). The Java side runs on {@link BiLstmSettings#resolvedDevice()} (a GPU when DJL finds
 * one), the Python side on the CPU.
 *
 * <pre>{@code
 * BiLstmTrainingBenchmark.Result result =
 *     new BiLstmTrainingBenchmark(BiLstmTrainingBenchmark.Settings.defaults()).run();
 * System.out.println(result.report());
 * }</pre>
 */
public final class BiLstmTrainingBenchmark {

  private final Settings settings;

  public BiLstmTrainingBenchmark(Settings settings) {
    this.settings = checkNotNull(settings, "benchmark: settings is null");
  }

  /**
   * What to measure.
   *
   * @param sequences N, sequences per epoch; default 256
   * @param steps frames per sequence; default 500 (the LSTM's default maximum length)
   * @param batchSize default 8
   * @param vocabularySize V of the embedding input; default 1000
   * @param dimension d of the embedding table; default 50
   * @param seed data, weights and orders; default 0
   * @param threads PyTorch threads of the Python side; default 1
   * @param python the interpreter; null (default) for {@code /usr/bin/python3} when it exists
   *     (Debian's {@code python3-torch} installs there), else {@code python3} on the PATH
   * @param runPyTorch whether to run the Python side at all; default true
   */
  public record Settings(
      int sequences,
      int steps,
      int batchSize,
      int vocabularySize,
      int dimension,
      long seed,
      int threads,
      Path python,
      boolean runPyTorch) {

    public Settings {
      checkArgument(sequences >= 1, "benchmark: sequences must be at least 1");
      checkArgument(steps >= 2, "benchmark: steps must be at least 2");
      checkArgument(batchSize >= 1, "benchmark: batchSize must be at least 1");
      checkArgument(vocabularySize >= 1, "benchmark: vocabularySize must be at least 1");
      checkArgument(dimension >= 1, "benchmark: dimension must be at least 1");
      checkArgument(threads >= 1, "benchmark: threads must be at least 1");
    }

    /** N = 256 sequences of 500 steps, batch 8, V = 1000, d = 50, seed 0, 1 thread, PyTorch on. */
    public static Settings defaults() {
      return new Settings(256, 500, 8, 1000, 50, 0, 1, null, true);
    }

    /** These settings with N sequences. */
    public Settings withSequences(int n) {
      return new Settings(
          n, steps, batchSize, vocabularySize, dimension, seed, threads, python, runPyTorch);
    }

    /** These settings with another step count. */
    public Settings withSteps(int t) {
      return new Settings(
          sequences, t, batchSize, vocabularySize, dimension, seed, threads, python, runPyTorch);
    }

    /** These settings with another interpreter, or without the Python side. */
    public Settings withPython(Path interpreter, boolean run) {
      return new Settings(
          sequences, steps, batchSize, vocabularySize, dimension, seed, threads, interpreter, run);
    }
  }

  /**
   * One side's figures for one input.
   *
   * @param input {@code aus} or {@code embedding}
   * @param warmUpSequencesPerSecond the first epoch's throughput
   * @param sequencesPerSecond the second epoch's: the figure to compare
   */
  public record Throughput(
      String input, double warmUpSequencesPerSecond, double sequencesPerSecond) {}

  /**
   * What a run measured.
   *
   * @param settings what was measured
   * @param device the Java side's device
   * @param javaThreads the JVM's {@code ai.djl.pytorch.num_threads} (null: DJL's default)
   * @param javaAus the Java side, AU input
   * @param javaEmbedding the Java side, pretrained-embedding input
   * @param pytorch the Python side's figures, or its absence and why
   */
  public record Result(
      Settings settings,
      String device,
      String javaThreads,
      Throughput javaAus,
      Throughput javaEmbedding,
      PyTorchReference.Outcome pytorch) {

    /** Java / PyTorch sequences per second, AU input; NaN without PyTorch figures. */
    public double ausRatio() {
      return pytorch.available()
          ? javaAus.sequencesPerSecond() / pytorch.aus().sequencesPerSecond()
          : Double.NaN;
    }

    /** Java / PyTorch sequences per second, embedding input; NaN without PyTorch figures. */
    public double embeddingRatio() {
      return pytorch.available()
          ? javaEmbedding.sequencesPerSecond() / pytorch.embedding().sequencesPerSecond()
          : Double.NaN;
    }

    /** A few lines for people: the settings, both sides' figures and the ratios. */
    public String report() {
      StringBuilder out = new StringBuilder();
      out.append(
          String.format(
              "BiLSTM training, %d sequences x %d steps, batch %d, embedding %d x %d%n",
              settings.sequences(),
              settings.steps(),
              settings.batchSize(),
              settings.vocabularySize(),
              settings.dimension()));
      out.append(
          String.format(
              "Java (DJL, %s, ai.djl.pytorch.num_threads=%s): AU %.1f seq/s (warm-up %.1f),"
                  + " embedding %.1f seq/s (warm-up %.1f)%n",
              device,
              javaThreads == null ? "default" : javaThreads,
              javaAus.sequencesPerSecond(),
              javaAus.warmUpSequencesPerSecond(),
              javaEmbedding.sequencesPerSecond(),
              javaEmbedding.warmUpSequencesPerSecond()));
      if (pytorch.available()) {
        out.append(
            String.format(
                "PyTorch %s (%s, %d threads): AU %.1f seq/s (warm-up %.1f), embedding %.1f seq/s"
                    + " (warm-up %.1f)%n",
                pytorch.torchVersion(),
                pytorch.interpreter(),
                pytorch.threads(),
                pytorch.aus().sequencesPerSecond(),
                pytorch.aus().warmUpSequencesPerSecond(),
                pytorch.embedding().sequencesPerSecond(),
                pytorch.embedding().warmUpSequencesPerSecond()));
        out.append(
            String.format(
                "Java / PyTorch: AU %.2f, embedding %.2f%n", ausRatio(), embeddingRatio()));
      } else {
        out.append("PyTorch: not measured: ").append(pytorch.note()).append(System.lineSeparator());
      }
      return out.toString();
    }
  }

  /**
   * Runs the benchmark with the defaults and prints the report; the optional arguments are N and
   * the step count.
   */
  public static void main(String[] args) {
    Settings settings = Settings.defaults();
    if (args.length > 0) {
      settings = settings.withSequences(Integer.parseInt(args[0]));
    }
    if (args.length > 1) {
      settings = settings.withSteps(Integer.parseInt(args[1]));
    }
    System.out.print(new BiLstmTrainingBenchmark(settings).run().report());
  }

  /** Measures both inputs on the Java side, then runs the Python side. */
  public Result run() {
    BiLstmSettings base = BiLstmSettings.of(LstmInput.aus());
    Device device = base.resolvedDevice();
    Throughput aus = java(LstmInput.aus(), "aus");
    float[][] table = table(settings.vocabularySize(), settings.dimension(), settings.seed());
    Throughput embedding = java(LstmInput.pretrained(table), "embedding");
    PyTorchReference.Outcome pytorch =
        settings.runPyTorch()
            ? new PyTorchReference(settings).run()
            : PyTorchReference.Outcome.missing(null, "not requested");
    return new Result(
        settings,
        device.toString(),
        System.getProperty("ai.djl.pytorch.num_threads"),
        aus,
        embedding,
        pytorch);
  }

  /** Two epochs of training on synthetic data for {@code input}; the epochs' throughputs. */
  Throughput java(LstmInput input, String name) {
    List<Sample> samples = samples();
    List<BiLstmEpoch> epochs = new ArrayList<>();
    BiLstmSettings lstm =
        BiLstmSettings.builder()
            .setInput(input)
            .optBatchSize(settings.batchSize())
            .optMaxLength(Math.max(2, settings.steps()))
            .optMaxEpochs(2)
            .optPatience(2)
            .optListener(epochs::add)
            .build();
    new BiLstmRegressor(lstm).fit(samples, List.of(), settings.seed()).close();
    return new Throughput(
        name,
        settings.sequences() / epochs.get(0).trainSeconds(),
        settings.sequences() / epochs.get(1).trainSeconds());
  }

  /** N sequences of random AU intensities and token ids, random targets. */
  private List<Sample> samples() {
    Random random = new Random(settings.seed());
    List<Sample> samples = new ArrayList<>(settings.sequences());
    for (int i = 0; i < settings.sequences(); i++) {
      float[][] aus = new float[settings.steps()][ActionUnits.COUNT];
      int[] ids = new int[settings.steps()];
      for (int t = 0; t < settings.steps(); t++) {
        for (int a = 0; a < ActionUnits.COUNT; a++) {
          aus[t][a] = 5 * random.nextFloat();
        }
        ids[t] = random.nextInt(settings.vocabularySize());
      }
      samples.add(Sample.of("b" + i, "b" + i, aus, ids, 2 * random.nextDouble() - 1));
    }
    return samples;
  }

  private static float[][] table(int rows, int columns, long seed) {
    Random random = new Random(seed + 1);
    float[][] table = new float[rows][columns];
    for (float[] row : table) {
      for (int j = 0; j < columns; j++) {
        row[j] = 2 * random.nextFloat() - 1;
      }
    }
    return table;
  }
}
