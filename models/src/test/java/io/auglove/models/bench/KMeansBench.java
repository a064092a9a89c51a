package io.auglove.models.bench;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import io.auglove.models.Centroids;
import io.auglove.models.kmeans.Bounds;
import io.auglove.models.kmeans.ExactNearest;
import io.auglove.models.kmeans.KMeans;
import io.auglove.models.kmeans.KMeansIteration;
import io.auglove.models.kmeans.KMeansResult;
import io.auglove.models.kmeans.NearestCentroid;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * k-means against scikit-learn, in the same run on the same frames: one nearest-centre pass against
 * {@code KMeans.predict}, one Lloyd iteration (plain and bounded) against scikit-learn's, and the
 * inertia of a default fit against scikit-learn's {@code KMeans} with its defaults. Prints a
 * Markdown table of figures and ratios.
 *
 * <p>Options ({@code name=value}): {@code rows} (1000000), {@code k} (1000), {@code iterations}
 * (10), {@code qualityRows} (100000), {@code ks} (50,200,1000), {@code seed} (0), {@code out}
 * (target/bench), {@code threads} (0: all), {@code sweep} (empty: no sweep; else a list of k for
 * {@link #sweep}).
 */
public final class KMeansBench {

  private KMeansBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    int rows = Integer.parseInt(options.getOrDefault("rows", "1000000"));
    int k = Integer.parseInt(options.getOrDefault("k", "1000"));
    int iterations = Integer.parseInt(options.getOrDefault("iterations", "10"));
    int qualityRows = Integer.parseInt(options.getOrDefault("qualityRows", "100000"));
    String ks = options.getOrDefault("ks", "50,200,1000");
    long seed = Long.parseLong(options.getOrDefault("seed", "0"));
    int threads = Integer.parseInt(options.getOrDefault("threads", "0"));
    Path out = Path.of(options.getOrDefault("out", "target/bench"));
    String sweep = options.getOrDefault("sweep", "");
    int d = BenchFrames.DIMENSION;
    int cores = Runtime.getRuntime().availableProcessors();

    float[] frames = BenchFrames.generate(Math.max(rows, qualityRows), seed);
    if (!sweep.isEmpty()) {
      sweep(frames, rows, sweep, seed, threads, iterations);
      return;
    }
    Path framesFile = out.resolve("frames.npy");
    BenchFrames.writeNpy(framesFile, frames, rows, d);
    Path qualityFile = out.resolve("quality-frames.npy");
    BenchFrames.writeNpy(qualityFile, Arrays.copyOf(frames, qualityRows * d), qualityRows, d);
    float[] centres = sampleRows(frames, rows, k, new Random(seed + 1));
    Path centresFile = out.resolve("centres.npy");
    BenchFrames.writeNpy(centresFile, centres, k, d);

    List<String> table = new Table();
    table.add("| figure | auglove | scikit-learn | ratio |");
    table.add("|---|---|---|---|");
    boolean speedWanted = Boolean.parseBoolean(options.getOrDefault("speed", "true"));

    System.out.printf("%d frames x %d AUs, k = %d, %d cores%n", rows, d, k, cores);
    if (speedWanted) {
      speed(frames, rows, k, d, centres, framesFile, centresFile, iterations, seed, threads, table);
    }
    if (!ks.isEmpty()) {
      quality(frames, qualityRows, qualityFile, ks, seed, threads, table);
    }
  }

  /** The Markdown table, printed one row at a time as the figures come. */
  private static final class Table extends ArrayList<String> {
    @Override
    public boolean add(String row) {
      System.out.println(row);
      return super.add(row);
    }
  }

  private static void speed(
      float[] frames,
      int rows,
      int k,
      int d,
      float[] centres,
      Path framesFile,
      Path centresFile,
      int iterations,
      long seed,
      int threads,
      List<String> table)
      throws Exception {
    int cores = Runtime.getRuntime().availableProcessors();
    JsonNode speed =
        Python.run(
                "kmeans_reference.py",
                List.of(
                    "--frames=" + framesFile,
                    "--centres=" + centresFile,
                    "--iterations=" + iterations))
            .get("speed");
    double sklearnPredict = speed.get("predict_s").asDouble();
    double sklearnIteration = speed.get("iteration_s").asDouble();

    float[][] centreRows = new float[k][];
    for (int c = 0; c < k; c++) {
      centreRows[c] = Arrays.copyOfRange(centres, c * d, (c + 1) * d);
    }
    int passThreads = threads == 0 ? cores : threads;
    Centroids given = Centroids.of(centreRows);
    ExactNearest exact = ExactNearest.of(given);
    double exactPass = bestOfThree(() -> exact.assign(frames, rows, passThreads));
    table.add(
        row(
            "nearest-centre pass, exact search, s (higher ratio = faster)",
            exactPass,
            sklearnPredict));
    double devicePass;
    try (NearestCentroid nearest = NearestCentroid.create(given, Device.cpu())) {
      devicePass = bestOfThree(() -> nearest.assign(frames, rows, passThreads));
    }
    table.add(row("nearest-centre pass, DJL matrix product, s", devicePass, sklearnPredict));

    float[] data = Arrays.copyOf(frames, rows * d);
    Lloyd plain = lloyd(data, rows, k, Bounds.NONE, iterations, seed, threads);
    table.add(
        row(
            "Lloyd iteration, plain (device pass + host update), s",
            plain.mean(0, iterations),
            sklearnIteration));
    Lloyd bounded = lloyd(data, rows, k, Bounds.HAMERLY, iterations, seed, threads);
    table.add(
        row(
            "Lloyd iteration, Hamerly bounds, first " + iterations + ", s",
            bounded.mean(0, iterations),
            sklearnIteration));
    table.add(
        String.format(
            "| rows searched by the bounded iterations | %s | %d | |",
            Arrays.toString(bounded.searched), rows));
    table.add(
        String.format(
            "| same inertia, plain vs bounded after %d iterations | %.9g | %.9g | %.9f |",
            iterations, plain.inertia, bounded.inertia, bounded.inertia / plain.inertia));
  }

  private static void quality(
      float[] frames,
      int qualityRows,
      Path qualityFile,
      String ks,
      long seed,
      int threads,
      List<String> table)
      throws Exception {
    int d = BenchFrames.DIMENSION;
    JsonNode quality =
        Python.run(
                "kmeans_reference.py",
                List.of("--frames=" + qualityFile, "--ks=" + ks, "--seed=" + seed))
            .get("quality");
    for (JsonNode entry : quality) {
      int qk = entry.get("k").asInt();
      long start = System.nanoTime();
      KMeansResult result =
          KMeans.builder()
              .setK(qk)
              .optSeed(seed)
              .optThreads(threads)
              .build()
              .fit(Arrays.copyOf(frames, qualityRows * d), qualityRows, d);
      double seconds = (System.nanoTime() - start) / 1e9;
      table.add(
          String.format(
              "| inertia, k = %d, %d frames (lower ratio = better) | %.6g (%.1f s) | %.6g (%.1f s,"
                  + " n_init=10) | %.4f |",
              qk,
              qualityRows,
              result.inertia(),
              seconds,
              entry.get("inertia").asDouble(),
              entry.get("seconds").asDouble(),
              result.inertia() / entry.get("inertia").asDouble()));
    }
  }

  /**
   * The paper's sweep on the first {@code rows} frames: for each k, a bounded fit to convergence
   * (timed) and plain Lloyd from the same start for {@code plainIterations} iterations, the inertia
   * of the bounded fit after the same number of iterations compared.
   */
  static void sweep(float[] all, int rows, String ks, long seed, int threads, int plainIterations) {
    float[] frames = Arrays.copyOf(all, rows * BenchFrames.DIMENSION);
    System.out.println(
        "| k | bounded fit, s | bounded fit, CPU s | iterations | inertia | inertia at iteration "
            + plainIterations
            + ": bounded / plain | plain iteration, s | bounded iteration, s |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    double total = 0;
    double totalCpu = 0;
    for (String text : ks.split(",")) {
      int k = Integer.parseInt(text.trim());
      List<KMeansIteration> bounded = new ArrayList<>();
      long start = System.nanoTime();
      long cpuStart = cpuNanos();
      KMeansResult result =
          KMeans.builder()
              .setK(k)
              .optSeed(seed)
              .optThreads(threads)
              .optInitialisations(1)
              .optBounds(Bounds.HAMERLY)
              .optListener(bounded::add)
              .build()
              .fit(frames, rows, BenchFrames.DIMENSION);
      double seconds = (System.nanoTime() - start) / 1e9;
      double cpuSeconds = (cpuNanos() - cpuStart) / 1e9;
      total += seconds;
      totalCpu += cpuSeconds;
      Lloyd plain = lloyd(frames, rows, k, Bounds.NONE, plainIterations, seed, threads);
      int at = Math.min(plainIterations, bounded.size()) - 1;
      double boundedIteration =
          bounded.stream().mapToDouble(KMeansIteration::seconds).average().orElse(0);
      System.out.printf(
          "| %d | %.1f | %.1f | %d | %.6g | %.9f | %.3f | %.3f |%n",
          k,
          seconds,
          cpuSeconds,
          result.iterations(),
          result.inertia(),
          bounded.get(at).inertia() / plain.history[at],
          plain.mean(0, plain.history.length),
          boundedIteration);
    }
    System.out.printf(
        "sweep total (bounded fits): %.1f s wall, %.1f s CPU (all threads of the process)%n",
        total, totalCpu);
  }

  /** CPU time of this process, all threads, in nanoseconds. */
  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
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

  /** Per-iteration seconds, rows searched and inertia of a fit of {@code iterations} iterations. */
  record Lloyd(double[] seconds, long[] searched, double[] history, double inertia) {
    double mean(int from, int to) {
      return Arrays.stream(seconds, from, Math.min(to, seconds.length)).average().orElse(0);
    }
  }

  static Lloyd lloyd(
      float[] frames, int rows, int k, Bounds bounds, int iterations, long seed, int threads) {
    List<KMeansIteration> seen = new ArrayList<>();
    KMeansResult result =
        KMeans.builder()
            .setK(k)
            .optSeed(seed)
            .optThreads(threads)
            .optInitialisations(1)
            .optTolerance(0)
            .optMaxIterations(iterations)
            .optBounds(bounds)
            .optListener(seen::add)
            .build()
            .fit(frames, rows, BenchFrames.DIMENSION);
    return new Lloyd(
        seen.stream().mapToDouble(KMeansIteration::seconds).toArray(),
        seen.stream().mapToLong(KMeansIteration::searchedRows).toArray(),
        result.inertiaHistory(),
        result.inertia());
  }

  private static String row(String figure, double ours, double theirs) {
    return String.format("| %s | %.3f | %.3f | %.2fx |", figure, ours, theirs, theirs / ours);
  }

  static float[] sampleRows(float[] frames, int rows, int k, Random random) {
    int d = BenchFrames.DIMENSION;
    float[] centres = new float[k * d];
    for (int c = 0; c < k; c++) {
      int row = random.nextInt(rows);
      System.arraycopy(frames, row * d, centres, c * d, d);
    }
    return centres;
  }

  static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (String arg : args) {
      String[] parts = arg.replaceFirst("^--", "").split("=", 2);
      if (parts.length != 2) {
        throw new IllegalArgumentException("expected name=value, got " + arg);
      }
      options.put(parts[0], parts[1]);
    }
    return options;
  }
}
