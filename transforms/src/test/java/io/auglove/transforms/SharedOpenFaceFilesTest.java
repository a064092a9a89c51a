package io.auglove.transforms;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.auglove.transforms.records.FileReport;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every real OpenFace file in {@code ../shared/data/openface} is read, filtered and downsampled,
 * and each file's counts equal values computed independently of the reader: a separate script that
 * parses the files with Python's csv rules and applies the method's rules in exact decimal
 * arithmetic.
 */
@ExtendWith(TestPipelineExtension.class)
class SharedOpenFaceFilesTest {

  @Test
  void everySharedFileIsReadWithTheIndependentlyComputedCounts(TestPipeline pipeline) {
    Optional<Path> folder = SharedData.folder("openface");
    assumeTrue(folder.isPresent(), SharedData.missing("openface"));

    PCollectionTuple read = pipeline.apply(ReadOpenFace.from(folder.get() + "/*.csv"));
    PCollectionTuple filtered = read.get(ReadOpenFace.tracksTag()).apply(FilterConfidence.create());
    PCollectionTuple sequences =
        filtered.get(FilterConfidence.tracksTag()).apply(Downsample5fps.create());
    PCollection<String> reports =
        PCollectionList.of(read.get(ReadOpenFace.reportsTag()))
            .and(filtered.get(FilterConfidence.reportsTag()))
            .and(sequences.get(Downsample5fps.reportsTag()))
            .apply(MergeReports.perFile())
            .apply(
                MapElements.into(TypeDescriptors.strings()).via(SharedOpenFaceFilesTest::summary));

    // name: tracks sequences read kept low_confidence success_0 downsampled rejected
    PAssert.that(reports)
        .containsInAnyOrder(
            "emoinfer_openface2x_pose_aus_nospace_15fps.csv: 1 1 288 97 0 0 191 0",
            "facsvatar_openface20_featureextraction_noFaceId_25fps.csv: 1 1 490 99 0 0 391 0",
            "icer_openface2x_featureextraction_faceId_commaspace_30fps_success0.csv: 1 1 585 96 39 15"
                + " 435 0",
            "jameshtwose_openface2x_featureextraction_faceId_commaspace_60fps.csv: 1 1 374 32 0 0 342"
                + " 0",
            "opendbm_openface2x_featureextraction_faceId_doublespace_30fps.csv: 1 1 195 33 0 0 162 0",
            "pyfeat_openface_early2018_featureextraction_noFaceId_crlf.csv: 1 1 100 1 99 0 0 0",
            "smyle_openface2x_gaze_pose_aus_doublespace_25fps_success0.csv: 1 1 705 92 0 252 361 0");
    PAssert.that(read.get(ReadOpenFace.rejectedTag())).empty();
    pipeline.run().waitUntilFinish();
  }

  private static String summary(FileReport r) {
    String name = r.file().substring(r.file().lastIndexOf('/') + 1);
    return String.format(
        "%s: %d %d %d %d %d %d %d %d%s",
        name,
        r.tracks(),
        r.sequences(),
        r.read(),
        r.kept(),
        r.lowConfidence(),
        r.successZero(),
        r.downsampled(),
        r.rejected(),
        r.reconciles() && r.sha256().length() == 64 ? "" : " (does not reconcile)");
  }
}
