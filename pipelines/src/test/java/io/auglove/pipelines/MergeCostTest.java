package io.auglove.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auglove.pipelines.vocabulary.VocabularyOptions;
import io.auglove.pipelines.vocabulary.VocabularyPipeline;
import io.auglove.transforms.ReadOpenFace;
import io.auglove.transforms.WindowCooccur;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The corpus-wide merge of co-occurrence counts on the DirectRunner, by counting, not timing: one
 * partial count per read chunk, so the partials merged grow with the bytes read and not with the
 * files. The DirectRunner copies a grouping's state once per incoming bundle, so with one partial
 * per file the merge would cost the square of the files.
 */
class MergeCostTest {

  /** The chunk of these tests: each corpus of 10 files is several chunks. */
  private static final int CHUNK_MEGABYTES = 1;

  @TempDir static Path folder;
  private static Path tenFiles;
  private static Path hundredFiles;

  @BeforeAll
  static void corpora() throws IOException {
    tenFiles = Corpora.generate(folder.resolve("ten"), 10, 5);
    hundredFiles = Corpora.generate(folder.resolve("hundred"), 100, 5);
  }

  @Test
  void partialsMergedGrowWithTheChunksReadNotTheFiles() throws IOException {
    long ten = partialsMerged(tenFiles, CHUNK_MEGABYTES, "ten");
    long hundred = partialsMerged(hundredFiles, CHUNK_MEGABYTES, "hundred");

    // A partial per bundle reaching the combine, counted once where bundles are combined and once
    // in the final merge: a bundle per chunk, the DirectRunner splitting the files first into as
    // many runs as its threads (at least 3), each run's last chunk a short one.
    long runs = Math.max(3, Runtime.getRuntime().availableProcessors());
    long tenChunks = chunks(tenFiles);
    long hundredChunks = chunks(hundredFiles);
    assertTrue(2 * (hundredChunks + runs) < 100, hundredChunks + " chunks in 100 files");
    assertTrue(
        ten >= tenChunks && ten <= 2 * (tenChunks + runs),
        "10 files in " + tenChunks + " chunks: " + ten + " partials merged");
    assertTrue(
        hundred >= hundredChunks && hundred <= 2 * (hundredChunks + runs),
        "100 files in " + hundredChunks + " chunks: " + hundred + " partials merged");
  }

  @Test
  void fileByFileTheMergeGrowsWithTheFiles() throws IOException {
    // The measure above can fail: spread file by file, each file brings its own partial.
    long hundred = partialsMerged(hundredFiles, ReadOpenFace.FILE_BY_FILE, "hundred-by-file");

    assertTrue(hundred >= 100, "100 files read one by one: " + hundred + " partials merged");
  }

  @Test
  void theDirectRunnerReadsChunksOf512Megabytes() {
    VocabularyOptions options = PipelineOptionsFactory.create().as(VocabularyOptions.class);

    assertEquals(512, options.getReadChunkMegabytes());
  }

  /** The chunks the files of {@code input} make, read in path order. */
  private static long chunks(Path input) throws IOException {
    List<Path> files;
    try (Stream<Path> listed = Files.walk(input)) {
      files =
          listed
              .filter(Files::isRegularFile)
              .filter(file -> file.toString().contains(".csv"))
              .sorted(Comparator.comparing(Path::toString))
              .toList();
    }
    long chunk = CHUNK_MEGABYTES << 20;
    long chunks = 0;
    long bytes = 0;
    for (Path file : files) {
      bytes += Files.size(file);
      if (bytes >= chunk) {
        chunks++;
        bytes = 0;
      }
    }
    return bytes > 0 ? chunks + 1 : chunks;
  }

  private static long partialsMerged(Path input, int chunkMegabytes, String name)
      throws IOException {
    VocabularyOptions options =
        PipelineOptionsFactory.fromArgs(
                "--input=" + input,
                "--output=" + folder.resolve("bundle-" + name),
                "--k=4",
                "--dimensions=2",
                "--epochs=1",
                "--countThreshold=1",
                "--readChunkMegabytes=" + chunkMegabytes)
            .as(VocabularyOptions.class);
    PipelineResult result = VocabularyPipeline.run(options);
    assertEquals(PipelineResult.State.DONE, result.waitUntilFinish());
    assertTrue(Files.exists(folder.resolve("bundle-" + name).resolve("manifest.json")));
    MetricQueryResults metrics =
        result
            .metrics()
            .queryMetrics(
                MetricsFilter.builder()
                    .addNameFilter(
                        MetricNameFilter.named(
                            WindowCooccur.class, WindowCooccur.PARTIALS_MERGED_METRIC))
                    .build());
    long merged = 0;
    for (MetricResult<Long> counter : metrics.getCounters()) {
      merged += counter.getAttempted();
    }
    return merged;
  }
}
