package io.auglove.pipelines.bench;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import io.auglove.models.Centroids;
import io.auglove.models.bench.BenchFrames;
import io.auglove.models.kmeans.Bounds;
import io.auglove.models.kmeans.ExactNearest;
import io.auglove.models.kmeans.KMeans;
import io.auglove.models.kmeans.KMeansIteration;
import io.auglove.models.kmeans.KMeansResult;
import io.auglove.models.kmeans.NearestCentroid;
import io.auglove.pipelines.bench.FigureTable.Figure;
import io.auglove.pipelines.bench.FigureTable.Kind;
import io.auglove.pipelines.featurize.NpyFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * k-means against scikit-learn ({@code kmeans_baseline.py}), in the same run on the same generated
 * frames ({@link BenchFrames}): one nearest-centre pass against {@code KMeans.predict}, a Lloyd
 * iteration (plain and bounded) against scikit-learn's, and the inertia of a default fit against
 * scikit-learn's {@code KMeans} with its defaults; or the paper's sweep of k.
 */
final class KMeansFigures {

  /** Lloyd iterations timed from the same start on both sides. */
  static final int LLOYD_ITERATIONS = 10;

  /** Plain Lloyd iterations the sweep compares each bounded fit with (plain is slow at large k). */
  static final int SWEEP_PLAIN_ITERATIONS = 3;

  private static final String SKLEARN = "scikit-learn";

  private final FitSettings settings;
  private final PythonScript python;
  private final Path work;
  private final PrintStream out;
  private final int cores = Runtime.getRuntime().availableProcessors();

  KMeansFigures(FitSettings settings, PythonScript python, Path work, PrintStream out) {
    this.settings = settings;
    this.python = python;
    this.work = work;
    this.out = out;
  }

  /** Speed at {@code settings.k()}, then quality for each of {@code settings.qualityKs()}. */
  void addTo(FigureTable table) throws IOException, InterruptedException {
    int rows = settings.frames();
    int d = BenchFrames.DIMENSION;
    float[] frames = BenchFrames.generate(rows, settings.seed());
    Path framesFile = work.resolve("frames.npy");
    Files.write(framesFile, NpyFiles.float32(frames, rows, d));
    float[] centres = sampleRows(frames, rows, settings.k(), new Random(settings.seed() + 1));
    Path centresFile = work.resolve("centres.npy");
    Files.write(centresFile, NpyFiles.float32(centres, settings.k(), d));
    out.printf(
        "k-means: %,d frames x %d AUs, k = %d, %d cores; scikit-learn running ...%n",
        rows, d, settings.k(), cores);
    JsonNode speed =
        python
            .run(
                "kmeans_baseline.py",
                List.of(
                    "--frames=" + framesFile,
                    "--centres=" + centresFile,
                    "--iterations=" + LLOYD_ITERATIONS))
            .get("speed");
    double predict = speed.get("predict_s").asDouble();
    double iteration = speed.get("iteration_s").asDouble();
    String at = String.format(" (%,d frames, k = %d), s", rows, settings.k());

    Centroids given = Centroids.of(rowsOf(centres, settings.k(), d));
    out.println("k-means: our nearest-centre passes ...");
    ExactNearest exact = ExactNearest.of(given);
    double exactPass = bestOfThree(() -> exact.assign(frames, rows, cores));
    table.add(
        new Figure(
            "nearest-centre pass, exact search" + at,
            "pass, exact search",
            Kind.SECONDS,
            exactPass,
            predict,
            SKLEARN + " predict"));
    double devicePass;
    try (NearestCentroid nearest = NearestCentroid.create(given, Device.cpu())) {
      devicePass = bestOfThree(() -> nearest.assign(frames, rows, cores));
    }
    table.add(
        new Figure(
            "nearest-centre pass, DJL matrix product" + at,
            "pass, DJL",
            Kind.SECONDS,
            devicePass,
            predict,
            SKLEARN + " predict"));

    out.printf("k-means: %d Lloyd iterations, plain and bounded ...%n", LLOYD_ITERATIONS);
    Lloyd plain = lloyd(frames, rows, settings.k(), Bounds.NONE, LLOYD_ITERATIONS);
    table.add(
        new Figure(
            "Lloyd iteration, plain" + at,
            "Lloyd, plain",
            Kind.SECONDS,
            plain.meanSeconds(),
            iteration,
            SKLEARN + " Lloyd"));
    Lloyd bounded = lloyd(frames, rows, settings.k(), Bounds.HAMERLY, LLOYD_ITERATIONS);
    table.add(
        new Figure(
            "Lloyd iteration, Hamerly bounds" + at,
            "Lloyd, Hamerly",
            Kind.SECONDS,
            bounded.meanSeconds(),
            iteration,
            SKLEARN + " Lloyd"));
    out.printf(
        "k-means: after %d iterations from the same start, inertia bounded / plain = %.9f; rows"
            + " that searched beyond their centre's neighbours in each bounded iteration: %s of"
            + " %,d%n",
        LLOYD_ITERATIONS,
        bounded.inertia() / plain.inertia(),
        Arrays.toString(bounded.searched()),
        rows);

    quality(frames, table);
  }

  private void quality(float[] frames, FigureTable table) throws IOException, InterruptedException {
    int rows = settings.qualityFrames();
    int d = BenchFrames.DIMENSION;
    Path qualityFile = work.resolve("quality-frames.npy");
    Files.write(qualityFile, NpyFiles.float32(frames, rows, d));
    String ks = settings.qualityKs().stream().map(String::valueOf).collect(Collectors.joining(","));
    out.printf(
        "k-means quality: k = %s on %,d frames; scikit-learn KMeans (n_init = 10) running ...%n",
        ks, rows);
    JsonNode quality =
        python
            .run(
                "kmeans_baseline.py",
                List.of("--frames=" + qualityFile, "--ks=" + ks, "--seed=" + settings.seed()))
            .get("quality");
    for (JsonNode entry : quality) {
      int k = entry.get("k").asInt();
      long start = System.nanoTime();
      KMeansResult result =
          KMeans.builder()
              .setK(k)
              .optSeed(settings.seed())
              .build()
              .fit(Arrays.copyOf(frames, rows * d), rows, d);
      out.printf(
          "k-means quality: k = %d fitted in %.1f s (scikit-learn %.1f s)%n",
          k, (System.nanoTime() - start) / 1e9, entry.get("seconds").asDouble());
      table.add(
          new Figure(
              String.format("inertia, k = %d, %,d frames", k, rows),
              "inertia, k = " + k,
              Kind.LOSS,
              result.inertia(),
              entry.get("inertia").asDouble(),
              SKLEARN + " KMeans, n_init = 10"));
    }
  }

  /**
   * The paper's sweep on {@code settings.frames()} frames: for each k, a bounded fit to convergence
   * (timed), and plain Lloyd from the same start for {@link #SWEEP_PLAIN_ITERATIONS} iterations,
   * whose inertia the bounded fit's after as many iterations must equal.
   */
  void sweep(List<Integer> ks) {
    int rows = settings.frames();
    float[] frames = BenchFrames.generate(rows, settings.seed());
    out.printf("k-means sweep: %,d frames, k = %s, %d cores%n", rows, ks, cores);
    out.println(
        "| k | bounded fit, s | CPU s | iterations | inertia | inertia at iteration "
            + SWEEP_PLAIN_ITERATIONS
            + ": bounded / plain | plain iteration, s | bounded iteration, s |");
    out.println("|---|---|---|---|---|---|---|---|");
    double total = 0;
    double totalCpu = 0;
    for (int k : ks) {
      List<KMeansIteration> bounded = new ArrayList<>();
      long start = System.nanoTime();
      long cpuStart = PipelineMeasurement.processCpuNanos();
      KMeansResult result =
          KMeans.builder()
              .setK(k)
              .optSeed(settings.seed())
              .optInitialisations(1)
              .optBounds(Bounds.HAMERLY)
              .optListener(bounded::add)
              .build()
              .fit(frames, rows, BenchFrames.DIMENSION);
      double seconds = (System.nanoTime() - start) / 1e9;
      double cpuSeconds = (PipelineMeasurement.processCpuNanos() - cpuStart) / 1e9;
      total += seconds;
      totalCpu += cpuSeconds;
      Lloyd plain = lloyd(frames, rows, k, Bounds.NONE, SWEEP_PLAIN_ITERATIONS);
      int at = Math.min(SWEEP_PLAIN_ITERATIONS, bounded.size()) - 1;
      out.printf(
          "| %d | %.1f | %.1f | %d | %.6g | %.9f | %.3f | %.3f |%n",
          k,
          seconds,
          cpuSeconds,
          result.iterations(),
          result.inertia(),
          bounded.get(at).inertia() / plain.history()[at],
          plain.meanSeconds(),
          bounded.stream().mapToDouble(KMeansIteration::seconds).average().orElse(0));
    }
    out.printf(
        "sweep total (bounded fits): %.1f s wall, %.1f s CPU (all threads of the process)%n",
        total, totalCpu);
  }

  /** Per-iteration seconds, rows searched and inertias of a fit of a fixed number of iterations. */
  record Lloyd(double[] seconds, long[] searched, double[] history, double inertia) {
    double meanSeconds() {
      return Arrays.stream(seconds).average().orElse(0);
    }
  }

  /** Lloyd from the seed's k-means++ start, exactly {@code iterations} iterations. */
  private Lloyd lloyd(float[] frames, int rows, int k, Bounds bounds, int iterations) {
    List<KMeansIteration> seen = new ArrayList<>();
    KMeansResult result =
        KMeans.builder()
            .setK(k)
            .optSeed(settings.seed())
            .optInitialisations(1)
            .optTolerance(0)
            .optMaxIterations(iterations)
            .optBounds(bounds)
            .optListener(seen::add)
            .build()
            .fit(Arrays.copyOf(frames, rows * BenchFrames.DIMENSION), rows, BenchFrames.DIMENSION);
    return new Lloyd(
        seen.stream().mapToDouble(KMeansIteration::seconds).toArray(),
        seen.stream().mapToLong(KMeansIteration::searchedRows).toArray(),
        result.inertiaHistory(),
        result.inertia());
  }

  /** The fastest of three runs of {@code pass}, in seconds. */
  private static double bestOfThree(Runnable pass) {
    double best = Double.POSITIVE_INFINITY;
    for (int r = 0; r < 3; r++) {
      long start = System.nanoTime();
      pass.run();
      best = Math.min(best, (System.nanoTime() - start) / 1e9);
    }
    return best;
  }

  /** {@code k} rows drawn at random (with replacement), as given centres. */
  static float[] sampleRows(float[] frames, int rows, int k, Random random) {
    int d = BenchFrames.DIMENSION;
    float[] centres = new float[k * d];
    for (int c = 0; c < k; c++) {
      System.arraycopy(frames, random.nextInt(rows) * d, centres, c * d, d);
    }
    return centres;
  }

  private static float[][] rowsOf(float[] rowMajor, int rows, int d) {
    float[][] result = new float[rows][];
    for (int r = 0; r < rows; r++) {
      result[r] = Arrays.copyOfRange(rowMajor, r * d, (r + 1) * d);
    }
    return result;
  }
}
