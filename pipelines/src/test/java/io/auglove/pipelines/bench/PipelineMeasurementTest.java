package io.auglove.pipelines.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auglove.pipelines.generate.CorpusSummary;
import io.auglove.pipelines.vocabulary.VocabularyOptions;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineMeasurementTest {

  @TempDir Path folder;

  @Test
  void aBenchCorpusHasTheRowsAndFilesAskedFor() throws IOException {
    CorpusSummary summary =
        new BenchCorpus(60_000, 24).write(folder.resolve("corpus").toString(), 3, false);

    assertEquals(24, summary.videos());
    assertTrue(
        Math.abs(summary.totalRows() - 60_000) <= 0.2 * 60_000, summary.totalRows() + " rows");
  }

  @Test
  void stageTimesAreEachStagesShareOfTheRunAndTheCountsTheBundles() throws IOException {
    CorpusSummary summary =
        new BenchCorpus(40_000, 16).write(folder.resolve("corpus").toString(), 5, false);
    VocabularyOptions options =
        PipelineOptionsFactory.fromArgs(
                "--input=" + folder.resolve("corpus").resolve("recordings"),
                "--output=" + folder.resolve("bundle"),
                "--k=6",
                "--dimensions=2",
                "--epochs=1",
                "--countThreshold=1")
            .as(VocabularyOptions.class);

    PipelineMeasurement measurement = PipelineMeasurement.run(options);

    assertEquals(summary.totalRows(), measurement.counts().rowsRead());
    assertEquals(6, measurement.k());
    assertTrue(measurement.counts().pairsTotal() > 0);
    double busy = 0;
    for (Stage stage : Stage.values()) {
      double seconds = measurement.stageSeconds().get(stage);
      assertTrue(seconds > 0, stage + " took " + seconds + " s");
      busy += seconds;
    }
    // Busy time is summed over threads: at most the wall time on every core.
    int cores = Runtime.getRuntime().availableProcessors();
    assertTrue(
        busy <= measurement.seconds() * cores,
        busy + " s busy in " + measurement.seconds() + " s on " + cores + " cores");
    assertTrue(measurement.peakHeapBytes() > 0);
  }
}
