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
 * The cost of adding up the corpus's co-occurrence counts on the DirectRunner, by counting, not
 * timing: the running count is decoded (copied by the runner) about once per bundle that reaches
 * it, so the decodes grow with the bundles, a chunk of files or a single file each, and not with
 * their square, as they did when a partial count per bundle waited in a grouping that the runner
 * copied whole for every bundle.
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
  void countsAreDecodedOncePerChunkRead() throws IOException {
    long ten = countsDecoded(tenFiles, CHUNK_MEGABYTES, "ten");
    long hundred = countsDecoded(hundredFiles, CHUNK_MEGABYTES, "hundred");

    // A bundle per chunk, the DirectRunner splitting the files first into as many runs as its
    // threads (at least 3), each run's last chunk a short one; and the first bundle has no count.
    long runs = Math.max(3, Runtime.getRuntime().availableProcessors());
    long tenChunks = chunks(tenFiles);
    long hundredChunks = chunks(hundredFiles);
    assertTrue(hundredChunks + runs < 100, hundredChunks + " chunks in 100 files");
    assertTrue(
        ten >= 1 && ten <= tenChunks + runs,
        "10 files in " + tenChunks + " chunks: counts decoded " + ten + " times");
    assertTrue(
        hundred >= 1 && hundred <= hundredChunks + runs,
        "100 files in " + hundredChunks + " chunks: counts decoded " + hundred + " times");
  }

  @Test
  void fileByFileTheCountsAreDecodedOncePerFileAtMost() throws IOException {
    // Each file its own bundle: linear in the files. Merging a partial count per bundle in a
    // grouping decoded every partial again for each bundle: 132 times for 10 files, 5,757 for 100
    // (and 540 for the 100 files in chunks of 1 MB, against 26 here), failing both tests.
    long ten = countsDecoded(tenFiles, ReadOpenFace.FILE_BY_FILE, "ten-by-file");
    long hundred = countsDecoded(hundredFiles, ReadOpenFace.FILE_BY_FILE, "hundred-by-file");

    assertTrue(ten >= 1 && ten <= 10, "10 files read one by one: decoded " + ten + " times");
    assertTrue(
        hundred >= 10 && hundred <= 100,
        "100 files read one by one: decoded " + hundred + " times");
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

  private static long countsDecoded(Path input, int chunkMegabytes, String name)
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
                            WindowCooccur.class, WindowCooccur.COUNTS_DECODED_METRIC))
                    .build());
    long decoded = 0;
    for (MetricResult<Long> counter : metrics.getCounters()) {
      decoded += counter.getAttempted();
    }
    return decoded;
  }
}
