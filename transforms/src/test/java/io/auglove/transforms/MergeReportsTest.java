package io.auglove.transforms;

import io.auglove.transforms.records.FileReport;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPipelineExtension.class)
class MergeReportsTest {

  @Test
  void addsUpEveryStepsPartPerFile(TestPipeline pipeline) {
    PCollection<FileReport> reading =
        pipeline.apply(
            "Reading",
            Create.of(
                FileReport.reading("/a.csv", "aa", 2, 100, 3),
                FileReport.failed("/b.csv", "", "/b.csv: the file is empty: no header line")));
    PCollection<FileReport> filtering =
        pipeline.apply(
            "Filtering",
            Create.of(FileReport.filtering("/a.csv", 4, 5), FileReport.filtering("/a.csv", 1, 0)));
    PCollection<FileReport> downsampling =
        pipeline.apply("Downsampling", Create.of(FileReport.downsampling("/a.csv", 3, 20, 67)));

    PCollection<FileReport> merged =
        PCollectionList.of(reading).and(filtering).and(downsampling).apply(MergeReports.perFile());

    // /a.csv: 100 read = 20 kept + 5 low confidence + 5 success 0 + 67 downsampled + 3 rejected.
    PAssert.that(merged)
        .containsInAnyOrder(
            FileReport.reading("/a.csv", "aa", 2, 100, 3)
                .merge(FileReport.filtering("/a.csv", 5, 5))
                .merge(FileReport.downsampling("/a.csv", 3, 20, 67)),
            FileReport.failed("/b.csv", "", "/b.csv: the file is empty: no header line"));
    PAssert.that(merged)
        .satisfies(
            reports -> {
              for (FileReport report : reports) {
                if (!report.failed() && !report.reconciles()) {
                  throw new AssertionError("does not reconcile: " + report);
                }
              }
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void noPartsGiveNoReports(TestPipeline pipeline) {
    PCollection<FileReport> none = pipeline.apply(Create.empty(FileReport.Coder.of()));

    PAssert.that(PCollectionList.of(none).apply(MergeReports.perFile())).empty();
    pipeline.run().waitUntilFinish();
  }
}
