package io.auglove.pipelines.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableMap;
import io.auglove.pipelines.bundle.BundleFiles;
import io.auglove.pipelines.bundle.Json;
import io.auglove.pipelines.bundle.Paths;
import io.auglove.pipelines.generate.CorpusGenerator;
import io.auglove.pipelines.generate.CorpusSpec;
import io.auglove.pipelines.generate.CorpusSummary;
import io.auglove.pipelines.launch.Launch;
import io.auglove.pipelines.vocabulary.VocabularyOptions;
import io.auglove.pipelines.vocabulary.VocabularyPipeline;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * {@code auglove bench}: the whole vocabulary pipeline's throughput on a generated corpus, on
 * several runners in this JVM (the DirectRunner and an embedded Flink cluster by default),
 * alternating rounds so that JIT warm-up favours none. Prints frames per second per runner and the
 * ratio to the first.
 */
final class BenchCommand implements Command<BenchOptions> {

  /** Raw rows of an average generated video: 90 s at about 36 fps. */
  private static final int ROWS_PER_VIDEO = 3_240;

  @Override
  public String name() {
    return "bench";
  }

  @Override
  public String summary() {
    return "measure the vocabulary pipeline's throughput on a generated corpus, runner against runner";
  }

  @Override
  public ImmutableMap<String, String> defaults() {
    return ImmutableMap.of(
        "output", System.getProperty("auglove.home", ".") + "/bench-output", "k", "50,100,200");
  }

  @Override
  public boolean runsPipeline() {
    return false;
  }

  @Override
  public Class<BenchOptions> optionsType() {
    return BenchOptions.class;
  }

  @Override
  public int run(BenchOptions options, PrintStream out) throws Exception {
    List<String> runners =
        Splitter.on(',').trimResults().omitEmptyStrings().splitToList(options.getRunners());
    if (runners.isEmpty() || options.getRounds() < 1 || options.getFrames() < 1) {
      throw new IllegalArgumentException(
          "--runners, --rounds and --frames must be non-empty and positive");
    }
    String folder = options.getOutput();
    String corpus = Paths.resolve(folder, "corpus");
    int videos = Math.max(1, (options.getFrames() + ROWS_PER_VIDEO - 1) / ROWS_PER_VIDEO);
    CorpusSummary summary = writeCorpus(videos, corpus);
    while (summary.totalRows() < options.getFrames()) {
      videos += Math.max(1, videos / 10);
      summary = writeCorpus(videos, corpus);
    }
    out.printf(
        "Corpus: %d recordings, %,d raw frames, in %s%n", videos, summary.totalRows(), corpus);

    int parallelism =
        options.getFlinkParallelism() > 0
            ? options.getFlinkParallelism()
            : Runtime.getRuntime().availableProcessors();
    Map<String, Double> best = new LinkedHashMap<>();
    for (int round = 1; round <= options.getRounds(); round++) {
      for (String runner : runners) {
        String bundle = Paths.resolve(folder, "bundle-" + runner);
        double seconds =
            runOnce(options, runner, parallelism, Paths.resolve(corpus, "recordings"), bundle);
        out.printf(
            "round %d, %-12s %7.1f s  %,10.0f raw frames/s%n",
            round, runner, seconds, summary.totalRows() / seconds);
        best.merge(runner, seconds, Math::min);
      }
    }
    long kept = keptFrames(Paths.resolve(folder, "bundle-" + runners.get(0)));
    out.println();
    out.printf(
        "%-12s %9s %16s %16s %10s%n",
        "runner", "seconds", "raw frames/s", "5 fps frames/s", "ratio");
    double baseline = best.get(runners.get(0));
    for (Map.Entry<String, Double> entry : best.entrySet()) {
      out.printf(
          "%-12s %9.1f %,16.0f %,16.0f %10.2f%n",
          entry.getKey(),
          entry.getValue(),
          summary.totalRows() / entry.getValue(),
          kept / entry.getValue(),
          baseline / entry.getValue());
    }
    out.printf(
        "(fastest of %d rounds; ratio = %s's time / the runner's time; Flink parallelism %d)%n",
        options.getRounds(), runners.get(0), parallelism);
    return 0;
  }

  private static double runOnce(
      BenchOptions options, String runner, int parallelism, String input, String bundle)
      throws IOException {
    List<String> args = new ArrayList<>(List.of("--runner=" + runner));
    if (runner.startsWith("Flink")) {
      args.add("--flinkMaster=[local]");
      args.add("--parallelism=" + parallelism);
    }
    VocabularyOptions vocabulary =
        PipelineOptionsFactory.fromArgs(args.toArray(new String[0])).as(VocabularyOptions.class);
    vocabulary.setInput(input);
    vocabulary.setOutput(bundle);
    vocabulary.setK(options.getK());
    vocabulary.setEpochs(options.getEpochs());
    vocabulary.setCountThreshold(1);
    vocabulary.setOverwrite(true);
    long start = System.nanoTime();
    Launch.finish(VocabularyPipeline.run(vocabulary));
    return (System.nanoTime() - start) / 1e9;
  }

  private static long keptFrames(String bundle) throws IOException {
    JsonNode manifest =
        Json.read(String.join("\n", Paths.readLines(Paths.resolve(bundle, BundleFiles.MANIFEST))));
    return manifest.path("quality").path("totals").path("kept").asLong();
  }

  /** The benchmark's corpus: the generator's defaults with {@code videos} videos. */
  private static CorpusSummary writeCorpus(int videos, String folder) throws IOException {
    return CorpusGenerator.write(CorpusSpec.builder().optVideoCount(videos).build(), folder);
  }
}
