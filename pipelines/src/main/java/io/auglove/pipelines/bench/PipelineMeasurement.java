package io.auglove.pipelines.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableMap;
import com.sun.management.HotSpotDiagnosticMXBean;
import io.auglove.pipelines.bundle.BundleFiles;
import io.auglove.pipelines.bundle.Json;
import io.auglove.pipelines.bundle.Paths;
import io.auglove.pipelines.launch.Launch;
import io.auglove.pipelines.vocabulary.VocabularyOptions;
import io.auglove.pipelines.vocabulary.VocabularyPipeline;
import io.auglove.transforms.BusyTime;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;

/**
 * One timed run of the vocabulary pipeline: its wall time, each stage's busy time summed over
 * threads, the peak heap, and the counts the baseline must reproduce.
 *
 * @param seconds wall time from launch to the published bundle
 * @param cpuSeconds CPU time of the whole process over the same time, all threads (the runner's and
 *     the garbage collector's too)
 * @param stageSeconds each stage's busy time, summed over threads
 * @param peakHeapBytes the sum of the heap pools' peaks during the run, an upper bound of the peak
 *     heap
 * @param k the number of centres
 * @param counts what the bundle says: rows read, sequences, {@code <unk>} frames, co-occurrence
 *     total
 */
public record PipelineMeasurement(
    double seconds,
    double cpuSeconds,
    ImmutableMap<Stage, Double> stageSeconds,
    long peakHeapBytes,
    int k,
    VocabularyCounts counts) {

  /** Runs the pipeline with {@code options} (its bundle in {@code options.getOutput()}). */
  public static PipelineMeasurement run(VocabularyOptions options) throws IOException {
    keepTheHeapThroughCollections();
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    long start = System.nanoTime();
    long cpuStart = processCpuNanos();
    PipelineResult result = VocabularyPipeline.run(options);
    Launch.finish(result);
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    ImmutableMap.Builder<Stage, Double> stages = ImmutableMap.builder();
    for (Stage stage : Stage.values()) {
      stages.put(stage, busyNanos(result, stage.transform()) / 1e9);
    }
    JsonNode manifest = manifest(options.getOutput());
    return new PipelineMeasurement(
        seconds,
        cpuSeconds,
        stages.build(),
        peak,
        manifest.path("kmeans").path("k").asInt(),
        VocabularyCounts.ofManifest(manifest));
  }

  /**
   * Tells the JVM not to give back heap after a full collection. The collection before each run,
   * which makes the peak heap that run's own, would otherwise shrink the heap to about 136 MB, and
   * every run would start in a heap smaller than a fresh JVM's (1/64 of memory, 380 MB on 24 GB),
   * collecting and marking concurrently until it had grown again: with the heap shrunk, a 0.5M-row
   * run took 1.2 s (median of 15); kept, 0.65 s to 0.73 s. A JVM without HotSpot's flags keeps its
   * own policy.
   */
  private static void keepTheHeapThroughCollections() {
    HotSpotDiagnosticMXBean hotSpot =
        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    if (hotSpot != null) {
      hotSpot.setVMOption("MaxHeapFreeRatio", "100");
    }
  }

  /** CPU time of this process, all threads, in nanoseconds. */
  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static JsonNode manifest(String bundle) throws IOException {
    return Json.read(
        String.join("\n", Paths.readLines(Paths.resolve(bundle, BundleFiles.MANIFEST))));
  }

  private static long busyNanos(PipelineResult result, Class<?> transform) {
    long nanos = 0;
    for (MetricResult<Long> counter :
        result
            .metrics()
            .queryMetrics(
                MetricsFilter.builder()
                    .addNameFilter(MetricNameFilter.named(transform, BusyTime.COUNTER))
                    .build())
            .getCounters()) {
      nanos += counter.getAttempted();
    }
    return nanos;
  }

  /**
   * The counts a run of the vocabulary front end gives, on which ours and the baseline must agree.
   *
   * @param rowsRead raw rows read
   * @param sequences token sequences
   * @param unknownByDistance frames that became {@code <unk>} by distance
   * @param unknownByCount frames that became {@code <unk>} by their cluster's count
   * @param pairsTotal the sum of the co-occurrence matrix
   */
  public record VocabularyCounts(
      long rowsRead, long sequences, long unknownByDistance, long unknownByCount, long pairsTotal) {

    /** The {@code <unk>} counts may differ by their sum over this. */
    private static final long UNKNOWN_TOLERANCE_DIVISOR = 10_000;

    static VocabularyCounts ofManifest(JsonNode manifest) {
      JsonNode totals = manifest.path("quality").path("totals");
      JsonNode unk = manifest.path("vocabulary").path("unk");
      return new VocabularyCounts(
          totals.path("read").asLong(),
          totals.path("sequences").asLong(),
          unk.path("by_distance").asLong(),
          unk.path("by_count").asLong(),
          manifest.path("cooccurrence").path("total").asLong());
    }

    /**
     * Why {@code other} is not the same result, or null. Rows, sequences and pairs must be equal;
     * the {@code <unk>} counts may differ by one in ten thousand of them (at least one): a frame
     * almost equally near two centres can go to either when distances are computed in float32 here
     * and float64 there, and the two centres' counts may fall on either side of the count
     * threshold.
     */
    String disagreement(VocabularyCounts other) {
      if (rowsRead != other.rowsRead
          || sequences != other.sequences
          || pairsTotal != other.pairsTotal) {
        return this + " against " + other;
      }
      long unknown = unknownByDistance + unknownByCount;
      long difference =
          Math.abs(unknownByDistance - other.unknownByDistance)
              + Math.abs(unknownByCount - other.unknownByCount);
      return difference <= Math.max(1, unknown / UNKNOWN_TOLERANCE_DIVISOR)
          ? null
          : this + " against " + other;
    }

    static VocabularyCounts ofBaseline(JsonNode baseline) {
      return new VocabularyCounts(
          baseline.path("raw_rows").asLong(),
          baseline.path("sequences").asLong(),
          baseline.path("unknown_by_distance").asLong(),
          baseline.path("unknown_by_count").asLong(),
          baseline.path("pairs_total").asLong());
    }
  }
}
