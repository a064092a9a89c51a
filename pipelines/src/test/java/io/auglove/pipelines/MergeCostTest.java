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
 * The corpus-wide merge of co-occurrence counts on the DirectRunner, by counting, not timing: the
 * partial counts merged into the matrix must not grow with the number of files. The DirectRunner
 * copies a grouping's whole state once per incoming bundle, so with one partial per file the merge
 * would cost the square of the files.
 */
class MergeCostTest {

  private static final int READ_GROUPS = 4;

  @TempDir static Path folder;
  private static Path tenFiles;
  private static Path hundredFiles;

  @BeforeAll
  static void corpora() throws IOException {
    tenFiles = Corpora.generate(folder.resolve("ten"), 10, 5);
    hundredFiles = Corpora.generate(folder.resolve("hundred"), 100, 5);
  }

  @Test
  void partialsMergedStayBoundedFromTenToAHundredFiles() throws IOException {
    long ten = partialsMerged(tenFiles, READ_GROUPS, "ten");
    long hundred = partialsMerged(hundredFiles, READ_GROUPS, "hundred");

    // One partial per read group, plus the few a runner adds (a bundle re-run once a side input
    // is ready, the combine's own final merge): a bound that does not depend on the files.
    assertTrue(ten >= 1 && ten <= 2 * READ_GROUPS, "10 files: " + ten + " partials merged");
    assertTrue(
        hundred >= 1 && hundred <= 2 * READ_GROUPS, "100 files: " + hundred + " partials merged");
  }

  @Test
  void fileByFileTheMergeGrowsWithTheFiles() throws IOException {
    // The measure above can fail: spread file by file, each file brings its own partial.
    long hundred = partialsMerged(hundredFiles, ReadOpenFace.FILE_BY_FILE, "hundred-by-file");

    assertTrue(hundred >= 100, "100 files read one by one: " + hundred + " partials merged");
  }

  @Test
  void theDirectRunnerReadsInFourGroupsPerCore() {
    VocabularyOptions options = PipelineOptionsFactory.create().as(VocabularyOptions.class);

    assertEquals(4 * Runtime.getRuntime().availableProcessors(), options.getReadGroups());
  }

  private static long partialsMerged(Path input, int readGroups, String name) throws IOException {
    VocabularyOptions options =
        PipelineOptionsFactory.fromArgs(
                "--input=" + input,
                "--output=" + folder.resolve("bundle-" + name),
                "--k=4",
                "--dimensions=2",
                "--epochs=1",
                "--countThreshold=1",
                "--readGroups=" + readGroups)
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
