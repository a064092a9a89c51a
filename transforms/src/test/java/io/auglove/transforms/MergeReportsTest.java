package io.auglove.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.auglove.transforms.records.FileReport;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.util.CoderUtils;
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

  @Test
  void partialResultsSurviveTheirCoderAndMerge() throws Exception {
    MergeReports.AddUpFn fn = new MergeReports.AddUpFn();
    MergeReports.EncodedParts first = fn.createAccumulator();
    fn.addInput(first, FileReport.reading("/a.csv", "aa", 2, 100, 3));
    fn.addInput(first, FileReport.filtering("/b.csv", 1, 2));
    MergeReports.EncodedParts second = fn.createAccumulator();
    fn.addInput(second, FileReport.filtering("/a.csv", 5, 5));
    fn.addInput(second, FileReport.reading("/b.csv", "bb", 1, 10, 0));
    fn.addInput(second, FileReport.downsampling("/a.csv", 3, 20, 67));

    MergeReports.EncodedParts.Coder coder = MergeReports.EncodedParts.Coder.of();
    Map<String, FileReport> byFile =
        fn.extractOutput(
            fn.mergeAccumulators(
                List.of(
                    CoderUtils.clone(coder, first),
                    CoderUtils.clone(coder, CoderUtils.clone(coder, second)),
                    fn.createAccumulator())));

    assertEquals(
        Map.of(
            "/a.csv",
            FileReport.reading("/a.csv", "aa", 2, 100, 3)
                .merge(FileReport.filtering("/a.csv", 5, 5))
                .merge(FileReport.downsampling("/a.csv", 3, 20, 67)),
            "/b.csv",
            FileReport.reading("/b.csv", "bb", 1, 10, 0)
                .merge(FileReport.filtering("/b.csv", 1, 2))),
        byFile);
  }

  @Test
  void aPartialResultIsEncodedAsItsPartsOneAfterTheOther() throws Exception {
    FileReport a = FileReport.reading("/a.csv", "aa", 2, 100, 3);
    FileReport b = FileReport.filtering("/b.csv", 1, 2);
    MergeReports.EncodedParts parts = new MergeReports.EncodedParts();
    parts.add(a);
    parts.add(b);

    byte[] partA = CoderUtils.encodeToByteArray(FileReport.Coder.of(), a);
    byte[] partB = CoderUtils.encodeToByteArray(FileReport.Coder.of(), b);
    byte[] encoded = CoderUtils.encodeToByteArray(MergeReports.EncodedParts.Coder.of(), parts);
    // one byte of length (under 128), then the two parts as their own coder writes them
    assertEquals(1 + partA.length + partB.length, encoded.length);
    assertEquals(partA.length + partB.length, encoded[0]);
    assertEquals(
        a, FileReport.Coder.of().decode(new ByteArrayInputStream(encoded, 1, partA.length)));
    assertEquals(
        b,
        FileReport.Coder.of()
            .decode(new ByteArrayInputStream(encoded, 1 + partA.length, partB.length)));
  }
}
