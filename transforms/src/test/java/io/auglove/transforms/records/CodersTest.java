package io.auglove.transforms.records;

import io.auglove.transforms.Tracks;
import java.util.List;
import org.apache.beam.sdk.testing.CoderProperties;
import org.junit.jupiter.api.Test;

class CodersTest {

  private final Track track =
      Track.of(
          TrackId.of("gs://b/dir/p01 v1.csv.gz", "p01 v1#2", 2, 3),
          List.of(Tracks.frame(1, 0.0, 0.98, true, 1.25f), Tracks.frame(2, 0.033, 0.4, false, 0f)));

  @Test
  void trackRoundTripsDeterministically() throws Exception {
    CoderProperties.coderDecodeEncodeEqual(TrackCoder.of(), track);
    CoderProperties.coderDecodeEncodeEqual(TrackCoder.of(), Track.of(track.id(), List.of()));
    CoderProperties.coderDeterministic(
        TrackCoder.of(), track, Track.of(track.id(), track.frames()));
    CoderProperties.coderSerializable(TrackCoder.of());
  }

  @Test
  void trackIdWithoutFaceIdRoundTrips() throws Exception {
    CoderProperties.coderDecodeEncodeEqual(
        TrackIdCoder.of(), TrackId.of("/a.csv", "a", TrackId.NO_FACE_ID, 0));
  }

  @Test
  void rejectedRowAndFileReportRoundTrip() throws Exception {
    CoderProperties.coderDecodeEncodeEqual(
        RejectedRow.Coder.of(),
        RejectedRow.of("/a.csv", 12, RejectReason.NOT_FINITE, "column 'x' = 'nan'", "1, nan"));
    CoderProperties.coderDecodeEncodeEqual(
        FileReport.Coder.of(),
        FileReport.reading("/a.csv", "ab", 2, 100, 3)
            .merge(FileReport.filtering("/a.csv", 4, 5))
            .merge(FileReport.downsampling("/a.csv", 2, 20, 68)));
    CoderProperties.coderDecodeEncodeEqual(
        FileReport.Coder.of(), FileReport.failed("/b.csv", "", "/b.csv: missing column 'AU45_r'"));
  }
}
