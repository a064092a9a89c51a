package io.auglove.pipelines.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.io.MoreFiles;
import com.google.common.io.RecursiveDeleteOption;
import io.auglove.pipelines.bench.PipelineMeasurement.VocabularyCounts;
import io.auglove.pipelines.bundle.BundleFiles;
import io.auglove.pipelines.bundle.CentroidsFiles;
import io.auglove.pipelines.generate.CorpusSummary;
import io.auglove.pipelines.vocabulary.VocabularyOptions;
import io.auglove.pipelines.vocabulary.VocabularyPipeline;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The vocabulary pipeline timed on generated corpora: against the Python baseline stage by stage,
 * or alone at several sizes. Centres are given, as with the paper's published ones: {@code
 * --centroids}, or else a k-means fit on a separate, smaller generated corpus made first and not
 * timed.
 */
public final class VocabularyBenchmark {

  /** Files of the corpus the centres are fitted on when none are given. */
  private static final int REFERENCE_FILES = 120;

  private final VocabularyOptions pipeline;
  private final Path folder;
  private final boolean allColumns;
  private final PrintStream out;
  private final String givenCentroids;
  private final String givenCounts;

  /**
   * @param pipeline the vocabulary pipeline's options; its input, output, centres and counts are
   *     set here for each run
   * @param folder where corpora, bundles, tables and plots go
   * @param allColumns whether corpora carry all 714 FeatureExtraction columns
   */
  public VocabularyBenchmark(
      VocabularyOptions pipeline, Path folder, boolean allColumns, PrintStream out) {
    this.pipeline = pipeline;
    this.folder = folder;
    this.allColumns = allColumns;
    this.out = out;
    this.givenCentroids = pipeline.getCentroids();
    this.givenCounts = pipeline.getCounts();
    pipeline.setOverwrite(true);
  }

  /** Times ours and the baseline on {@code corpus}; prints the table and writes its PNG and CSV. */
  public void table(BenchCorpus corpus, String python) throws Exception {
    PythonBaseline baseline = new PythonBaseline(python, folder.resolve("python"));
    baseline.check();
    String centroids = centroids(corpus);
    Path corpusFolder = write(corpus, "corpus");
    PipelineMeasurement ours = measure(corpusFolder, centroids, "bundle");
    out.printf(
        "auglove: %.1f s (%.1f s of CPU, all threads), peak heap at most %,d MB%n",
        ours.seconds(), ours.cpuSeconds(), ours.peakHeapBytes() >> 20);
    out.println("Python baseline: running on the same files ...");
    JsonNode figures =
        baseline.run(
            corpusFolder.resolve("recordings").toString(),
            centroids,
            givenCounts,
            pipeline.getDistanceThreshold(),
            pipeline.getCountThreshold(),
            pipeline.getWindow());
    VocabularyCounts theirs = VocabularyCounts.ofBaseline(figures);
    String disagreement = ours.counts().disagreement(theirs);
    if (disagreement != null) {
      throw new IllegalStateException("auglove and the Python baseline disagree: " + disagreement);
    }
    out.printf(
        "Found by both: %,d raw rows, %,d sequences, %,d co-occurrence pairs; <unk> frames by"
            + " distance and by count: auglove %,d and %,d, Python %,d and %,d%n",
        theirs.rowsRead(),
        theirs.sequences(),
        theirs.pairsTotal(),
        ours.counts().unknownByDistance(),
        ours.counts().unknownByCount(),
        theirs.unknownByDistance(),
        theirs.unknownByCount());
    StageTable table =
        StageTable.of(
            String.format(
                "Vocabulary front end, centres given (k = %s), %,d raw rows in %,d files%s",
                ours.k(),
                ours.counts().rowsRead(),
                corpus.files(),
                allColumns ? ", 714 columns" : ""),
            ours,
            figures);
    out.println();
    table.print(out);
    out.printf(
        "Peak memory: auglove heap at most %,d MB; Python resident %,d MB%n",
        ours.peakHeapBytes() >> 20, figures.path("max_rss_bytes").asLong() >> 20);
    Files.write(folder.resolve("bench.png"), table.png());
    Files.writeString(folder.resolve("bench.csv"), table.csv(), StandardCharsets.UTF_8);
    out.println("Wrote " + folder.resolve("bench.png") + " and bench.csv");
  }

  /**
   * Times ours alone on each corpus, {@code repeats} times each, the fastest run counting, after
   * {@code warmUps} runs of {@code warmUpCorpus} that do not count, so that the JIT's warm-up falls
   * on no corpus measured; then one file of the smallest corpus's files' size, what any run costs,
   * and the runner alone; prints seconds per million rows and writes the plot.
   *
   * <p>The corpora take turns, one run of each per round, so that each size is measured in the same
   * states of the JVM: measured one size after the other, the first corpus measured also carried
   * the rest of the JIT's warm-up (the 0.5M-row corpus 1.01 s per million rows measured first, 0.85
   * s measured again after the 2M-row corpus, in one command).
   */
  public void scaling(List<BenchCorpus> corpora, BenchCorpus warmUpCorpus, int warmUps, int repeats)
      throws Exception {
    if (repeats < 1) {
      throw new IllegalArgumentException("--repeats must be at least 1, got " + repeats);
    }
    if (warmUps < 0) {
      throw new IllegalArgumentException("--warmUps must be at least 0, got " + warmUps);
    }
    String centroids = centroids(corpora.get(0));
    List<Path> corpusFolders = new ArrayList<>();
    for (int i = 0; i < corpora.size(); i++) {
      corpusFolders.add(write(corpora.get(i), "corpus-" + (i + 1)));
    }
    if (warmUps > 0) {
      Path warmUpFolder = write(warmUpCorpus, "warm-up-corpus");
      for (int run = 1; run <= warmUps; run++) {
        PipelineMeasurement warmUp = measure(warmUpFolder, centroids, "bundle");
        out.printf(
            "%s, warm-up run %d of %d, not counted: %.2f s%n",
            warmUpCorpus, run, warmUps, warmUp.seconds());
      }
    }
    PipelineMeasurement[] fastest = new PipelineMeasurement[corpora.size()];
    for (int run = 1; run <= repeats; run++) {
      for (int i = 0; i < corpora.size(); i++) {
        fastest[i] =
            faster(
                fastest[i],
                timedRun(corpora.get(i), corpusFolders.get(i), centroids, run, repeats));
      }
    }
    ScalingPlot plot = new ScalingPlot();
    for (int i = 0; i < corpora.size(); i++) {
      plot.add(ScalingPlot.Point.of(corpora.get(i), fastest[i]));
    }
    // last, when the JIT has compiled the most
    BenchCorpus smallest = corpora.stream().min(Comparator.comparingLong(BenchCorpus::rows)).get();
    BenchCorpus oneFile = new BenchCorpus(Math.max(1_000, smallest.rows() / smallest.files()), 1);
    Path oneFileFolder = write(oneFile, "one-file-corpus");
    PipelineMeasurement oneFileFastest = null;
    for (int run = 1; run <= repeats; run++) {
      oneFileFastest =
          faster(oneFileFastest, timedRun(oneFile, oneFileFolder, centroids, run, repeats));
    }
    plot.setOneFile(ScalingPlot.Point.of(oneFile, oneFileFastest));
    // the pipeline as built for the run just made: its steps are the same for any input
    int steps = RunnerFloor.primitiveSteps(VocabularyPipeline.create(pipeline));
    double floor = RunnerFloor.fastestChainSeconds(pipeline, steps, RunnerFloor.RUNS);
    for (Path corpusFolder : corpusFolders) {
      MoreFiles.deleteRecursively(corpusFolder, RecursiveDeleteOption.ALLOW_INSECURE);
    }
    out.println();
    out.printf("The fastest of %d runs of each corpus (the corpora taking turns):%n", repeats);
    plot.print(out);
    out.printf(
        "the runner alone: %d steps that pass 3 numbers on, as many steps as the pipeline has,"
            + " took %.2f s (the fastest of %d runs)%n",
        steps, floor, RunnerFloor.RUNS);
    Files.write(folder.resolve("scaling.png"), plot.png());
    out.println("Wrote " + folder.resolve("scaling.png"));
  }

  /**
   * Run {@code run} of {@code repeats} on {@code corpus}, read from {@code corpusFolder}, printed.
   */
  private PipelineMeasurement timedRun(
      BenchCorpus corpus, Path corpusFolder, String centroids, int run, int repeats)
      throws IOException {
    PipelineMeasurement ours = measure(corpusFolder, centroids, "bundle");
    out.printf(
        "%s, run %d of %d: %.2f s (%.2f s of CPU), %.2f s per million rows, peak heap at most"
            + " %,d MB%n",
        corpus,
        run,
        repeats,
        ours.seconds(),
        ours.cpuSeconds(),
        ours.seconds() / (ours.counts().rowsRead() / 1e6),
        ours.peakHeapBytes() >> 20);
    return ours;
  }

  /** The faster of two runs; {@code fastest} may be null (no run yet). */
  private static PipelineMeasurement faster(PipelineMeasurement fastest, PipelineMeasurement run) {
    return fastest == null || run.seconds() < fastest.seconds() ? run : fastest;
  }

  /** The centres: the given ones, or a fit on a separate corpus the size of a few files. */
  private String centroids(BenchCorpus corpus) throws IOException {
    if (givenCentroids != null) {
      return CentroidsFiles.centroidsFile(givenCentroids); // the Python baseline reads a file
    }
    int files = Math.min(REFERENCE_FILES, corpus.files());
    BenchCorpus reference = new BenchCorpus(corpus.rows() / corpus.files() * files, files);
    out.printf(
        "Centres: k-means, k = %s, on a separate corpus of %s ...%n", pipeline.getK(), reference);
    Path referenceFolder = write(reference, "reference-corpus");
    pipeline.setCentroids(null);
    pipeline.setCounts(null);
    String bundle = folder.resolve("reference-bundle").toString();
    pipeline.setInput(referenceFolder.resolve("recordings").toString());
    pipeline.setOutput(bundle);
    PipelineMeasurement.run(pipeline);
    return Path.of(bundle, BundleFiles.CENTROIDS).toString();
  }

  private PipelineMeasurement measure(Path corpusFolder, String centroids, String bundle)
      throws IOException {
    pipeline.setInput(corpusFolder.resolve("recordings").toString());
    pipeline.setOutput(folder.resolve(bundle).toString());
    pipeline.setCentroids(centroids);
    pipeline.setCounts(givenCounts);
    out.println("auglove: running the vocabulary pipeline ...");
    return PipelineMeasurement.run(pipeline);
  }

  /** Writes {@code corpus} afresh into {@code name} under the folder. */
  private Path write(BenchCorpus corpus, String name) throws IOException {
    Path target = folder.resolve(name);
    if (Files.exists(target)) {
      MoreFiles.deleteRecursively(target, RecursiveDeleteOption.ALLOW_INSECURE);
    }
    long start = System.nanoTime();
    CorpusSummary summary = corpus.write(target.toString(), pipeline.getSeed(), allColumns);
    out.printf(
        "Generated %,d raw rows in %,d file%s%s into %s (%.1f s)%n",
        summary.totalRows(),
        summary.videos(),
        summary.videos() == 1 ? "" : "s",
        allColumns ? " with all 714 columns" : "",
        target,
        (System.nanoTime() - start) / 1e9);
    return target;
  }
}
