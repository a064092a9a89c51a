package io.auglove.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.hash.Hashing;
import io.auglove.transforms.records.FileReport;
import io.auglove.transforms.records.RejectReason;
import io.auglove.transforms.records.RejectedRow;
import io.auglove.transforms.records.Track;
import io.auglove.transforms.records.TrackId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.ReadableFileCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestPipelineExtension.class)
class ReadOpenFaceTest {

  @TempDir Path folder;

  private String write(String name, byte[] content) throws IOException {
    Path file = folder.resolve(name);
    Files.write(file, content);
    return file.toString();
  }

  private static String sha256(byte[] content) {
    return Hashing.sha256().hashBytes(content).toString();
  }

  @Test
  void readsGoodFilesAndReportsBadOnesWithoutStopping(TestPipeline pipeline) throws IOException {
    OpenFaceCsv twoFaces =
        OpenFaceCsv.withFaceId(",")
            .row(1, 0, 0.0, 0.98, 1, 0.1)
            .row(1, 1, 0.0, 0.98, 1, 0.2)
            .row(2, 0, 0.033, 0.98, 1, 0.3);
    OpenFaceCsv badRow =
        OpenFaceCsv.withoutFaceId(", ").row(1, 0.0, 0.98, 1, 0.5).row(2, 0.04, 0.98, 1, 9.0);
    byte[] zipped = badRow.gzip();
    String faces = write("faces.csv", twoFaces.bytes());
    String gz = write("bad.csv.gz", zipped);
    String empty = write("empty.csv", new byte[0]);
    String noAu45 =
        write(
            "noau45.csv",
            twoFaces.text().replace("AU45_r", "AU46_r").getBytes(StandardCharsets.UTF_8));

    PCollectionTuple read = pipeline.apply(ReadOpenFace.from(folder + "/*"));

    PAssert.that(
            read.get(ReadOpenFace.tracksTag())
                .apply(
                    MapElements.into(TypeDescriptors.strings())
                        .via((Track t) -> t.id().recording() + " " + t.size())))
        .containsInAnyOrder("faces#0 2", "faces#1 1", "bad 1");
    PAssert.that(read.get(ReadOpenFace.rejectedTag()))
        .containsInAnyOrder(
            RejectedRow.of(
                gz,
                3,
                RejectReason.AU_OUT_OF_RANGE,
                "column 'AU01_r' = 9 is outside 0..5",
                badRow.lines().get(2)));
    PAssert.that(read.get(ReadOpenFace.reportsTag()))
        .containsInAnyOrder(
            FileReport.reading(faces, sha256(twoFaces.bytes()), 2, 3, 0),
            FileReport.reading(gz, sha256(zipped), 1, 2, 1),
            FileReport.failed(empty, "", empty + ": the file is empty: no header line"),
            FileReport.failed(
                noAu45,
                "",
                noAu45
                    + ": missing column 'AU45_r' in the header; is this an OpenFace"
                    + " FeatureExtraction CSV with AU intensities?"));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void trackIdsKeepTheFileAndFace(TestPipeline pipeline) throws IOException {
    String file = write("p01_v1.csv", OpenFaceCsv.withFaceId().row(1, 0.0, 0.98, 1, 0.5).bytes());

    PCollectionTuple read = pipeline.apply(ReadOpenFace.from(file));

    PAssert.that(
            read.get(ReadOpenFace.tracksTag())
                .apply(
                    MapElements.into(TypeDescriptors.strings())
                        .via((Track t) -> t.id().toString())))
        .containsInAnyOrder(TrackId.of(file, "p01_v1", 0, 0).toString());
    pipeline.run().waitUntilFinish();
  }

  @Test
  void aPathThatMatchesNothingFailsThePipeline() {
    Pipeline pipeline = Pipeline.create();
    pipeline.apply(ReadOpenFace.from(folder + "/missing.csv"));

    Exception e = assertThrows(Exception.class, () -> pipeline.run().waitUntilFinish());
    assertEquals(true, String.valueOf(e.getMessage()).contains("missing.csv"), e.getMessage());
  }

  @Test
  void globsThatMatchNothingReadNothing(TestPipeline pipeline) throws IOException {
    String file = write("a.csv", OpenFaceCsv.withFaceId().row(1, 0.0, 0.98, 1, 0.5).bytes());

    PCollectionTuple read =
        pipeline.apply(ReadOpenFace.from(List.of(folder + "/*.csv", folder + "/*.csv.gz")));

    PAssert.that(read.get(ReadOpenFace.reportsTag()))
        .containsInAnyOrder(
            FileReport.reading(file, sha256(Files.readAllBytes(folder.resolve("a.csv"))), 1, 1, 0));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void noFilesGiveNoTracksRowsOrReports(TestPipeline pipeline) {
    PCollectionTuple read =
        pipeline.apply(Create.empty(ReadableFileCoder.of())).apply(ReadOpenFace.files());

    PAssert.that(read.get(ReadOpenFace.tracksTag())).empty();
    PAssert.that(read.get(ReadOpenFace.rejectedTag())).empty();
    PAssert.that(read.get(ReadOpenFace.reportsTag())).empty();
    pipeline.run().waitUntilFinish();
  }

  @Test
  void refusesAnEmptyPattern() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ReadOpenFace.from(" "));
    assertEquals("filepattern must not be empty", e.getMessage());
  }
}
